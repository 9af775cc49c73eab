"""Round-13 Go cases, written for this corpus from the checklist items (see SOURCES.md). Each template is written once
with `B|` (defect only) and `C|` (clean only) lines; //@ITEM markers name the line a reviewer reading that item should
flag and are stripped by the renderer. Names carry `00`: they are numbered in order at the end."""
from common13 import make_case, go_edit, gomod, go, f, pick, numbered, GO_GENERATED

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'


# ---------------------------------------------------------------- RES-01: rows closed by hand after the loop
def rows_after_loop(pkg, store, typ, fn, table, bad):
    return go(pkg, ['context', 'database/sql', 'fmt'], pick(r'''
// %(store)s reads and writes the %(table)s table.
type %(store)s struct {
    db *sql.DB
}

// %(typ)s is one row of %(table)s.
type %(typ)s struct {
    ID    int64
    Label string
}

// %(fn)s returns the %(table)s rows of one project, oldest first.
func (s *%(store)s) %(fn)s(ctx context.Context, project int64) ([]%(typ)s, error) {
    rows, err := s.db.QueryContext(ctx, "SELECT id, label FROM %(table)s WHERE project_id = $1 ORDER BY id", project) //@RES-01
    if err != nil {
        return nil, fmt.Errorf("list %(table)s of project %%d: %%w", project, err)
    }
C|    defer rows.Close()
    var found []%(typ)s
    for rows.Next() {
        var v %(typ)s
        if err := rows.Scan(&v.ID, &v.Label); err != nil {
            return nil, fmt.Errorf("scan %(table)s: %%w", err)
        }
        found = append(found, v)
    }
B|    rows.Close()
    return found, rows.Err()
}
''' % locals(), bad))


case('go-00-persist-generated-iterator-leaks-rows-on-scan-error', GH + 'tcncloud/protoc-gen-persist/issues/93',
     'a generated persistence layer closes its rows after the loop; a scan error returns with the rows still open',
     files=[f('persist/tags_persist.go', new=rows_after_loop('persist', 'TagStore', 'Tag', 'ListTags', 'tags', True))])
case('go-ok-00-persist-generated-iterator-defers-close', GH + 'tcncloud/protoc-gen-persist/issues/93',
     'clean: the generated listing defers rows.Close right after the query error check',
     files=[f('persist/tags_persist.go', new=rows_after_loop('persist', 'TagStore', 'Tag', 'ListTags', 'tags', False))])
case('go-00-forma-schema-listing-closes-rows-only-after-loop', GH + 'octopot/forma/issues/79',
     'a form service lists schemas and closes the rows by hand after iterating; the scan error path leaks them',
     files=[f('internal/storage/schema.go', new=rows_after_loop('storage', 'SchemaStorage', 'Schema', 'Schemas', 'schema', True))])


# ---------------------------------------------------------------- RES-01: rows abandoned by an early return in the loop
def first_match(bad):
    return go('imagestore', ['context', 'database/sql', 'fmt'], pick(r'''
// Store indexes fetched images by name.
type Store struct {
    db *sql.DB
}

// LatestDigest returns the newest non-empty digest stored for name.
func (s *Store) LatestDigest(ctx context.Context, name string) (string, error) {
    rows, err := s.db.QueryContext(ctx, "SELECT digest FROM images WHERE name = $1 ORDER BY imported DESC", name) //@RES-01
    if err != nil {
        return "", fmt.Errorf("query images named %s: %w", name, err)
    }
C|    defer rows.Close()
    for rows.Next() {
        var digest string
        if err := rows.Scan(&digest); err != nil {
            return "", fmt.Errorf("scan digest: %w", err)
        }
        if digest != "" {
            return digest, nil
        }
    }
    return "", rows.Err()
}
''', bad))


case('go-00-image-store-returns-first-digest-with-rows-open', GH + 'rkt/rkt/pull/3682',
     'an image store returns on the first matching row; the rest of the result set and its connection stay open',
     files=[f('store/imagestore/digest.go', new=first_match(True))])
case('go-ok-00-image-store-defers-close-before-early-return', GH + 'rkt/rkt/pull/3682',
     'clean: the digest lookup defers rows.Close, so the early return inside the loop releases the connection',
     files=[f('store/imagestore/digest.go', new=first_match(False))])

# An edit: a helper that used to defer the close is changed to close "when done", and a filter return slips in.
ROWS_EDIT = r'''
// ActiveUsers returns the names of users seen since the given time, skipping service accounts.
func ActiveUsers(ctx context.Context, db *sql.DB, since int64) ([]string, error) {
    rows, err := db.QueryContext(ctx, "SELECT name, kind FROM users WHERE seen >= ?", since) //@RES-01
    if err != nil {
        return nil, err
    }
-|    defer rows.Close()
    var names []string
    for rows.Next() {
        var name, kind string
        if err := rows.Scan(&name, &kind); err != nil {
            return nil, err
        }
        if kind == "service" {
            continue
        }
        names = append(names, name)
    }
+|    rows.Close()
    return names, rows.Err()
}
'''
case('go-00-gosql-edit-swaps-deferred-close-for-close-after-loop', GH + 'ilibs/gosql/pull/13',
     'an edit replaces the deferred rows.Close with a close after the loop; a scan error now leaks the rows',
     files=[go_edit('users/active.go', 'users', ['context', 'database/sql'], ROWS_EDIT)])


# ---------------------------------------------------------------- RES-02: response bodies
def subscribe(bad):
    return go('sse', ['context', 'fmt', 'io', 'net/http'], pick(r'''
// Client subscribes to server-sent event streams.
type Client struct {
    http *http.Client
}

// Stream is an open event stream; the caller closes it.
type Stream struct {
    body io.ReadCloser
}

// Close releases the connection of the stream.
func (s *Stream) Close() error { return s.body.Close() }

// Subscribe opens the stream at url and hands its body to the returned Stream.
func (c *Client) Subscribe(ctx context.Context, url string) (*Stream, error) {
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
    if err != nil {
        return nil, err
    }
    req.Header.Set("Accept", "text/event-stream")
    resp, err := c.http.Do(req) //@RES-02
    if err != nil {
        return nil, fmt.Errorf("subscribe %s: %w", url, err)
    }
    if resp.StatusCode != http.StatusOK {
C|        resp.Body.Close()
        return nil, fmt.Errorf("subscribe %s: %s", url, resp.Status)
    }
    return &Stream{body: resp.Body}, nil
}
''', bad))


case('go-00-sse-client-returns-on-401-without-closing-body', GH + 'r3labs/sse/issues/95',
     'an event-stream client returns an error for a non-200 answer and leaves that response body open',
     files=[f('client.go', new=subscribe(True))])
case('go-ok-00-sse-client-closes-body-of-rejected-subscription', GH + 'r3labs/sse/issues/95',
     'clean: the rejected subscription closes its body; on success the body moves into the returned stream',
     files=[f('client.go', new=subscribe(False))])


def ping(pkg, typ, fn, path, bad):
    return go(pkg, ['context', 'io', 'net/http'], pick(r'''
// %(typ)s checks that backends are alive.
type %(typ)s struct {
    client *http.Client
}

// %(fn)s reports whether backend answers its health endpoint with 200.
func (p *%(typ)s) %(fn)s(ctx context.Context, backend string) bool {
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, backend+"%(path)s", nil)
    if err != nil {
        return false
    }
    resp, err := p.client.Do(req) //@RES-02
    if err != nil {
        return false
    }
C|    defer resp.Body.Close()
C|    _, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 4<<10)) // best effort: a drained body lets the connection be reused
    return resp.StatusCode == http.StatusOK
}
''' % locals(), bad))


case('go-00-frontender-ping-reads-status-and-drops-body', GH + 'orijtech/frontender/pull/8',
     'a front-end proxy pings each backend and looks only at the status code; every ping keeps its connection',
     files=[f('lively/ping.go', new=ping('lively', 'Liveliness', 'Ping', '/ping', True))])
case('go-ok-00-frontender-ping-drains-and-closes-body', GH + 'orijtech/frontender/pull/8',
     'clean: the ping defers the body close and drains a bounded amount before returning the status',
     files=[f('lively/ping.go', new=ping('lively', 'Liveliness', 'Ping', '/ping', False))])
case('go-00-upstream-health-probe-never-closes-body', GH + 'orijtech/frontender/pull/8',
     'a load balancer probes upstream health endpoints and never closes the response bodies',
     files=[f('balancer/health.go', new=ping('balancer', 'HealthProbe', 'Healthy', '/healthz', True))])


# ---------------------------------------------------------------- TMO-03: cancel functions
def stop_proc(pkg, bad):
    return go(pkg, ['context', 'fmt', 'syscall', 'time'], pick(r'''
// Stop sends SIGTERM to the named process and waits until it exits or the timeout passes.
func (m *Manager) Stop(name string, timeout time.Duration) error {
    ctx, cancel := context.WithTimeout(m.ctx, timeout) //@TMO-03
C|    defer cancel()
    p, ok := m.procs[name]
    if !ok {
        return fmt.Errorf("unknown process %q", name)
    }
    if err := p.signal(syscall.SIGTERM); err != nil {
B|        cancel()
        return fmt.Errorf("stop %s: %w", name, err)
    }
    select {
    case <-p.done:
    case <-ctx.Done():
B|        cancel()
        return fmt.Errorf("stop %s: %w", name, ctx.Err())
    }
B|    cancel()
    return nil
}
''', bad))


case('go-00-procfile-runner-misses-cancel-on-unknown-process', GH + 'mattn/goreman/pull/86',
     'a Procfile runner cancels its stop timeout on three paths but returns for an unknown process without it',
     files=[f('proc_stop.go', new=stop_proc('main', True))])
case('go-ok-00-procfile-runner-defers-cancel', GH + 'mattn/goreman/pull/86',
     'clean: the stop timeout is cancelled by a defer on the line after it is made',
     files=[f('proc_stop.go', new=stop_proc('main', False))])

MSSQL_EDIT = r'''
// Ping checks the server with its own deadline, shorter than any query's.
func (c *Conn) Ping(parent context.Context) error {
-|    ctx, cancel := context.WithTimeout(parent, c.pingTimeout)
-|    defer cancel()
+|    ctx, _ := context.WithTimeout(parent, c.pingTimeout) //@TMO-03
    if err := c.sendBatch(ctx, "SELECT 1"); err != nil {
        return fmt.Errorf("ping: %w", err)
    }
    return c.drain(ctx)
}
'''
case('go-00-mssql-driver-edit-discards-ping-cancel', GH + 'denisenkom/go-mssqldb/pull/544',
     'an edit of a SQL Server driver drops the deferred cancel of the ping deadline and assigns it to _',
     files=[go_edit('ping.go', 'mssql', ['context', 'fmt'], MSSQL_EDIT)])


# ---------------------------------------------------------------- CONC-01: goroutines without recover
def poller(pkg, typ, job, bad):
    return go(pkg, ['context', 'log/slog', 'runtime/debug'], pick(r'''
// %(typ)s runs the %(job)s loop in the background.
type %(typ)s struct {
    log    *slog.Logger
    panics interface{ Inc() }
    run    func(context.Context)
}

// Start launches the %(job)s loop; it ends when ctx is cancelled.
func (r *%(typ)s) Start(ctx context.Context) {
B|    go r.run(ctx) //@CONC-01
C|    go func() {
C|        defer r.recovered("%(job)s")
C|        r.run(ctx)
C|    }()
}
C|
C|// recovered logs and counts a panic of a background loop instead of letting it end the process.
C|func (r *%(typ)s) recovered(name string) {
C|    if p := recover(); p != nil {
C|        r.panics.Inc()
C|        r.log.Error("background loop panicked", "loop", name, "panic", p, "stack", string(debug.Stack()))
C|    }
C|}
''' % locals(), bad))


case('go-00-workflow-runner-starts-status-loop-without-recover', GH + 'VertebrateResequencing/wr/pull/187',
     'a workflow runner starts its status loop in a bare goroutine; a panic there ends the server',
     files=[f('jobqueue/status.go', new=poller('jobqueue', 'StatusLoop', 'status', True))])
case('go-ok-00-workflow-runner-loop-recovers-and-logs', GH + 'VertebrateResequencing/wr/pull/187',
     'clean: the status loop runs under a deferred recover that logs the panic with its stack and counts it',
     files=[f('jobqueue/status.go', new=poller('jobqueue', 'StatusLoop', 'status', False))])
case('go-00-resque-worker-starts-poller-without-recover', GH + 'benmanns/goworker/issues/42',
     'a Resque-compatible worker starts its queue poller in a goroutine with no recover',
     files=[f('poller_start.go', new=poller('goworker', 'QueuePoller', 'queue-poll', True))])


def fanout(bad):
    return go('catalog', ['context', 'fmt', 'sync'], pick(r'''
// Item joins the price and the stock of one article.
type Item struct {
    Price int64
    Stock int
}

// GetItem looks up price and stock concurrently and joins them.
func (s *Service) GetItem(ctx context.Context, id string) (*Item, error) {
    var (
        wg                 sync.WaitGroup
        item               Item
        priceErr, stockErr error
    )
    wg.Add(2)
    go func() { //@CONC-01
        defer wg.Done()
C|        defer func() {
C|            if p := recover(); p != nil {
C|                priceErr = fmt.Errorf("price lookup for %s panicked: %v", id, p)
C|            }
C|        }()
        item.Price, priceErr = s.prices.Lookup(ctx, id)
    }()
    go func() { //@CONC-01
        defer wg.Done()
C|        defer func() {
C|            if p := recover(); p != nil {
C|                stockErr = fmt.Errorf("stock lookup for %s panicked: %v", id, p)
C|            }
C|        }()
        item.Stock, stockErr = s.stock.Count(ctx, id)
    }()
    wg.Wait()
    if priceErr != nil {
        return nil, priceErr
    }
    if stockErr != nil {
        return nil, stockErr
    }
    return &item, nil
}
''', bad))


case('go-00-grpc-handler-fans-out-lookups-without-recover', GH + 'grpc-ecosystem/go-grpc-middleware/issues/441',
     'a gRPC handler runs two lookups in goroutines; the recovery interceptor does not cover them (two expectations)',
     files=[f('catalog/get_item.go', new=fanout(True))])
case('go-ok-00-grpc-handler-lookups-turn-panics-into-errors', GH + 'grpc-ecosystem/go-grpc-middleware/issues/441',
     'clean: each lookup goroutine recovers and turns a panic into the error the handler returns',
     files=[f('catalog/get_item.go', new=fanout(False))])

PLANKTON_EDIT = r'''
// Run starts every task of the plan and waits for all of them.
func (p *Plan) Run(ctx context.Context) error {
    errs := make(chan error, len(p.tasks))
    sem := make(chan struct{}, p.parallelism) // at most parallelism tasks run at once
    for _, t := range p.tasks {
        t := t
        sem <- struct{}{}
-|        p.goSafe(func() { defer func() { <-sem }(); errs <- t.Run(ctx) })
+|        go func() { defer func() { <-sem }(); errs <- t.Run(ctx) }() //@CONC-01
    }
    var first error
    for range p.tasks {
        if err := <-errs; err != nil && first == nil {
            first = err
        }
    }
    return first
}
'''
case('go-00-plankton-edit-unwraps-task-goroutines-from-recovering-helper', GH + 'johnshiver/plankton/issues/4',
     'an edit starts each task of a plan in a bare goroutine instead of the recovering helper it used',
     files=[go_edit('plan/run.go', 'plan', ['context'], PLANKTON_EDIT)])


# ---------------------------------------------------------------- TX-01 / TX-02: transactions
def transfer(pkg, typ, bad):
    return go(pkg, ['context', 'database/sql', 'fmt'], pick(r'''
// %(typ)s moves amounts between accounts.
type %(typ)s struct {
    db *sql.DB
}

// Transfer debits one account and credits another in one transaction.
func (l *%(typ)s) Transfer(ctx context.Context, from, to string, amount int64) error {
    tx, err := l.db.BeginTx(ctx, nil) //@TX-01
    if err != nil {
        return fmt.Errorf("begin transfer: %%w", err)
    }
C|    defer tx.Rollback() // a no-op once Commit has succeeded
    if _, err := tx.ExecContext(ctx, "UPDATE accounts SET balance = balance - $1 WHERE id = $2", amount, from); err != nil {
        return fmt.Errorf("debit %%s: %%w", from, err)
    }
    if _, err := tx.ExecContext(ctx, "UPDATE accounts SET balance = balance + $1 WHERE id = $2", amount, to); err != nil {
        return fmt.Errorf("credit %%s: %%w", to, err)
    }
    if _, err := tx.ExecContext(ctx, "INSERT INTO transfers (source, target, amount) VALUES ($1, $2, $3)", from, to, amount); err != nil {
        return fmt.Errorf("record transfer: %%w", err)
    }
    return tx.Commit()
}
''' % locals(), bad))


case('go-00-qledger-transfer-returns-without-rollback', GH + 'RealImage/QLedger/pull/6',
     'a ledger returns on a failed debit or credit with its transaction still open',
     files=[f('models/transfer.go', new=transfer('models', 'Ledger', True))])
case('go-ok-00-qledger-transfer-defers-rollback', GH + 'RealImage/QLedger/pull/6',
     'clean: the transfer defers Rollback right after BeginTx and returns Commit\'s error',
     files=[f('models/transfer.go', new=transfer('models', 'Ledger', False))])
case('go-00-isucon-tip-handler-leaks-transaction-on-error', GH + 'isucon/isucon13/pull/114',
     'a contest service moves points between users and returns on an exec error without rolling back',
     files=[f('webapp/go/tips.go', new=transfer('main', 'TipService', True))])

GOHAN_EDIT = r'''
// Within runs fn in a transaction and commits when it succeeds.
func Within(ctx context.Context, db *sql.DB, fn func(*sql.Tx) error) error {
    tx, err := db.BeginTx(ctx, nil) //@TX-01
    if err != nil {
        return err
    }
-|    defer tx.Rollback()
    if err := fn(tx); err != nil {
        return err
    }
    return tx.Commit()
}
'''
case('go-00-gohan-edit-removes-deferred-rollback', GH + 'cloudwan/gohan/pull/614',
     'an edit of a transaction helper deletes the deferred rollback; a failing callback leaves the transaction open',
     files=[go_edit('db/within.go', 'db', ['context', 'database/sql'], GOHAN_EDIT)])


def clair_begin(bad):
    return go('database', ['context', 'database/sql', 'fmt'], pick(r'''
// FindAncestry reads an ancestry inside a read-only transaction that is always rolled back.
func FindAncestry(ctx context.Context, db *sql.DB, name string) (Ancestry, bool, error) {
B|    tx, _ := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true}) //@TX-02|ERR-01
C|    tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
C|    if err != nil {
C|        return Ancestry{}, false, fmt.Errorf("begin: %w", err)
C|    }
    defer tx.Rollback()
    var a Ancestry
B|    err := tx.QueryRowContext(ctx, "SELECT name, layers FROM ancestry WHERE name = $1", name).Scan(&a.Name, &a.Layers)
C|    err = tx.QueryRowContext(ctx, "SELECT name, layers FROM ancestry WHERE name = $1", name).Scan(&a.Name, &a.Layers)
    if err == sql.ErrNoRows {
        return Ancestry{}, false, nil
    }
    if err != nil {
        return Ancestry{}, false, fmt.Errorf("find ancestry %s: %w", name, err)
    }
    return a, true, nil
}

// Ancestry is a named chain of image layers.
type Ancestry struct {
    Name   string
    Layers string
}
''', bad))


case('go-00-clair-ancestry-lookup-discards-begin-error', GH + 'quay/clair/pull/829',
     'a vulnerability scanner discards the error of BeginTx and defers Rollback on a possibly nil transaction',
     files=[f('database/ancestry.go', new=clair_begin(True))])
case('go-ok-00-clair-ancestry-lookup-checks-begin-error', GH + 'quay/clair/pull/829',
     'clean: the lookup checks the BeginTx error before it defers the rollback',
     files=[f('database/ancestry.go', new=clair_begin(False))])

NOMS_EDIT = r'''
// SaveHead writes the new head of a dataset and commits it.
func (s *Store) SaveHead(ctx context.Context, dataset, hash string) error {
    tx, err := s.db.BeginTx(ctx, nil)
    if err != nil {
        return fmt.Errorf("begin: %w", err)
    }
    defer tx.Rollback()
    if _, err := tx.ExecContext(ctx, "UPDATE heads SET hash = $1 WHERE dataset = $2", hash, dataset); err != nil {
        return fmt.Errorf("update head of %s: %w", dataset, err)
    }
-|    return tx.Commit()
+|    tx.Commit() //@TX-02|ERR-01
+|    return nil
}
'''
case('go-00-noms-edit-ignores-commit-error', GH + 'attic-labs/noms/pull/711',
     'an edit stops returning the commit error of a dataset head update and reports success regardless',
     files=[go_edit('datas/head_store.go', 'datas', ['context', 'fmt'], NOMS_EDIT)])


# ---------------------------------------------------------------- RES-03: defer inside a loop
def untar(pkg, fn, bad):
    return go(pkg, ['archive/tar', 'fmt', 'io', 'os', 'path/filepath'], pick(r'''
// %(fn)s writes the regular files of an archive below dst.
func %(fn)s(r io.Reader, dst string) error {
    tr := tar.NewReader(r)
    for {
        hdr, err := tr.Next()
        if err == io.EOF {
            return nil
        }
        if err != nil {
            return fmt.Errorf("read archive: %%w", err)
        }
        if hdr.Typeflag != tar.TypeReg {
            continue
        }
        target := filepath.Join(dst, filepath.Clean("/"+hdr.Name))
B|        out, err := os.OpenFile(target, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, os.FileMode(hdr.Mode))
B|        if err != nil {
B|            return fmt.Errorf("create %%s: %%w", target, err)
B|        }
B|        defer out.Close() //@RES-03
B|        if _, err := io.Copy(out, tr); err != nil {
B|            return fmt.Errorf("write %%s: %%w", target, err)
B|        }
C|        if err := writeEntry(target, os.FileMode(hdr.Mode), tr); err != nil {
C|            return err
C|        }
    }
}
C|
C|// writeEntry copies one archive entry into its own file and closes it before the next entry is read.
C|func writeEntry(target string, mode os.FileMode, r io.Reader) (err error) {
C|    out, err := os.OpenFile(target, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, mode)
C|    if err != nil {
C|        return fmt.Errorf("create %%s: %%w", target, err)
C|    }
C|    defer func() {
C|        if cerr := out.Close(); cerr != nil && err == nil {
C|            err = fmt.Errorf("close %%s: %%w", target, cerr)
C|        }
C|    }()
C|    if _, err := io.Copy(out, r); err != nil {
C|        return fmt.Errorf("write %%s: %%w", target, err)
C|    }
C|    return nil
C|}
''' % locals(), bad))


case('go-00-plugin-extractor-defers-file-close-per-entry', GH + 'mattermost/mattermost/pull/17669',
     'a plugin installer extracts a tarball with a deferred close per entry; large plugins run out of descriptors',
     files=[f('server/app/extract_plugin_tar.go', new=untar('app', 'extractTarGz', True))])
case('go-ok-00-plugin-extractor-closes-each-entry-in-helper', GH + 'mattermost/mattermost/pull/17669',
     'clean: each entry is written by a helper whose deferred close runs before the next entry',
     files=[f('server/app/extract_plugin_tar.go', new=untar('app', 'extractTarGz', False))])
case('go-00-kpack-blob-fetch-defers-close-in-untar-loop', GH + 'buildpacks-community/kpack/pull/503',
     'a build service untars fetched blobs and defers every file close to the end of the extraction',
     files=[f('pkg/blob/untar.go', new=untar('blob', 'extractTar', True))])
case('go-00-antrea-support-bundle-unpack-defers-close-in-loop', GH + 'antrea-io/antrea/pull/8197',
     'a network plugin unpacks support bundles with a deferred close inside the entry loop',
     files=[f('pkg/util/compress/unpack.go', new=untar('compress', 'UnpackReader', True))])


def zipdir(bad):
    return go('fileutil', ['archive/zip', 'fmt', 'io', 'os', 'path/filepath'], pick(r'''
// CompressDir writes every regular file of dir into a zip archive at dst.
func CompressDir(dir, dst string) (err error) {
    entries, err := os.ReadDir(dir)
    if err != nil {
        return fmt.Errorf("read %s: %w", dir, err)
    }
    out, err := os.Create(dst)
    if err != nil {
        return fmt.Errorf("create %s: %w", dst, err)
    }
    defer func() {
        if cerr := out.Close(); cerr != nil && err == nil {
            err = cerr
        }
    }()
    zw := zip.NewWriter(out)
    for _, e := range entries {
        if !e.Type().IsRegular() {
            continue
        }
B|        src, err := os.Open(filepath.Join(dir, e.Name()))
B|        if err != nil {
B|            return err
B|        }
B|        defer src.Close() //@RES-03
B|        w, err := zw.Create(e.Name())
B|        if err != nil {
B|            return err
B|        }
B|        if _, err := io.Copy(w, src); err != nil {
B|            return err
B|        }
C|        if err := addFile(zw, filepath.Join(dir, e.Name()), e.Name()); err != nil {
C|            return err
C|        }
    }
    return zw.Close()
}
C|
C|// addFile copies one file into the archive; the file is closed when this entry is done.
C|func addFile(zw *zip.Writer, path, name string) error {
C|    src, err := os.Open(path)
C|    if err != nil {
C|        return err
C|    }
C|    defer src.Close()
C|    w, err := zw.Create(name)
C|    if err != nil {
C|        return err
C|    }
C|    _, err = io.Copy(w, src)
C|    return err
C|}
''', bad))


case('go-00-browser-data-export-defers-close-per-zipped-file', GH + 'moonD4rk/HackBrowserData/pull/224',
     'an export tool zips a directory and defers the close of every source file to the end of the function',
     files=[f('utils/fileutil/compress.go', new=zipdir(True))])
case('go-ok-00-browser-data-export-adds-each-file-in-helper', GH + 'moonD4rk/HackBrowserData/pull/224',
     'clean: each file is added by a helper that closes it when its entry is written',
     files=[f('utils/fileutil/compress.go', new=zipdir(False))])


# ---------------------------------------------------------------- TMO-01: clients without a timeout
def exchange_client(bad):
    return go('exchange', ['net/http', 'time'], pick(r'''
// Client calls the exchange's REST API.
type Client struct {
    BaseURL    string
    Key        string
    Secret     string
    HTTPClient *http.Client
}

// NewClient returns a client for the production API.
func NewClient(key, secret string) *Client {
    return &Client{
        BaseURL:    "https://api.exchange.example.com",
        Key:        key,
        Secret:     secret,
B|        HTTPClient: &http.Client{}, //@TMO-01
C|        HTTPClient: &http.Client{Timeout: 15 * time.Second},
    }
}

// pause spaces out calls to stay under the public rate limit.
func pause() { time.Sleep(350 * time.Millisecond) }
''', bad))


case('go-00-coinbase-client-built-without-timeout', GH + 'preichenberger/go-coinbasepro/pull/25',
     'an exchange client builds its http.Client with no timeout, so a hung server hangs every caller',
     files=[f('coinbasepro/client.go', new=exchange_client(True))])
case('go-ok-00-coinbase-client-sets-request-timeout', GH + 'preichenberger/go-coinbasepro/pull/25',
     'clean: the exchange client sets an overall request timeout on its http.Client',
     files=[f('coinbasepro/client.go', new=exchange_client(False))])

QUOTE = r'''
// LastPrice fetches the last traded price of a product from the public ticker.
func LastPrice(product string) (string, error) {
    resp, err := http.Get("https://api.exchange.example.com/products/" + product + "/ticker") //@TMO-01
    if err != nil {
        return "", fmt.Errorf("ticker %s: %w", product, err)
    }
    defer resp.Body.Close()
    var t struct {
        Price string `json:"price"`
    }
    if err := json.NewDecoder(resp.Body).Decode(&t); err != nil {
        return "", fmt.Errorf("decode ticker %s: %w", product, err)
    }
    return t.Price, nil
}
'''
case('go-00-coinbase-ticker-uses-http-get', GH + 'preichenberger/go-coinbasepro/pull/25',
     'a ticker helper calls http.Get, whose default client never times out',
     files=[f('coinbasepro/ticker.go', new=go('exchange', ['encoding/json', 'fmt', 'net/http'], QUOTE))])


# ---------------------------------------------------------------- TMO-02: the request's context dropped
def kangal(pkg, typ, bad):
    return go(pkg, ['context', 'encoding/json', 'net/http', 'time'], pick(r'''
// %(typ)s creates load tests in the cluster for HTTP clients.
type %(typ)s struct {
    kube        LoadTests
    kubeTimeout time.Duration
}

// LoadTests is the part of the cluster client the proxy needs.
type LoadTests interface {
    Create(ctx context.Context, spec Spec) (string, error)
}

// Spec describes one load test.
type Spec struct {
    Type     string `json:"type"`
    Replicas int    `json:"replicas"`
}

// Create handles POST /load-test.
func (p *%(typ)s) Create(w http.ResponseWriter, r *http.Request) {
    var spec Spec
    if err := json.NewDecoder(r.Body).Decode(&spec); err != nil {
        http.Error(w, "bad load test spec", http.StatusBadRequest)
        return
    }
B|    ctx, cancel := context.WithTimeout(context.Background(), p.kubeTimeout) //@TMO-02
C|    ctx, cancel := context.WithTimeout(r.Context(), p.kubeTimeout)
    defer cancel()
    name, err := p.kube.Create(ctx, spec)
    if err != nil {
        http.Error(w, "could not create load test", http.StatusBadGateway)
        return
    }
    w.Header().Set("Content-Type", "application/json")
    w.WriteHeader(http.StatusCreated)
    _ = json.NewEncoder(w).Encode(map[string]string{"name": name}) // the status is sent; a failed write only means the client left
}
''' % locals(), bad))


case('go-00-kangal-proxy-bounds-background-context', GH + 'hellofresh/kangal/pull/25',
     'a load-test proxy bounds its cluster call with a timeout on context.Background, dropping the request context',
     files=[f('pkg/proxy/create.go', new=kangal('proxy', 'Proxy', True))])
case('go-ok-00-kangal-proxy-bounds-request-context', GH + 'hellofresh/kangal/pull/25',
     'clean: the cluster call\'s timeout is derived from the request\'s context',
     files=[f('pkg/proxy/create.go', new=kangal('proxy', 'Proxy', False))])

KUBO_EDIT = r'''
// ServeHTTP answers a command request; the command runs until it finishes or the client goes away.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
    req, err := h.parse(r)
    if err != nil {
        http.Error(w, err.Error(), http.StatusBadRequest)
        return
    }
-|    res, err := h.root.Execute(r.Context(), req)
+|    res, err := h.root.Execute(context.TODO(), req) //@TMO-02
    if err != nil {
        http.Error(w, err.Error(), http.StatusInternalServerError)
        return
    }
    h.write(w, res)
}
'''
case('go-00-kubo-edit-runs-command-with-todo-context', GH + 'ipfs/kubo/pull/5782',
     'an edit of an HTTP command handler runs the command with context.TODO instead of the request context',
     files=[go_edit('commands/http/handler.go', 'http', ['net/http'], KUBO_EDIT, new_imports=['context', 'net/http'])])


def typhon(bad):
    return go('typhon', ['net/http'], pick(r'''
// HttpHandler adapts a Service to net/http; the request's context carries the caller's deadline and cancellation.
func HttpHandler(svc Service) http.Handler {
    return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
        req := Request{Request: *r, Context: r.Context()}
        rsp := svc(req)
        rsp.writeTo(w)
    })
}
''', bad))


case('go-ok-00-typhon-adapter-passes-request-context', GH + 'monzo/typhon/pull/94',
     'clean: an RPC adapter hands the request\'s own context to the service',
     files=[f('server_http.go', new=typhon(False))])


# ---------------------------------------------------------------- CONC-05 (Go): sleeping through a cancelled context
def retry(pkg, typ, fn, bad):
    return go(pkg, ['context', 'errors', 'time'], pick(r'''
// ErrRetryable marks an error worth another attempt.
var ErrRetryable = errors.New("retryable")

// %(fn)s runs op until it succeeds, fails for good, or the attempts are used up.
func (d *%(typ)s) %(fn)s(ctx context.Context, op func(context.Context) error) error {
    var err error
    for attempt := 0; attempt < d.maxAttempts; attempt++ {
        if err = op(ctx); err == nil || !errors.Is(err, ErrRetryable) {
            return err
        }
B|        time.Sleep(d.backoff(attempt)) //@CONC-05
C|        t := time.NewTimer(d.backoff(attempt))
C|        select {
C|        case <-ctx.Done():
C|            t.Stop()
C|            return ctx.Err()
C|        case <-t.C:
C|        }
    }
    return err
}

func (d *%(typ)s) backoff(attempt int) time.Duration {
    return d.base << attempt
}
''' % locals(), bad))


case('go-00-qldb-driver-sleeps-between-retries-ignoring-context', GH + 'awslabs/amazon-qldb-driver-go/pull/21',
     'a ledger driver sleeps between transaction retries and never notices that the caller\'s context ended',
     files=[f('qldbdriver/retry.go', new=retry('qldbdriver', 'Driver', 'Execute', True))])
case('go-ok-00-qldb-driver-waits-on-timer-or-context', GH + 'awslabs/amazon-qldb-driver-go/pull/21',
     'clean: the retry wait selects on a timer and the context and returns ctx.Err() when cancelled',
     files=[f('qldbdriver/retry.go', new=retry('qldbdriver', 'Driver', 'Execute', False))])
case('go-00-tldx-resolver-sleeps-with-jitter-ignoring-context', GH + 'brandonyoungdev/tldx/pull/67',
     'a domain checker retries lookups with time.Sleep, so a cancelled run keeps sleeping and retrying',
     files=[f('internal/resolver/retry.go', new=retry('resolver', 'Resolver', 'withRetry', True))])
case('go-ok-00-go-retry-backoff-honours-cancellation', GH + 'sethvargo/go-retry/pull/8',
     'clean: a retry helper waits for the backoff or the context, whichever comes first',
     files=[f('retry_wait.go', new=retry('retry', 'Retrier', 'Do', False))])

CORSO_EDIT = r'''
// Do sends req and retries throttled answers after the delay the server asks for.
func (m *RetryMiddleware) Do(ctx context.Context, req *Request) (*Response, error) {
    for i := 0; ; i++ {
        resp, err := m.next.Do(ctx, req)
        if err != nil || resp.StatusCode != 429 || i == m.maxRetries {
            return resp, err
        }
-|        select {
-|        case <-ctx.Done():
-|            return nil, ctx.Err()
-|        case <-time.After(retryAfter(resp)):
-|        }
+|        time.Sleep(retryAfter(resp)) //@CONC-05
    }
}
'''
case('go-00-corso-edit-replaces-select-with-sleep', GH + 'alcionai/corso/issues/2882',
     'an edit of a throttling middleware replaces its wait on the context with a plain sleep',
     files=[go_edit('pkg/graph/retry.go', 'graph', ['context', 'time'], CORSO_EDIT)])


# ---------------------------------------------------------------- RES-04: pools and transports made per call
def stock_handler(pkg, bad):
    return go(pkg, ['database/sql', 'encoding/json', 'net/http', 'os'] if bad else ['database/sql', 'encoding/json', 'net/http'], pick(r'''
C|// Handlers serve the stock API from one pool opened in main.
C|type Handlers struct {
C|    DB *sql.DB
C|}
C|
// GetStock handles GET /api/stock/{id}.
B|func GetStock(w http.ResponseWriter, r *http.Request) {
B|    db, err := sql.Open("postgres", os.Getenv("POSTGRES_URL")) //@RES-04
B|    if err != nil {
B|        http.Error(w, "database unavailable", http.StatusServiceUnavailable)
B|        return
B|    }
B|    defer db.Close()
C|func (h *Handlers) GetStock(w http.ResponseWriter, r *http.Request) {
C|    db := h.DB
    var s struct {
        ID    string `json:"id"`
        Name  string `json:"name"`
        Price int64  `json:"price"`
    }
    err := db.QueryRowContext(r.Context(), "SELECT id, name, price FROM stocks WHERE id = $1", r.PathValue("id")).Scan(&s.ID, &s.Name, &s.Price)
    if err == sql.ErrNoRows {
        http.NotFound(w, r)
        return
    }
    if err != nil {
        http.Error(w, "lookup failed", http.StatusInternalServerError)
        return
    }
    w.Header().Set("Content-Type", "application/json")
    _ = json.NewEncoder(w).Encode(s) // headers are sent; a failed write only means the client left
}
''', bad))


case('go-00-stock-api-opens-database-per-request', GH + 'schadokar/go-postgres/issues/2',
     'a small stock API opens a new database pool in every request handler',
     files=[f('middleware/stock.go', new=stock_handler('middleware', True))])
case('go-ok-00-stock-api-uses-pool-from-main', GH + 'schadokar/go-postgres/issues/2',
     'clean: the handlers hold one pool opened at start-up',
     files=[f('middleware/stock.go', new=stock_handler('middleware', False))])

PEREGRINE = r'''
// eventsHandler lists the events of a year.
func (s *Server) eventsHandler(w http.ResponseWriter, r *http.Request) {
    db, err := sql.Open("postgres", s.dsn) //@RES-04
    if err != nil {
        http.Error(w, "database unavailable", http.StatusServiceUnavailable)
        return
    }
    rows, err := db.QueryContext(r.Context(), "SELECT key, name FROM events WHERE year = $1", r.URL.Query().Get("year"))
    if err != nil {
        http.Error(w, "retrieving event data", http.StatusInternalServerError)
        return
    }
    defer rows.Close()
    events := []event{}
    for rows.Next() {
        var e event
        if err := rows.Scan(&e.Key, &e.Name); err != nil {
            http.Error(w, "retrieving event data", http.StatusInternalServerError)
            return
        }
        events = append(events, e)
    }
    if err := rows.Err(); err != nil {
        http.Error(w, "retrieving event data", http.StatusInternalServerError)
        return
    }
    writeJSON(w, events)
}

type event struct {
    Key  string `json:"key"`
    Name string `json:"name"`
}
'''
case('go-00-peregrine-events-handler-opens-pool-and-never-closes-it', GH + 'Pigmice2733/peregrine-backend/issues/68',
     'a scouting backend opens a database pool per request and never closes it; connections pile up on the server',
     files=[f('internal/server/events.go', new=go('server', ['database/sql', 'net/http'], PEREGRINE))])


def per_call_client(pkg, typ, fn, bad):
    return go(pkg, ['context', 'crypto/tls', 'net/http', 'time'], pick(r'''
// %(typ)s talks to one upstream over TLS.
type %(typ)s struct {
    base string
    tls  *tls.Config
C|    hc   *http.Client
}
C|
C|// New%(typ)s builds the client once; its transport keeps the upstream connections for every later call.
C|func New%(typ)s(base string, cfg *tls.Config) *%(typ)s {
C|    return &%(typ)s{base: base, tls: cfg, hc: &http.Client{
C|        Timeout:   time.Minute,
C|        Transport: &http.Transport{TLSClientConfig: cfg, TLSHandshakeTimeout: 10 * time.Second, MaxIdleConnsPerHost: 20},
C|    }}
C|}

// %(fn)s sends a GET for path; the caller closes the response body.
func (c *%(typ)s) %(fn)s(ctx context.Context, path string) (*http.Response, error) {
B|    hc := &http.Client{ //@RES-04
B|        Timeout:   time.Minute,
B|        Transport: &http.Transport{TLSClientConfig: c.tls, TLSHandshakeTimeout: 10 * time.Second},
B|    }
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+path, nil)
    if err != nil {
        return nil, err
    }
B|    return hc.Do(req)
C|    return c.hc.Do(req)
}
''' % locals(), bad))


case('go-00-sourcegraph-client-builds-transport-per-request', GH + 'sourcegraph/go-sourcegraph/pull/41',
     'an API client builds a client with a fresh transport on every call; idle connections pile up in keep-alive',
     files=[f('sourcegraph/transport.go', new=per_call_client('sourcegraph', 'APIClient', 'get', True))])
case('go-ok-00-sourcegraph-client-reuses-one-transport', GH + 'sourcegraph/go-sourcegraph/pull/41',
     'clean: the transport and client are built once in the constructor and reused',
     files=[f('sourcegraph/transport.go', new=per_call_client('sourcegraph', 'APIClient', 'get', False))])
case('go-00-tyk-proxy-creates-transport-for-each-upstream-call', GH + 'TykTechnologies/tyk/pull/1267',
     'an API gateway creates a transport per proxied request, so connection pooling never happens',
     files=[f('gateway/upstream.go', new=per_call_client('gateway', 'Upstream', 'roundTrip', True))])
case('go-00-rancher-cluster-proxy-builds-transport-on-demand', GH + 'rancher/rancher/pull/19554',
     'a cluster manager builds an http.Transport on demand for each call through the cluster dialer',
     files=[f('pkg/clusterrouter/proxy/remote.go', new=per_call_client('proxy', 'RemoteService', 'forward', True))])

ETCD_OPERATOR = r'''
// queryThanos asks the monitoring stack for one instant vector.
func (c *MetricsClient) queryThanos(ctx context.Context, query string) (*http.Response, error) {
    rt, err := newTLSTransport(c.tlsConfig) //@RES-04
    if err != nil {
        return nil, err
    }
    client := &http.Client{Transport: rt, Timeout: 30 * time.Second}
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.thanosURL+"/api/v1/query?query="+url.QueryEscape(query), nil)
    if err != nil {
        return nil, err
    }
    req.Header.Set("Authorization", "Bearer "+c.token)
    return client.Do(req)
}
'''
case('go-00-etcd-operator-builds-transport-each-minute', GH + 'openshift/cluster-etcd-operator/issues/533',
     'an operator builds a transport for every metrics query it runs each minute; one connection leaks per run',
     files=[f('pkg/operator/metrics/thanos.go', new=go('metrics', ['context', 'net/http', 'net/url', 'time'], ETCD_OPERATOR))])


# ---------------------------------------------------------------- RES-01: processes started and never waited for
def notify(pkg, bad):
    return go(pkg, ['os/exec'], pick(r'''
// Notify shows a desktop notification through notify-send.
func Notify(title, message, icon string) error {
    cmd := exec.Command("notify-send", "-i", icon, title, message)
B|    return cmd.Start() //@RES-01
C|    return cmd.Run()
}
''', bad))


case('go-00-beeep-notify-starts-helper-and-never-waits', GH + 'gen2brain/beeep/pull/29',
     'a notification library starts notify-send and never waits for it; every notification leaves a zombie',
     files=[f('notify_unix.go', new=notify('beeep', True))])
case('go-ok-00-beeep-notify-runs-helper-to-completion', GH + 'gen2brain/beeep/pull/29',
     'clean: the helper is run with Run, which waits for the child and releases it',
     files=[f('notify_unix.go', new=notify('beeep', False))])

GOTENBERG = r'''
// launch starts the process manager in the background; its pid is kept for health checks.
func (p *Supervisor) launch(ctx context.Context) error {
    cmd := exec.CommandContext(ctx, p.binary, p.args...)
    cmd.Stdout = p.logs
    cmd.Stderr = p.logs
    if err := cmd.Start(); err != nil { //@RES-01
        return fmt.Errorf("start %s: %w", p.binary, err)
    }
    p.pid = cmd.Process.Pid
    return nil
}
'''
case('go-00-gotenberg-supervisor-starts-process-manager-without-wait', GH + 'gotenberg/gotenberg/issues/103',
     'a document converter starts its process manager, keeps only the pid and never reaps the child',
     files=[f('internal/pkg/pm2/launch.go', new=go('pm2', ['context', 'fmt', 'os/exec'], GOTENBERG))])


# ---------------------------------------------------------------- RES-01: tickers never stopped
def sampler(pkg, typ, bad):
    return go(pkg, ['context', 'log/slog', 'time'], pick(r'''
// %(typ)s samples a gauge at a fixed interval.
type %(typ)s struct {
    interval time.Duration
    log      *slog.Logger
    failures interface{ Inc() }
    sample   func(context.Context) error
}

// Run samples until ctx is cancelled.
func (m *%(typ)s) Run(ctx context.Context) {
    ticker := time.NewTicker(m.interval) //@RES-01
C|    defer ticker.Stop()
    for {
        select {
        case <-ctx.Done():
            return
        case <-ticker.C:
            m.once(ctx)
        }
    }
}

// once takes one sample; a panic or an error is logged and counted, and the loop goes on.
func (m *%(typ)s) once(ctx context.Context) {
    defer func() {
        if p := recover(); p != nil {
            m.failures.Inc()
            m.log.Error("sample panicked", "panic", p)
        }
    }()
    if err := m.sample(ctx); err != nil {
        m.failures.Inc()
        m.log.Warn("sample failed", "err", err)
    }
}
''' % locals(), bad))


case('go-00-webrtc-stats-sampler-never-stops-ticker', GH + 'pion/webrtc/pull/2843',
     'a media stack samples transport statistics with a ticker that is never stopped when the loop ends',
     files=[f('stats_sampler.go', new=sampler('webrtc', 'StatsSampler', True))])
case('go-ok-00-webrtc-stats-sampler-defers-ticker-stop', GH + 'pion/webrtc/pull/2843',
     'clean: the sampler defers ticker.Stop right after creating the ticker',
     files=[f('stats_sampler.go', new=sampler('webrtc', 'StatsSampler', False))])
case('go-00-hive-heartbeat-ticker-leaks-after-shutdown', GH + 'iotaledger/hive.go/pull/126',
     'a node framework\'s heartbeat loop returns on shutdown without stopping its ticker',
     files=[f('timeutil/heartbeat.go', new=sampler('timeutil', 'Heartbeat', True))])

PKE_EDIT = r'''
// WaitForAPI polls the API server until it answers or ctx ends.
func WaitForAPI(ctx context.Context, check func(context.Context) error) error {
-|    ticker := time.NewTicker(2 * time.Second)
-|    defer ticker.Stop()
+|    ticker := time.NewTicker(2 * time.Second) //@RES-01
    for {
        if err := check(ctx); err == nil {
            return nil
        }
        select {
        case <-ctx.Done():
            return ctx.Err()
        case <-ticker.C:
        }
    }
}
'''
case('go-00-pke-edit-drops-deferred-ticker-stop', GH + 'banzaicloud/pke/issues/8',
     'an edit of an installer\'s wait loop drops the deferred ticker.Stop; each wait leaves a running ticker',
     files=[go_edit('cmd/pke/app/phases/wait.go', 'phases', ['context', 'time'], PKE_EDIT)])


# ---------------------------------------------------------------- MEM-02: pooled buffers
def codec(pkg, bad):
    return go(pkg, ['bytes', 'encoding/json', 'sync'], pick(r'''
var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Codec frames JSON messages with a trailing newline.
type Codec struct{}

// Marshal returns the framed encoding of v.
func (Codec) Marshal(v any) ([]byte, error) {
    buf := bufPool.Get().(*bytes.Buffer)
    buf.Reset()
    if err := json.NewEncoder(buf).Encode(v); err != nil {
        bufPool.Put(buf)
        return nil, err
    }
B|    out := buf.Bytes()
C|    out := bytes.Clone(buf.Bytes()) // the pool gets the buffer back; the caller gets its own copy
    bufPool.Put(buf) //@MEM-02
    return out, nil
}
''', bad))


case('go-00-micro-codec-returns-bytes-of-pooled-buffer', GH + 'micro/go-micro/pull/941',
     'a microservice codec returns the bytes of a pooled buffer it has already put back',
     files=[f('codec/jsonrpc/marshal.go', new=codec('jsonrpc', True))])
case('go-ok-00-micro-codec-clones-before-put', GH + 'micro/go-micro/pull/941',
     'clean: the codec clones the encoded bytes before the buffer goes back to the pool',
     files=[f('codec/jsonrpc/marshal.go', new=codec('jsonrpc', False))])

PD_UTILS = r'''
// FullResponseBytes returns the status line, headers and body of the chain's last response.
func (r *ResponseChain) FullResponseBytes() []byte {
    buf := r.pool.Get().(*bytes.Buffer)
    buf.Reset()
    buf.Write(r.headers.Bytes())
    buf.Write(r.body.Bytes())
    full := buf.Bytes()
    r.pool.Put(buf) //@MEM-02
    return full
}
'''
case('go-00-projectdiscovery-response-chain-returns-released-buffer', GH + 'projectdiscovery/utils/issues/709',
     'an HTTP utility joins a response into a pooled buffer, puts it back and returns a slice of it',
     files=[f('http/response_chain.go', new=go('httputil', ['bytes'], PD_UTILS))])


# ---------------------------------------------------------------- LOG-01: a line per element
def allocate(pkg, bad):
    return go(pkg, ['log/slog'], pick(r'''
// TryAllocate places asks on their required nodes and returns how many were placed.
func (a *Application) TryAllocate(asks []Ask, node func(string) *Node) int {
    placed := 0
C|    missing := 0
    for _, ask := range asks {
        n := node(ask.RequiredNode)
        if n == nil {
B|            slog.Warn("required node is not found (could be transient)", "ask", ask.ID, "node", ask.RequiredNode) //@LOG-01
C|            missing++
            continue
        }
        if n.Fits(ask) {
            n.Reserve(ask)
            placed++
        }
    }
C|    if missing > 0 {
C|        slog.Warn("asks skipped: required node not found (could be transient)", "app", a.ID, "skipped", missing)
C|    }
    return placed
}
''', bad))


case('go-00-yunikorn-allocation-warns-per-missing-node', GH + 'apache/yunikorn-core/pull/663',
     'a scheduler warns once per ask whose node is missing, inside the allocation loop that runs every cycle',
     files=[f('pkg/scheduler/objects/allocate.go', new=allocate('objects', True))])
case('go-ok-00-yunikorn-allocation-logs-one-summary', GH + 'apache/yunikorn-core/pull/663',
     'clean: the allocation loop counts skipped asks and writes one summary line per call',
     files=[f('pkg/scheduler/objects/allocate.go', new=allocate('objects', False))])

WEBLOG = r'''
// parseLines feeds every access-log line to the parser and counts the ones it matched.
func (w *WebLog) parseLines(lines []string) {
    for _, line := range lines {
        rec, err := w.parser.Parse(line)
        if err != nil {
            w.logger.Printf("unmatched line: %s (%v)", line, err) //@LOG-01
            w.unmatched++
            continue
        }
        w.collect(rec)
    }
}
'''
case('go-00-netdata-weblog-logs-every-unmatched-line', GH + 'netdata/go.d.plugin/pull/23',
     'a metrics collector logs every access-log line its pattern does not match, thousands per second',
     files=[f('modules/weblog/parse.go', new=go('weblog', [], WEBLOG))])

COROOT_EDIT = r'''
// Observe extracts a pattern from every log entry of the batch.
func (p *PatternExtractor) Observe(entries []Entry) {
    for _, e := range entries {
        pattern := p.extract(e.Message)
+|        p.log.Infof("entry %s -> pattern %s", e.Message, pattern) //@LOG-01
        p.counts[pattern.Hash()]++
    }
}
'''
case('go-00-coroot-agent-edit-logs-each-extracted-pattern', GH + 'coroot/coroot-node-agent/pull/360',
     'an edit adds a formatted debug line for every log entry an agent extracts a pattern from',
     files=[go_edit('logs/patterns.go', 'logs', [], COROOT_EDIT)])


# ---------------------------------------------------------------- ERR-01: discarded errors
def uci_commit(bad):
    return go('uci', ['fmt'], pick(r'''
// Commit writes every changed configuration back to disk.
func (t *tree) Commit() error {
    t.Lock()
    defer t.Unlock()
    for name, cfg := range t.configs {
        if !cfg.tainted {
            continue
        }
B|        _ = t.saveConfig(cfg) //@ERR-01
C|        if err := t.saveConfig(cfg); err != nil {
C|            return fmt.Errorf("commit %s: %w", name, err)
C|        }
        cfg.tainted = false
    }
    return nil
}
''', bad))


case('go-00-uci-commit-discards-save-error', GH + 'digineo/go-uci/pull/5',
     'a router configuration library discards the error of writing each changed file and reports success',
     files=[f('tree_commit.go', new=uci_commit(True))])
case('go-ok-00-uci-commit-returns-save-error', GH + 'digineo/go-uci/pull/5',
     'clean: the first failed write is returned with the configuration\'s name',
     files=[f('tree_commit.go', new=uci_commit(False))])

UCI_LOAD = r'''
// Load reads the named configuration, parsing it on first use.
func (t *tree) Load(name string) (*config, error) {
    if cfg, ok := t.configs[name]; ok {
        return cfg, nil
    }
    body, _ := os.ReadFile(filepath.Join(t.dir, name)) //@ERR-01
    cfg, err := parse(name, string(body))
    if err != nil {
        return nil, fmt.Errorf("parse %s: %w", name, err)
    }
    t.configs[name] = cfg
    return cfg, nil
}
'''
case('go-00-uci-load-ignores-read-error', GH + 'digineo/go-uci/pull/5',
     'the configuration loader ignores the read error and parses an empty file as if it existed',
     files=[f('tree_load.go', new=go('uci', ['fmt', 'os', 'path/filepath'], UCI_LOAD))])


# ---------------------------------------------------------------- HTTP-01: middleware that closes the request body
def readonly(bad):
    return go('middleware', ['net/http'] if bad else ['bytes', 'io', 'net/http'], pick(r'''
// ReadOnly refuses writes while the registry is in read-only mode.
func ReadOnly(enabled func() bool) func(http.Handler) http.Handler {
    return func(next http.Handler) http.Handler {
        return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
B|            defer r.Body.Close() //@HTTP-01
            if r.Method != http.MethodGet && r.Method != http.MethodHead && enabled() {
                http.Error(w, "the registry is in read-only mode", http.StatusPreconditionFailed)
                return
            }
C|            if r.Header.Get("X-Inspect-Body") != "" {
C|                body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
C|                if err != nil {
C|                    http.Error(w, "unreadable body", http.StatusBadRequest)
C|                    return
C|                }
C|                r.Body = io.NopCloser(bytes.NewReader(body)) // the handler reads the same bytes; the server closes the original
C|            }
            next.ServeHTTP(w, r)
        })
    }
}
''', bad))


case('go-00-harbor-readonly-middleware-closes-request-body', GH + 'goharbor/harbor/pull/13557',
     'a registry middleware defers closing the request body it does not own, before the handler has run',
     files=[f('src/server/middleware/readonly/readonly.go', new=readonly(True))])
case('go-ok-00-harbor-middleware-restores-inspected-body', GH + 'goharbor/harbor/pull/13557',
     'clean: the middleware reads a bounded body when asked and hands the handler a replayable copy',
     files=[f('src/server/middleware/readonly/readonly.go', new=readonly(False))])


# ---------------------------------------------------------------- MEM-01: raw C memory
def longtail(bad):
    return go('longtaillib', ['fmt', 'unsafe'], pick(r'''
// WriteStoreIndexToBuffer serialises a store index into Go memory.
func WriteStoreIndexToBuffer(index *C.struct_Longtail_StoreIndex) ([]byte, error) {
    var buffer unsafe.Pointer
    var size C.size_t
    if errno := C.Longtail_WriteStoreIndexToBuffer(index, &buffer, &size); errno != 0 {
        return nil, fmt.Errorf("write store index: errno %d", int(errno))
    }
    defer C.Longtail_Free(buffer)
B|    return (*[1 << 30]byte)(buffer)[:size:size], nil //@MEM-01
C|    // The buffer belongs to longtail and is freed on return; size comes from longtail and is checked before the copy.
C|    if size > maxIndexBytes {
C|        return nil, fmt.Errorf("store index of %d bytes exceeds %d", uint64(size), maxIndexBytes)
C|    }
C|    return C.GoBytes(buffer, C.int(size)), nil
}
C|
C|const maxIndexBytes = 1 << 30
''', bad), header='// #include "longtail.h"\nimport "C"\n\n')


case('go-00-longtail-returns-view-of-freed-c-buffer', GH + 'DanEngelbrecht/golongtail/pull/215',
     'a content-store binding returns a slice over a C buffer that the deferred free releases on return',
     files=[f('longtaillib/storeindex.go', new=longtail(True))])
case('go-ok-00-longtail-copies-checked-length-into-go-memory', GH + 'DanEngelbrecht/golongtail/pull/215',
     'clean: the binding checks the size it was given and copies exactly that many bytes before the free',
     files=[f('longtaillib/storeindex.go', new=longtail(False))])

CEPH = r'''
// omapKeys converts the C key array filled by rados into Go strings.
func omapKeys(cKeys unsafe.Pointer, n int) []string {
    keys := make([]string, 0, n)
    for i := 0; i < n; i++ {
        p := *(**C.char)(unsafe.Pointer(uintptr(cKeys) + uintptr(i)*ptrSize)) //@MEM-01
        keys = append(keys, C.GoString(p))
    }
    return keys
}

const ptrSize = unsafe.Sizeof((*C.char)(nil))
'''
case('go-00-go-ceph-omap-walks-c-array-with-pointer-arithmetic', GH + 'ceph/go-ceph/pull/426',
     'a storage binding walks a C array with uintptr arithmetic and no bound from the array\'s owner',
     files=[f('rados/omap_keys.go', new=go('rados', ['unsafe'], CEPH, header='// #include <rados/librados.h>\nimport "C"\n\n'))])


# ---------------------------------------------------------------- PR shapes: renames, CRLF, tests beside, generated files
SYNC_RENAME = r'''
// Sync pushes local changes and waits for the remote to acknowledge them.
func (w *Worker) Sync(parent context.Context) error {
-|    ctx, cancel := context.WithTimeout(parent, w.syncTimeout)
-|    defer cancel()
+|    ctx, cancel := context.WithTimeout(parent, w.syncTimeout) //@TMO-03
    if err := w.push(ctx); err != nil {
        return err
    }
+|    cancel()
    return w.awaitAck(ctx)
}
'''
case('go-00-renamed-exercism-sync-worker-cancels-too-early-and-not-on-error', GH + 'exercism/cli/pull/952',
     'a file renamed in the same change now cancels its deadline only on the success path, before the wait',
     files=[go_edit('workspace/sync_worker.go', 'workspace', ['context'], SYNC_RENAME, rename_from='workspace/sync.go')])

CRLF_CLIENT = r'''
// NewDownloader returns a downloader for archive mirrors.
func NewDownloader(mirror string) *Downloader {
    return &Downloader{
        mirror: mirror,
        client: &http.Client{ //@TMO-01
            Transport: &http.Transport{MaxIdleConnsPerHost: 4},
        },
    }
}

// Downloader fetches archives from one mirror.
type Downloader struct {
    mirror string
    client *http.Client
}
'''
case('go-00-crlf-extract-downloader-client-without-timeout', GH + 'hashicorp/go-extract/pull/105',
     'a CRLF file: an archive downloader builds its client with a transport but no timeout',
     files=[f('download/downloader.go', new=go('download', ['net/http'], CRLF_CLIENT), crlf=True)])


def lock_rows(bad):
    return go('locks', ['context', 'database/sql', 'fmt'], pick(r'''
// Held returns the ids of the locks held by owner.
func Held(ctx context.Context, db *sql.DB, owner string) ([]int64, error) {
    rows, err := db.QueryContext(ctx, "SELECT id FROM locks WHERE owner = $1", owner) //@RES-01
    if err != nil {
        return nil, fmt.Errorf("query locks of %s: %w", owner, err)
    }
C|    defer rows.Close()
    var ids []int64
    for rows.Next() {
        var id int64
        if err := rows.Scan(&id); err != nil {
            return nil, err
        }
        ids = append(ids, id)
    }
B|    rows.Close()
    return ids, rows.Err()
}
''', bad))


LOCK_TEST = r'''package locks

import (
	"context"
	"testing"
)

func TestHeldOfUnknownOwnerIsEmpty(t *testing.T) {
	db := openTestDB(t)
	ids, err := Held(context.Background(), db, "nobody")
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) != 0 {
		t.Fatalf("got %v, want none", ids)
	}
}
'''
case('go-00-gohan-lock-query-with-test-beside-closes-rows-late', GH + 'cloudwan/gohan/pull/614',
     'a lock query with its test beside it closes rows only after the loop; the scan error path leaks them',
     files=[f('db/locks/held.go', new=lock_rows(True)), f('db/locks/held_test.go', new=LOCK_TEST)])
case('go-ok-00-gohan-lock-query-with-test-beside-defers-close', GH + 'cloudwan/gohan/pull/614',
     'clean: the same query defers the close, with the test beside it',
     files=[f('db/locks/held.go', new=lock_rows(False)), f('db/locks/held_test.go', new=LOCK_TEST)])

MOCK = r'''
// MockStore is a mock of the Store interface.
type MockStore struct {
    ctrl     *gomock.Controller
    recorder *MockStoreMockRecorder
}

// MockStoreMockRecorder is the mock recorder for MockStore.
type MockStoreMockRecorder struct {
    mock *MockStore
}

// NewMockStore creates a new mock instance.
func NewMockStore(ctrl *gomock.Controller) *MockStore {
    mock := &MockStore{ctrl: ctrl}
    mock.recorder = &MockStoreMockRecorder{mock}
    return mock
}

// Get mocks base method.
func (m *MockStore) Get(ctx context.Context, key string) ([]byte, error) {
    m.ctrl.T.Helper()
    ret := m.ctrl.Call(m, "Get", ctx, key)
    ret0, _ := ret[0].([]byte)
    ret1, _ := ret[1].(error)
    return ret0, ret1
}
'''
STORE_GET = r'''
// Store reads values with a deadline of its own.
type Store interface {
    Get(ctx context.Context, key string) ([]byte, error)
}

// GetWithin asks s for key and gives up after d.
func GetWithin(parent context.Context, s Store, key string, d time.Duration) ([]byte, error) {
    ctx, cancel := context.WithTimeout(parent, d)
    defer cancel()
    return s.Get(ctx, key)
}
'''
case('go-ok-00-generated-mock-beside-store-with-deferred-cancel', GH + 'iotaledger/hive.go/pull/126',
     'clean: a generated mock (with its type assertions) beside a store helper that defers its cancel',
     files=[f('kvstore/store.go', new=go('kvstore', ['context', 'time'], STORE_GET)),
            f('kvstore/mock_store.go', new=go('kvstore', ['context', 'github.com/golang/mock/gomock'], MOCK, header=GO_GENERATED))])


def stock_module(bad):
    return stock_handler('api', bad)


case('go-00-stock-module-with-go-mod-opens-pool-per-request', GH + 'schadokar/go-postgres/issues/2',
     'a new module (go.mod beside it) whose handler opens a database pool for every request',
     files=[f('go.mod', new=gomod('example.com/stockapi', ['github.com/lib/pq v1.10.9'])),
            f('api/stock.go', new=stock_module(True))])

CLEAN_WORKERS = r'''
// ScanAll scans every target with at most limit scans at a time; a panicking scan becomes that target's error.
func ScanAll(ctx context.Context, targets []string, limit int, scan func(context.Context, string) error) error {
    g, ctx := errgroup.WithContext(ctx)
    g.SetLimit(limit)
    for _, t := range targets {
        t := t
        g.Go(func() (err error) {
            defer func() {
                if p := recover(); p != nil {
                    err = fmt.Errorf("scan of %s panicked: %v", t, p)
                }
            }()
            return scan(ctx, t)
        })
    }
    return g.Wait()
}
'''
case('go-ok-00-scanner-bounded-errgroup-recovers-each-scan', GH + 'VertebrateResequencing/wr/pull/187',
     'clean: a bounded errgroup whose workers each turn a panic into their error, checked by Wait',
     files=[f('scan/all.go', new=go('scan', ['context', 'fmt', 'golang.org/x/sync/errgroup'], CLEAN_WORKERS))])

# Near-repeats left out to keep 60 Go cases (41 defects, 19 clean look-alikes); each is another instance of a template
# that stays in the round through a sibling case.
LEFT_OUT = ['forma-schema-listing', 'upstream-health-probe', 'resque-worker-starts', 'isucon-tip-handler',
            'kpack-blob-fetch', 'tldx-resolver', 'peregrine-events-handler', 'tyk-proxy-creates', 'rancher-cluster-proxy',
            'etcd-operator-builds', 'hive-heartbeat-ticker', 'projectdiscovery-response-chain', 'uci-load-ignores',
            'ok-00-persist-generated', 'ok-00-image-store', 'ok-00-browser-data-export', 'ok-00-typhon-adapter',
            'ok-00-qldb-driver-waits', 'ok-00-beeep-notify', 'ok-00-uci-commit', 'ok-00-gohan-lock-query',
            'ok-00-frontender-ping']
CASES[:] = numbered([c for c in CASES if not any(s in c['name'] for s in LEFT_OUT)], 'go')
