"""Round-12 Go cases (written for this corpus from the checklist items; see SOURCES.md). Each template is written once
with `B|` (defect only) and `C|` (clean only) lines; //@ITEM markers are stripped by the renderer."""
from common12 import make_case, go_edit, gomod, go, f, pick, keep

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'


def rows(pkg, typ, fn, table, bad):
    return go(pkg, ['context', 'database/sql', 'fmt'], pick(r'''
// %(typ)s is one row of %(table)s.
type %(typ)s struct {
    ID   int64
    Name string
}

// %(fn)s lists the %(table)s rows of one owner.
func %(fn)s(ctx context.Context, db *sql.DB, owner int64) ([]%(typ)s, error) {
    rows, err := db.QueryContext(ctx, `SELECT id, name FROM %(table)s WHERE owner = ?`, owner) //@RES-01
    if err != nil {
        return nil, fmt.Errorf("query %(table)s: %%w", err)
    }
C|    defer rows.Close()
    var out []%(typ)s
    for rows.Next() {
        var v %(typ)s
        if err := rows.Scan(&v.ID, &v.Name); err != nil {
            return nil, fmt.Errorf("scan %(table)s: %%w", err)
        }
        out = append(out, v)
    }
B|    rows.Close()
    return out, rows.Err()
}
''' % locals(), bad))


case('go-01-vault-labels-query-returns-on-scan-error-with-rows-open', GH + 'kenn-io/msgvault/pull/28',
     'a mail archive lists labels; a scan failure returns before the manual rows.Close at the end',
     files=[f('internal/store/labels.go', new=rows('store', 'Label', 'ListLabels', 'labels', True))])
case('go-ok-01-vault-labels-query-defers-rows-close', GH + 'kenn-io/msgvault/pull/28',
     'clean: the label listing defers rows.Close right after the error check',
     files=[f('internal/store/labels.go', new=rows('store', 'Label', 'ListLabels', 'labels', False))])
case('go-02-release-train-query-leaks-rows-on-scan-error', GH + 'freiheit-com/kuberpult/pull/1754',
     'a deployment tool reads environment locks; the scan error path skips the close written after the loop',
     files=[f('pkg/db/locks.go', new=rows('db', 'EnvLock', 'SelectLocks', 'environment_locks', True))])
case('go-ok-02-release-train-query-defers-close', GH + 'freiheit-com/kuberpult/pull/1754',
     'clean: the lock query closes its rows with a defer on every path',
     files=[f('pkg/db/locks.go', new=rows('db', 'EnvLock', 'SelectLocks', 'environment_locks', False))])

# ---------------------------------------------------------------- RES-02: response bodies
def body(pkg, fn, url, bad):
    return go(pkg, ['encoding/json', 'fmt', 'net/http'], pick(r'''
// %(fn)s fetches one document and decodes it into out.
func (c *Client) %(fn)s(req *http.Request, out any) error {
    resp, err := c.http.Do(req) //@RES-02
    if err != nil {
        return fmt.Errorf("%(url)s: %%w", err)
    }
C|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return fmt.Errorf("%(url)s: status %%d", resp.StatusCode)
    }
B|    defer resp.Body.Close()
    return json.NewDecoder(resp.Body).Decode(out)
}
''' % locals(), bad), header='')


CLIENT = '''
// Client talks to the remote API.
type Client struct {
    http *http.Client
}
'''
case('go-03-elastic-client-returns-on-error-status-before-closing-body', GH + 'olivere/elastic/pull/1678',
     'a search client defers the body close only after the status check, so every error status pins its connection',
     files=[f('client/perform.go', new=body('client', 'perform', 'search', True) + CLIENT)])
case('go-ok-03-elastic-client-closes-body-before-status-check', GH + 'olivere/elastic/pull/1678',
     'clean: the body close is deferred before the status is looked at',
     files=[f('client/perform.go', new=body('client', 'perform', 'search', False) + CLIENT)])
case('go-04-event-feed-client-leaks-body-on-non-2xx', GH + 'castledio/castled/pull/202',
     'an event export client returns an error for a non-200 answer before the deferred close is reached',
     files=[f('export/feed.go', new=body('export', 'fetchPage', 'feed', True) + CLIENT)])
case('go-05-job-api-client-leaks-body-on-error-status', GH + 'block/spincycle/pull/30',
     'a job-runner API client checks the status before it arranges the close',
     files=[f('client/jobs.go', new=body('client', 'getJob', 'jobs', True) + CLIENT)])
case('go-ok-04-job-api-client-defers-close-first', GH + 'block/spincycle/pull/30',
     'clean: the job client defers the close before the status check',
     files=[f('client/jobs.go', new=body('client', 'getJob', 'jobs', False) + CLIENT)])

PROBE = r'''
// Probe sends one request per endpoint and reports which ones limit the rate.
func Probe(c *http.Client, urls []string) map[string]bool {
    limited := map[string]bool{}
    for _, u := range urls {
        resp, err := c.Get(u) //@RES-02
        if err != nil {
            continue
        }
        limited[u] = resp.StatusCode == http.StatusTooManyRequests
-|        resp.Body.Close()
    }
    return limited
}
'''
case('go-06-rate-limit-probe-drops-body-close-in-loop', GH + 'Sh1Yo/rate-limit-checker/pull/2',
     'an edit of a rate-limit probe removes the body close, so every probed endpoint keeps its response open',
     files=[go_edit('probe/probe.go', 'probe', ['net/http'], PROBE)])

# ---------------------------------------------------------------- TMO-03: cancel functions
def cancel(pkg, fn, call, bad):
    return go(pkg, ['context', 'time'], pick(r'''
// %(fn)s asks the store with a deadline of its own.
func (s *Store) %(fn)s(parent context.Context, key string) ([]byte, error) {
B|    ctx, _ := context.WithTimeout(parent, 3*time.Second) //@TMO-03
C|    ctx, cancel := context.WithTimeout(parent, 3*time.Second)
C|    defer cancel()
    return s.backend.%(call)s(ctx, key)
}

// Store reads values through a backend.
type Store struct {
    backend interface {
        %(call)s(ctx context.Context, key string) ([]byte, error)
    }
}
''' % locals(), bad))


case('go-07-pd-client-discards-cancel-of-request-timeout', GH + 'tikv/pd/pull/8520',
     'a placement-driver client derives a timeout context and throws the cancel function away',
     files=[f('client/store.go', new=cancel('client', 'GetRegion', 'Load', True))])
case('go-ok-05-pd-client-defers-cancel', GH + 'tikv/pd/pull/8520',
     'clean: the timeout context is cancelled by a defer on the next line',
     files=[f('client/store.go', new=cancel('client', 'GetRegion', 'Load', False))])
case('go-08-rollup-relayer-drops-cancel-of-fetch-context', GH + 'scroll-tech/scroll/pull/1552',
     'a rollup relayer fetches a batch with a derived timeout whose cancel is assigned to _',
     files=[f('rollup/internal/fetch.go', new=cancel('fetch', 'FetchBatch', 'Read', True))])

EARLY = r'''
// Sync pushes the local state to the peer, giving up after the configured wait.
func (n *Node) Sync(parent context.Context) error {
    ctx, cancel := context.WithTimeout(parent, n.wait) //@TMO-03
    state, err := n.snapshot(ctx)
    if err != nil {
        cancel()
        return err
    }
    return n.peer.Push(ctx, state)
}
'''
case('go-09-cloud-agent-cancels-only-on-error-path', GH + 'yunionio/cloudpods/pull/21955',
     'a host agent cancels its timeout context when the snapshot fails but not after a successful push',
     files=[f('pkg/hostman/sync.go', new=go('hostman', ['context', 'time'], EARLY + '''
// Node syncs with one peer.
type Node struct {
    wait     time.Duration
    peer     interface{ Push(context.Context, []byte) error }
    snapshot func(context.Context) ([]byte, error)
}
'''))])

LOOPCTX = r'''
// Poll asks every host in turn, each with its own deadline.
func Poll(ctx context.Context, hosts []string, ask func(context.Context, string) error) []error {
    var errs []error
    for _, h := range hosts {
        hctx, cancel := context.WithTimeout(ctx, 5*time.Second)
-|        defer cancel()
+|        _ = cancel //@TMO-03
        if err := ask(hctx, h); err != nil {
            errs = append(errs, err)
        }
    }
    return errs
}
'''
case('go-10-host-poller-edit-drops-deferred-cancel', GH + 'yunionio/cloudpods/pull/21955',
     'an edit replaces the deferred cancel of each per-host context with an assignment to _, so no context is ever cancelled',
     files=[go_edit('pkg/poll/poll.go', 'poll', ['context', 'time'], LOOPCTX)])

# ---------------------------------------------------------------- CONC-01: goroutines without recover
def spawn(pkg, fn, what, bad):
    return go(pkg, ['log/slog', 'net/http'], pick(r'''
// %(fn)s accepts the request and runs %(what)s in the background.
func (h *Handler) %(fn)s(w http.ResponseWriter, r *http.Request) {
    id := r.PathValue("id")
B|    go func() { //@CONC-01
C|    h.goSafe(func() {
        if err := h.work(id); err != nil {
            slog.Error("%(what)s failed", "id", id, "err", err)
        }
B|    }()
C|    })
    w.WriteHeader(http.StatusAccepted)
}

// Handler serves the asynchronous endpoints.
type Handler struct {
    work func(id string) error
}
C|
C|// goSafe runs fn in a goroutine that turns a panic into a logged error.
C|func (h *Handler) goSafe(fn func()) {
C|    go func() {
C|        defer func() {
C|            if p := recover(); p != nil {
C|                slog.Error("background panic", "panic", p)
C|            }
C|        }()
C|        fn()
C|    }()
C|}
''' % locals(), bad))


case('go-11-connector-action-handler-starts-goroutine-without-recover', GH + 'ConductorOne/baton-sdk/pull/845',
     'a connector SDK runs a user-supplied action in a bare goroutine; a panic in it ends the daemon',
     files=[f('pkg/actions/invoke.go', new=spawn('actions', 'Invoke', 'action', True))])
case('go-ok-06-connector-action-runs-through-recovering-helper', GH + 'ConductorOne/baton-sdk/pull/845',
     'clean: the action runs through a helper that defers a recover',
     files=[f('pkg/actions/invoke.go', new=spawn('actions', 'Invoke', 'action', False))])
case('go-12-broker-tool-fires-stats-refresh-in-bare-goroutine', GH + 'SolaceProducts/solace-broker-mcp/pull/139',
     'a broker tool refreshes queue stats in a goroutine started straight from the handler',
     files=[f('internal/tools/refresh.go', new=spawn('tools', 'Refresh', 'stats refresh', True))])
case('go-13-python-runner-watcher-goroutine-without-recover', GH + 'SolaceProducts/solace-broker-mcp/pull/139',
     'a workflow server starts a goroutine per session to watch the runner, with no recover in it',
     files=[f('runtimes/pythonrt/watch.go', new=spawn('pythonrt', 'Watch', 'runner watch', True))])
case('go-ok-07-python-runner-watcher-through-safe-helper', GH + 'SolaceProducts/solace-broker-mcp/pull/139',
     'clean: the watcher goroutine is started through a recovering helper',
     files=[f('runtimes/pythonrt/watch.go', new=spawn('pythonrt', 'Watch', 'runner watch', False))])


def group(pkg, bad):
    return go(pkg, ['context', 'fmt', '', 'golang.org/x/sync/errgroup'], pick(r'''
// Gather asks every source concurrently and stops at the first error.
func Gather(ctx context.Context, sources []Source) ([][]byte, error) {
    g, ctx := errgroup.WithContext(ctx)
    out := make([][]byte, len(sources))
    for i, s := range sources {
B|        g.Go(func() error { //@CONC-01
C|        g.Go(safe(func() error {
            b, err := s.Fetch(ctx)
            out[i] = b
            return err
B|        })
C|        }))
    }
    return out, g.Wait()
}

// Source is one upstream of the gather.
type Source interface {
    Fetch(ctx context.Context) ([]byte, error)
}
C|
C|// safe turns a panic of fn into the error the group returns.
C|func safe(fn func() error) func() error {
C|    return func() (err error) {
C|        defer func() {
C|            if p := recover(); p != nil {
C|                err = fmt.Errorf("panic: %v", p)
C|            }
C|        }()
C|        return fn()
C|    }
C|}
''', bad).replace('"fmt", ', '"fmt", ' if not bad else '"fmt", '))


def group_file(pkg, bad):
    text = group(pkg, bad)
    if bad:
        text = text.replace('\t"fmt"\n', '')
    return text


case('go-14-event-dispatcher-handlers-in-errgroup-without-recover', GH + 'hashicorp/go-multierror/issues/83',
     'an event dispatcher runs every handler in an errgroup worker; a handler panic crashes the process',
     files=[f('dispatch/gather.go', new=group_file('dispatch', True))])
case('go-ok-08-event-dispatcher-workers-wrapped-in-recover', GH + 'hashicorp/go-multierror/issues/83',
     'clean: each errgroup worker is wrapped in a function that recovers into an error',
     files=[f('dispatch/gather.go', new=group_file('dispatch', False))])
case('go-15-sql-engine-parallel-iterators-in-errgroup-without-recover', GH + 'oklog/run/issues/10',
     'a SQL engine fans partition reads out to errgroup workers with no panic recovery',
     files=[f('sql/rowexec/gather.go', new=group_file('rowexec', True))])
case('go-16-run-group-actor-goroutine-without-recover', GH + 'oklog/run/issues/10',
     'a supervisor starts each actor through an errgroup with no recover around the actor',
     files=[f('internal/supervise/gather.go', new=group_file('supervise', True))])
case('go-ok-09-multierror-group-recovers-into-error', GH + 'hashicorp/go-multierror/issues/83',
     'clean: the group helper recovers a panicking worker into its error',
     files=[f('internal/fanout/gather.go', new=group_file('fanout', False))])

PKGGO = r'''
// Group runs functions concurrently and collects their errors.
type Group struct {
    wg   sync.WaitGroup
    mu   sync.Mutex
    errs []error
}

// Go runs fn in a new goroutine.
func (g *Group) Go(fn func() error) {
    g.wg.Add(1)
    go func() { //@CONC-01
        defer g.wg.Done()
-|        defer g.recoverInto()
        if err := fn(); err != nil {
            g.add(err)
        }
    }()
}
'''
case('go-17-error-group-edit-removes-deferred-recover', GH + 'neilotoole/errgroup/issues/5',
     'an edit of an error-group library deletes the deferred recover from the goroutine it starts',
     files=[go_edit('group.go', 'errgroup', ['sync'], PKGGO)])

# ---------------------------------------------------------------- TX-01 / TX-02
def tx(pkg, fn, table, bad):
    return go(pkg, ['context', 'database/sql'], pick(r'''
// %(fn)s moves the %(table)s rows of one account to another.
func %(fn)s(ctx context.Context, db *sql.DB, from, to int64) error {
    tx, err := db.BeginTx(ctx, nil) //@TX-01
    if err != nil {
        return err
    }
C|    defer tx.Rollback()
    if _, err := tx.ExecContext(ctx, `UPDATE %(table)s SET account = ? WHERE account = ?`, to, from); err != nil {
        return err
    }
    if _, err := tx.ExecContext(ctx, `DELETE FROM accounts WHERE id = ?`, from); err != nil {
        return err
    }
    return tx.Commit()
}
''' % locals(), bad))


case('go-18-cells-storage-returns-without-rollback-on-exec-error', GH + 'pydio/cells/pull/676',
     'a storage service begins a transaction and returns on an exec error without rolling back',
     files=[f('common/storage/move.go', new=tx('storage', 'MoveNodes', 'nodes', True))])
case('go-ok-10-cells-storage-defers-rollback', GH + 'pydio/cells/pull/676',
     'clean: the transaction defers its rollback right after Begin',
     files=[f('common/storage/move.go', new=tx('storage', 'MoveNodes', 'nodes', False))])
case('go-19-tracker-moves-peers-without-rollback', GH + 'Ianleeclark/notorious/issues/125',
     'a torrent tracker moves peers between torrents in a transaction that no error path ends',
     files=[f('db/peers.go', new=tx('db', 'MovePeers', 'peers', True))])

COMMIT = r'''
// SaveConsent stores a receipt and its purposes in one transaction.
func (s *Store) SaveConsent(ctx context.Context, r Receipt) error {
    tx, err := s.db.BeginTx(ctx, nil)
    if err != nil {
        return err
    }
    defer tx.Rollback()
    if _, err := tx.ExecContext(ctx, `INSERT INTO receipts (id, subject) VALUES (?, ?)`, r.ID, r.Subject); err != nil {
        return err
    }
-|    return tx.Commit()
+|    tx.Commit() //@TX-02
+|    return nil
}
'''
case('go-20-consent-store-edit-ignores-commit-error', GH + 'wso2/carbon-consent-management/pull/158',
     'an edit stops returning the commit error, so a failed commit is reported as a saved receipt',
     files=[go_edit('consent/store.go', 'consent', ['context'], COMMIT)])
BEGIN = r'''
// Archive copies finished jobs into the archive table.
func (a *Archiver) Archive(ctx context.Context) error {
    tx, _ := a.db.BeginTx(ctx, nil) //@TX-02
    defer tx.Rollback()
    if _, err := tx.ExecContext(ctx, `INSERT INTO job_archive SELECT * FROM jobs WHERE state = 'done'`); err != nil {
        return err
    }
    return tx.Commit()
}

// Archiver moves old jobs out of the hot table.
type Archiver struct {
    db *sql.DB
}
'''
case('go-21-job-archiver-discards-begin-error', GH + 'cadence-workflow/cadence/issues/522',
     'an archiver throws away the error of BeginTx and then uses the nil transaction',
     files=[f('service/archiver/archive.go', new=go('archiver', ['context', 'database/sql'], BEGIN))])

# ---------------------------------------------------------------- RES-03: defer in loop
def loopdefer(pkg, fn, bad):
    return go(pkg, ['archive/zip', 'io', 'os', 'path/filepath'], pick(r'''
// %(fn)s writes every file of the archive under dir.
func %(fn)s(zr *zip.Reader, dir string) error {
    for _, zf := range zr.File {
C|        if err := extractOne(zf, dir); err != nil {
C|            return err
C|        }
C|    }
C|    return nil
C|}
C|
C|func extractOne(zf *zip.File, dir string) error {
C|    {
        src, err := zf.Open()
        if err != nil {
            return err
        }
B|        defer src.Close() //@RES-03
C|        defer src.Close()
        dst, err := os.Create(filepath.Join(dir, filepath.Base(zf.Name)))
        if err != nil {
            return err
        }
B|        defer dst.Close()
C|        defer dst.Close()
        if _, err := io.Copy(dst, src); err != nil {
            return err
        }
    }
    return nil
}
''' % locals(), bad))


case('go-22-code-generator-defers-file-close-in-loop', GH + 'betacraft/autobindings/pull/4',
     'a code generator unpacks templates and defers each close inside the loop, holding every file until the end',
     files=[f('unpack/unpack.go', new=loopdefer('unpack', 'Unpack', True))])
case('go-ok-11-code-generator-closes-each-file-in-helper', GH + 'betacraft/autobindings/pull/4',
     'clean: each entry is extracted in its own function, so its defers run per file',
     files=[f('unpack/unpack.go', new=loopdefer('unpack', 'Unpack', False))])
case('go-23-oct-bundle-extract-defers-in-loop', GH + 'huawei-openlab/oct/pull/362',
     'a conformance tool extracts a bundle with defers inside the loop over entries',
     files=[f('tools/bundle/extract.go', new=loopdefer('bundle', 'Extract', True))])

# ---------------------------------------------------------------- TMO-01: clients without timeout
def client(pkg, bad):
    return go(pkg, ['net/http', 'time'], pick(r'''
// NewClient returns the client every call of this package uses.
func NewClient(base string) *API {
    return &API{
        base: base,
B|        http: &http.Client{}, //@TMO-01
C|        http: &http.Client{Timeout: 15 * time.Second},
    }
}

// API is a small REST client.
type API struct {
    base string
    http *http.Client
}

// Ping checks that the API answers.
func (a *API) Ping() error {
    resp, err := a.http.Get(a.base + "/ping")
    if err != nil {
        return err
    }
    return resp.Body.Close()
}
''', bad).replace('"time"', '"time"' if not bad else '"time"')).replace('\t"time"\n', '\t"time"\n')


def client_file(pkg, bad):
    t = client(pkg, bad)
    return t.replace('\t"time"\n', '') if bad else t


case('go-24-stream-client-builds-http-client-without-timeout', GH + 'Azure/go-autorest/pull/26',
     'a REST client is constructed with a zero-value http.Client, so a silent server holds the caller forever',
     files=[f('autorest/client.go', new=client_file('autorest', True))])
case('go-ok-12-rest-client-sets-overall-timeout', GH + 'Azure/go-autorest/pull/26',
     'clean: the client is built with an overall timeout',
     files=[f('autorest/client.go', new=client_file('autorest', False))])
case('go-25-blueprint-health-client-without-timeout', GH + 'Melkeydev/go-blueprint/pull/228',
     'a project template ships an API client with no timeout',
     files=[f('internal/api/client.go', new=client_file('api', True))])
GETDEF = r'''
// LatestTag asks the registry for the newest tag of an image.
func LatestTag(image string) (string, error) {
    resp, err := http.Get("https://registry.example/v2/" + image + "/tags/list") //@TMO-01
    if err != nil {
        return "", err
    }
    defer resp.Body.Close()
    var body struct{ Tags []string }
    if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
        return "", err
    }
    if len(body.Tags) == 0 {
        return "", nil
    }
    return body.Tags[len(body.Tags)-1], nil
}
'''
case('go-26-swarm-tag-lookup-uses-default-client', GH + 'ethersphere/swarm/pull/487',
     'a node looks up image tags with http.Get and the default client, which has no timeout',
     files=[f('cmd/swarm/tags.go', new=go('main', ['encoding/json', 'net/http'], GETDEF))])

# ---------------------------------------------------------------- TMO-02: detached contexts
def detach(pkg, bad):
    return go(pkg, ['context', 'net/http'], pick(r'''
// ServeHTTP looks up the account of the request.
func (h *AccountHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
B|    acct, err := h.repo.Find(context.Background(), r.URL.Query().Get("id")) //@TMO-02
C|    acct, err := h.repo.Find(r.Context(), r.URL.Query().Get("id"))
    if err != nil {
        http.Error(w, err.Error(), http.StatusBadGateway)
        return
    }
    w.Write([]byte(acct))
}

// AccountHandler serves one account.
type AccountHandler struct {
    repo interface {
        Find(ctx context.Context, id string) (string, error)
    }
}
''', bad))


case('go-27-bank-handler-queries-with-background-context', GH + 'hyperledger-labs/orion-server/issues/173',
     'a banking handler calls its repository with context.Background, so a cancelled request keeps its query running',
     files=[f('accounts/handler.go', new=detach('accounts', True))])
case('go-ok-13-bank-handler-passes-request-context', GH + 'hyperledger-labs/orion-server/issues/173',
     'clean: the handler passes the request context down',
     files=[f('accounts/handler.go', new=detach('accounts', False))])
case('go-28-registry-server-detaches-lookup-from-request', GH + 'hyperledger-labs/orion-server/issues/173',
     'an API registry handler looks up with a background context instead of the request one',
     files=[f('server/registry/lookup.go', new=detach('registry', True))])
SLEEPRETRY = r'''
// Send delivers the payload, retrying with a fixed pause.
func (s *Sender) Send(ctx context.Context, payload []byte) error {
    var err error
    for attempt := 0; attempt < 5; attempt++ {
        if err = s.post(ctx, payload); err == nil {
            return nil
        }
        time.Sleep(2 * time.Second) //@CONC-05
    }
    return err
}

// Sender posts payloads.
type Sender struct {
    post func(context.Context, []byte) error
}
'''
case('go-29-event-sender-sleeps-through-cancelled-context', GH + 'block/spincycle/pull/30',
     'a retry loop sleeps between attempts without looking at the context, so a cancelled request keeps retrying',
     files=[f('client/send.go', new=go('client', ['context', 'time'], SLEEPRETRY))])
SELECTRETRY = SLEEPRETRY.replace('''        time.Sleep(2 * time.Second) //@CONC-05''', '''        t := time.NewTimer(2 * time.Second)
        select {
        case <-ctx.Done():
            t.Stop()
            return ctx.Err()
        case <-t.C:
        }''')
case('go-ok-14-event-sender-waits-on-timer-or-context', GH + 'block/spincycle/pull/30',
     'clean: the pause between attempts selects on the context and a timer',
     files=[f('client/send.go', new=go('client', ['context', 'time'], SELECTRETRY))])

# ---------------------------------------------------------------- RES-04: pools per call
def perreq(pkg, bad):
    return go(pkg, ['database/sql', 'net/http', '', '_ github.com/lib/pq'], pick(r'''
// Server answers the market endpoints.
type Server struct {
    dsn string
C|    db  *sql.DB
}
C|
C|// NewServer opens the pool once for the life of the server.
C|func NewServer(dsn string) (*Server, error) {
C|    db, err := sql.Open("postgres", dsn)
C|    if err != nil {
C|        return nil, err
C|    }
C|    return &Server{dsn: dsn, db: db}, nil
C|}

// Price answers the latest price of a stock.
func (s *Server) Price(w http.ResponseWriter, r *http.Request) {
B|    db, err := sql.Open("postgres", s.dsn) //@RES-04
B|    if err != nil {
B|        http.Error(w, err.Error(), http.StatusInternalServerError)
B|        return
B|    }
C|    db := s.db
    var price string
    if err := db.QueryRowContext(r.Context(), `SELECT price FROM quotes WHERE symbol = $1`, r.URL.Query().Get("s")).Scan(&price); err != nil {
        http.Error(w, err.Error(), http.StatusNotFound)
        return
    }
    w.Write([]byte(price))
}
''', bad))


case('go-30-market-server-opens-database-per-request', GH + 'Ianleeclark/notorious/issues/125',
     'a market handler calls sql.Open on every request and never closes the pool',
     files=[f('market/price.go', new=perreq('market', True))])
case('go-ok-15-market-server-opens-pool-once', GH + 'Ianleeclark/notorious/issues/125',
     'clean: the pool is opened in the server constructor and shared by every request',
     files=[f('market/price.go', new=perreq('market', False))])
case('go-31-blueprint-handler-opens-pool-per-call', GH + 'Melkeydev/go-blueprint/pull/228',
     'a generated handler opens a new database pool for each call',
     files=[f('internal/server/price.go', new=perreq('server', True))])
PERCALLCLIENT = r'''
// Notify posts one message to the webhook of the channel.
func Notify(webhook string, msg []byte) error {
    c := &http.Client{Transport: &http.Transport{MaxIdleConns: 10}, Timeout: 10 * time.Second} //@RES-04
    resp, err := c.Post(webhook, "application/json", bytes.NewReader(msg))
    if err != nil {
        return err
    }
    defer resp.Body.Close()
    if resp.StatusCode >= 300 {
        return fmt.Errorf("webhook: %s", resp.Status)
    }
    return nil
}
'''
case('go-32-im-server-builds-transport-per-notification', GH + 'WuKongIM/WuKongIM/pull/188',
     'an IM server builds a new client with its own transport for every webhook notification',
     files=[f('internal/webhook/notify.go', new=go('webhook', ['bytes', 'fmt', 'net/http', 'time'], PERCALLCLIENT))])

# ---------------------------------------------------------------- RES-01: processes, tickers, iterators, files
def proc(pkg, bad):
    return go(pkg, ['os/exec'], pick(r'''
// Rebuild runs the build command and starts the fresh binary.
func (r *Runner) Rebuild() error {
    if r.cmd != nil && r.cmd.Process != nil {
        r.cmd.Process.Kill()
C|        r.cmd.Wait()
    }
    build := exec.Command("go", "build", "-o", r.bin, ".")
    if err := build.Run(); err != nil {
        return err
    }
    r.cmd = exec.Command(r.bin)
    return r.cmd.Start()
}

// Runner keeps one child process running.
type Runner struct {
    bin string
    cmd *exec.Cmd
}
''', bad))


PROCBAD = r'''
// Open shows the file with the desktop viewer and returns at once.
func Open(path string) error {
    cmd := exec.Command("xdg-open", path)
    return cmd.Start() //@RES-01
}
'''
case('go-33-drawer-launches-apps-with-start-and-never-waits', GH + 'nwg-piotr/nwg-drawer/issues/51',
     'an app launcher starts each program and never waits for it, leaving a zombie per launch',
     files=[f('launch.go', new=go('main', ['os/exec'], PROCBAD))])
PROCOK = r'''
// Open shows the file with the desktop viewer and reaps it when it exits.
func Open(path string) error {
    cmd := exec.Command("xdg-open", path)
    if err := cmd.Start(); err != nil {
        return err
    }
    go func() {
        defer func() { recover() }()
        _ = cmd.Wait() // the viewer's exit status is of no interest; waiting only reaps it
    }()
    return nil
}
'''
case('go-ok-16-drawer-reaps-launched-app-in-goroutine', GH + 'nwg-piotr/nwg-drawer/issues/51',
     'clean: the launcher waits for the child in a recovering goroutine, so it is reaped',
     files=[f('launch.go', new=go('main', ['os/exec'], PROCOK))])
case('go-ok-17-compile-daemon-waits-for-killed-child', GH + 'githubnemo/CompileDaemon/pull/3',
     'clean: the rebuild loop waits for the killed child before starting the next one',
     files=[f('runner.go', new=proc('main', False))])
RUNSTART = r'''
// Rerun restarts the watched project after a change.
func (p *Project) Rerun(ctx context.Context) error {
    cmd := exec.CommandContext(ctx, p.bin, p.args...)
    cmd.Stdout = p.out
    if err := cmd.Start(); err != nil { //@RES-01
        return err
    }
    p.pid = cmd.Process.Pid
    return nil
}

// Project is one watched program.
type Project struct {
    bin  string
    args []string
    out  io.Writer
    pid  int
}
'''
case('go-34-realize-restarts-project-without-wait', GH + 'oxequa/realize/issues/192',
     'a file watcher restarts the project with Start and keeps only the pid, never waiting for the child',
     files=[f('realize/projects.go', new=go('realize', ['context', 'io', 'os/exec'], RUNSTART))])


def ticker(pkg, bad):
    return go(pkg, ['context', 'time'], pick(r'''
// Run reports the peer count every interval until ctx ends.
func (m *Monitor) Run(ctx context.Context) {
    t := time.NewTicker(m.every) //@RES-01
C|    defer t.Stop()
    for {
        select {
        case <-ctx.Done():
            return
        case <-t.C:
            m.report(m.peers())
        }
    }
}

// Monitor reports peers periodically.
type Monitor struct {
    every  time.Duration
    peers  func() int
    report func(int)
}
''', bad))


case('go-35-wukong-monitor-never-stops-ticker', GH + 'WuKongIM/WuKongIM/pull/188',
     'a monitor loop returns on cancellation without stopping its ticker',
     files=[f('internal/monitor/peers.go', new=ticker('monitor', True))])
case('go-ok-18-wukong-monitor-defers-ticker-stop', GH + 'WuKongIM/WuKongIM/pull/188',
     'clean: the ticker is stopped by a defer',
     files=[f('internal/monitor/peers.go', new=ticker('monitor', False))])
TICK = r'''
// Forward copies frames to the tunnel and sends a heartbeat when idle.
func (t *Tunnel) Forward(frames <-chan []byte) {
    for {
        select {
        case f, ok := <-frames:
            if !ok {
                return
            }
            t.write(f)
        case <-time.Tick(t.idle): //@RES-01
            t.write(heartbeat)
        }
    }
}
'''
case('go-36-tunnel-creates-time-tick-each-iteration', GH + 'xjdrew/gotunnel/pull/23',
     'a tunnel builds a new time.Tick in every select, one ticker per frame that is never stopped',
     files=[f('tunnel/forward.go', new=go('tunnel', ['time'], TICK + '''
var heartbeat = []byte{0}

// Tunnel writes frames to a peer.
type Tunnel struct {
    idle  time.Duration
    write func([]byte)
}
'''))])

ITER = r'''
// Range returns the values between lo and hi.
func (s *KV) Range(lo, hi []byte) ([][]byte, error) {
    it, err := s.db.NewIter(&pebble.IterOptions{LowerBound: lo, UpperBound: hi}) //@RES-01
    if err != nil {
        return nil, err
    }
    var out [][]byte
    for it.First(); it.Valid(); it.Next() {
        v, err := it.ValueAndErr()
        if err != nil {
            return nil, err
        }
        out = append(out, append([]byte(nil), v...))
    }
    return out, it.Close()
}

// KV is a small store over pebble.
type KV struct {
    db *pebble.DB
}
'''
case('go-37-oxia-range-returns-on-value-error-with-iterator-open', GH + 'oxia-db/oxia/pull/770',
     'a key-value server ranges over a pebble iterator and returns on a value error without closing it',
     files=[f('server/kv/range.go', new=go('kv', ['github.com/cockroachdb/pebble'], ITER))])
ITEROK = ITER.replace(' //@RES-01', '').replace('''    var out [][]byte''', '''    defer it.Close()
    var out [][]byte''').replace('return out, it.Close()', 'return out, nil')
case('go-ok-19-oxia-range-defers-iterator-close', GH + 'oxia-db/oxia/pull/770',
     'clean: the iterator is closed by a defer on every path',
     files=[f('server/kv/range.go', new=go('kv', ['github.com/cockroachdb/pebble'], ITEROK))])
ETHITER = r'''
// Count counts the keys with the prefix; the iterator is handed to the caller closed.
func (db *Database) Count(prefix []byte) (int, error) {
    it, err := db.db.NewIter(&pebble.IterOptions{LowerBound: prefix, UpperBound: upperBound(prefix)})
    if err != nil {
        return 0, err
    }
    n := 0
    for it.First(); it.Valid(); it.Next() {
        n++
    }
-|    if err := it.Close(); err != nil {
-|        return 0, err
-|    }
    return n, nil
}
'''
case('go-38-eth-pebble-count-edit-drops-iterator-close', GH + 'ethereum/go-ethereum/pull/28566',
     'an edit removes the only close of a pebble iterator in a key count',
     files=[go_edit('ethdb/pebble/count.go', 'pebble', ['github.com/cockroachdb/pebble'], ETHITER.replace(
         'it, err := db.db.NewIter(&pebble.IterOptions{LowerBound: prefix, UpperBound: upperBound(prefix)})',
         'it, err := db.db.NewIter(&pebble.IterOptions{LowerBound: prefix, UpperBound: upperBound(prefix)}) //@RES-01'))])
CORTEX = r'''
// Keys lists every key of the table; the caller owns nothing.
func (t *Table) Keys() ([][]byte, error) {
    it, err := t.db.NewIter(nil)
    if err != nil {
        return nil, err
    }
    defer it.Close()
    var keys [][]byte
    for it.First(); it.Valid(); it.Next() {
        keys = append(keys, append([]byte(nil), it.Key()...))
    }
    return keys, it.Error()
}
'''
case('go-ok-20-cortex-table-keys-defers-iterator-close', GH + 'CortexFoundation/CortexTheseus/pull/1819',
     'clean: the key listing defers the iterator close once',
     files=[f('ethdb/pebble/keys.go', new=go('pebble', ['github.com/cockroachdb/pebble'], CORTEX + '''
// Table is one pebble-backed table.
type Table struct {
    db *pebble.DB
}
'''))])

FILEOPEN = r'''
// LoadManifest reads the manifest and checks its magic header.
func LoadManifest(path string) (*Manifest, error) {
    f, err := os.Open(path) //@RES-01
    if err != nil {
        return nil, err
    }
    hdr := make([]byte, 4)
    if _, err := io.ReadFull(f, hdr); err != nil {
        return nil, err
    }
    if string(hdr) != "MNF1" {
        return nil, errors.New("not a manifest")
    }
    m := &Manifest{}
    err = json.NewDecoder(f).Decode(m)
    f.Close()
    return m, err
}

// Manifest lists the files of a release.
type Manifest struct {
    Files []string
}
'''
case('go-39-manifest-loader-leaks-file-on-bad-header', GH + 'betacraft/autobindings/pull/4',
     'a manifest loader returns on a short read or a wrong header before its manual close',
     files=[f('internal/manifest/load.go', new=go('manifest', ['encoding/json', 'errors', 'io', 'os'], FILEOPEN))])
case('go-ok-21-manifest-loader-defers-close', GH + 'betacraft/autobindings/pull/4',
     'clean: the manifest file is closed by a defer after the open check',
     files=[f('internal/manifest/load.go', new=go('manifest', ['encoding/json', 'errors', 'io', 'os'],
            FILEOPEN.replace(' //@RES-01', '').replace('''    hdr := make''', '''    defer f.Close()
    hdr := make''').replace('''    err = json.NewDecoder(f).Decode(m)
    f.Close()
    return m, err''', '''    return m, json.NewDecoder(f).Decode(m)''')))])

# ---------------------------------------------------------------- MEM-02, LOG-01, ERR-01, HTTP-01
def pool(pkg, bad):
    return go(pkg, ['bytes', 'encoding/json', 'sync'], pick(r'''
var bufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Encode renders v as JSON using a pooled buffer.
func Encode(v any) ([]byte, error) {
    buf := bufs.Get().(*bytes.Buffer)
    buf.Reset()
    if err := json.NewEncoder(buf).Encode(v); err != nil {
        bufs.Put(buf)
        return nil, err
    }
C|    out := bytes.Clone(buf.Bytes())
    bufs.Put(buf) //@MEM-02
B|    return buf.Bytes(), nil
C|    return out, nil
}
''', bad))


case('go-40-chili-encoder-returns-pooled-buffer-bytes', GH + 'scroll-tech/scroll/pull/1552',
     'an encoder puts its buffer back in the pool and then returns a slice that aliases it',
     files=[f('common/encode/json.go', new=pool('encode', True))])
case('go-ok-22-encoder-clones-before-put', GH + 'scroll-tech/scroll/pull/1552',
     'clean: the bytes are cloned before the buffer goes back to the pool',
     files=[f('common/encode/json.go', new=pool('encode', False))])


def logloop(pkg, bad):
    return go(pkg, ['log/slog'], pick(r'''
// Apply applies every change of the batch and reports the ones it skipped.
func Apply(log *slog.Logger, batch []Change, apply func(Change) error) int {
    skipped := 0
    for _, c := range batch {
        if err := apply(c); err != nil {
B|            log.Warn("skipping change", "key", c.Key, "err", err) //@LOG-01
            skipped++
        }
    }
C|    if skipped > 0 {
C|        log.Warn("skipped changes", "count", skipped, "batch", len(batch))
C|    }
    return skipped
}

// Change is one keyed update.
type Change struct {
    Key   string
    Value []byte
}
''', bad))


case('go-41-stellar-applier-warns-per-skipped-change', GH + 'cadence-workflow/cadence/issues/522',
     'a batch applier writes one warning per skipped change, which floods the log under a storm of rejects',
     files=[f('service/apply/apply.go', new=logloop('apply', True))])
case('go-ok-23-applier-logs-one-summary-per-batch', GH + 'cadence-workflow/cadence/issues/522',
     'clean: the applier counts skips and logs one summary per batch',
     files=[f('service/apply/apply.go', new=logloop('apply', False))])
ZAPLOOP = r'''
// Route dispatches every pending task and logs the throttled ones.
func (m *Matcher) Route(tasks []Task) {
    for _, t := range tasks {
        if !m.limiter.Allow() {
            m.log.Info("task throttled", zap.String("tasklist", t.List), zap.String("id", t.ID)) //@LOG-01
            m.retry = append(m.retry, t)
            continue
        }
        m.dispatch(t)
    }
}
'''
case('go-42-matcher-logs-every-throttled-task', GH + 'cadence-workflow/cadence/issues/522',
     'a task matcher logs each throttled task inside the dispatch loop',
     files=[f('service/matching/route.go', new=go('matching', ['go.uber.org/zap', 'golang.org/x/time/rate'], ZAPLOOP + '''
// Task is one unit of work for a task list.
type Task struct {
    List, ID string
}

// Matcher hands tasks to pollers.
type Matcher struct {
    log      *zap.Logger
    limiter  *rate.Limiter
    retry    []Task
    dispatch func(Task)
}
'''))])
IGN = r'''
// Save writes the settings file atomically.
func Save(path string, s Settings) error {
    data, _ := json.MarshalIndent(s, "", "  ") //@ERR-01
    tmp := path + ".tmp"
    if err := os.WriteFile(tmp, data, 0o600); err != nil {
        return err
    }
    return os.Rename(tmp, path)
}

// Settings is what the tool remembers between runs.
type Settings struct {
    Endpoint string
    Token    any
}
'''
case('go-43-cli-settings-ignore-marshal-error', GH + 'yoyosource/YAPION/pull/7',
     'a settings writer discards the marshal error and writes whatever came back',
     files=[f('internal/config/save.go', new=go('config', ['encoding/json', 'os'], IGN))])
CLOSEIGN = r'''
// Flush writes the buffered records and closes the segment.
func (s *Segment) Flush() error {
    if err := s.w.Flush(); err != nil {
        return err
    }
-|    return s.f.Close()
+|    s.f.Close() //@ERR-01
+|    return nil
}
'''
case('go-44-segment-flush-edit-drops-close-error', GH + 'oxia-db/oxia/pull/770',
     'an edit stops returning the close error of a written segment, hiding a failed write-back',
     files=[go_edit('server/wal/segment.go', 'wal', ['bufio', 'os'], CLOSEIGN, header='')])
MW = r'''
// Audit records the method and path of every request.
func Audit(next http.Handler, rec func(method, path string)) http.Handler {
    return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
        defer r.Body.Close() //@HTTP-01
        rec(r.Method, r.URL.Path)
        next.ServeHTTP(w, r)
    })
}
'''
case('go-45-audit-middleware-closes-request-body', GH + 'block/spincycle/pull/30',
     'an audit middleware closes the request body it did not open',
     files=[f('api/audit.go', new=go('api', ['net/http'], MW))])
MWOK = r'''
// Audit records the method, path and body size of every request, keeping the body for the handler.
func Audit(next http.Handler, rec func(method, path string, size int)) http.Handler {
    return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
        body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
        if err != nil {
            http.Error(w, "bad body", http.StatusBadRequest)
            return
        }
        r.Body = io.NopCloser(bytes.NewReader(body))
        rec(r.Method, r.URL.Path, len(body))
        next.ServeHTTP(w, r)
    })
}
'''
case('go-ok-24-audit-middleware-restores-body', GH + 'block/spincycle/pull/30',
     'clean: the middleware reads a bounded body and hands the handler a fresh reader',
     files=[f('api/audit.go', new=go('api', ['bytes', 'io', 'net/http'], MWOK))])

# ---------------------------------------------------------------- shapes: CRLF, rename, test beside, generated, go.mod
case('go-46-crlf-registry-client-without-timeout', GH + 'pydio/cells/pull/676',
     'a CRLF file adds a registry client built on a zero-value http.Client',
     files=[f('common/registry/client.go', new=client_file('registry', True), crlf=True)])
case('go-47-renamed-sync-worker-drops-cancel', GH + 'scroll-tech/scroll/pull/1552',
     'a file moved to a new package keeps a timeout context whose cancel is discarded',
     files=[dict(f('rollup/internal/worker/fetch.go', old=cancel('fetch', 'FetchBatch', 'Read', False).replace('package fetch', 'package worker'),
                   new=cancel('worker', 'FetchBatch', 'Read', True)), rename_from='rollup/internal/fetch/fetch.go')])
TESTBESIDE = '''
func TestSelectLocksEmpty(t *testing.T) {
    db, err := sql.Open("sqlite", ":memory:")
    if err != nil {
        t.Fatal(err)
    }
    defer db.Close()
    if _, err := SelectLocks(context.Background(), db, 1); err == nil {
        t.Fatal("want an error without the table")
    }
}
'''
case('go-48-lock-query-with-test-beside-leaks-rows', GH + 'freiheit-com/kuberpult/pull/1754',
     'a lock query with its test beside it: the scan error path leaves the rows open',
     files=[f('pkg/locks/locks.go', new=rows('locks', 'EnvLock', 'SelectLocks', 'app_locks', True)),
            f('pkg/locks/locks_test.go', new=go('locks', ['context', 'database/sql', 'testing', '', '_ modernc.org/sqlite'], TESTBESIDE))])
GENERATED = r'''
// Code generated by mockery. DO NOT EDIT.

// MockStore is a mock of Store.
type MockStore struct {
    calls int
}

// Load records the call and returns nothing.
func (m *MockStore) Load(ctx context.Context, key string) ([]byte, error) {
    m.calls++
    _ = ctx
    return nil, nil
}
'''
case('go-ok-25-generated-mock-beside-store-with-deferred-cancel', GH + 'tikv/pd/pull/8520',
     'clean: a generated mock beside a store whose timeout context is cancelled by a defer',
     files=[f('client/store.go', new=cancel('client', 'GetStore', 'Load', False)),
            f('client/mock_store.go', new=go('client', ['context'], GENERATED))])
case('go-49-blueprint-module-with-per-request-pool', GH + 'Melkeydev/go-blueprint/pull/228',
     'a new service with its go.mod opens a database pool inside the handler',
     files=[f('go.mod', new=gomod('example.com/quotes', ['github.com/lib/pq v1.10.9'])),
            f('internal/quotes/price.go', new=perreq('quotes', True))])
GOFMTLOOP = r'''
// Pull downloads every layer of the image into dir.
func Pull(c *http.Client, urls []string, dir string) error {
    for i, u := range urls {
        resp, err := c.Get(u)
        if err != nil {
            return err
        }
        defer resp.Body.Close() //@RES-03
        out, err := os.Create(filepath.Join(dir, strconv.Itoa(i)))
        if err != nil {
            return err
        }
        if _, err := io.Copy(out, resp.Body); err != nil {
            out.Close()
            return err
        }
        if err := out.Close(); err != nil {
            return err
        }
    }
    return nil
}
'''
case('go-50-layer-puller-defers-body-close-in-loop', GH + 'huawei-openlab/oct/pull/362',
     'a layer puller defers every response body close inside the loop over layers',
     files=[f('tools/pull/pull.go', new=go('pull', ['io', 'net/http', 'os', 'path/filepath', 'strconv'], GOFMTLOOP))])
RECONN = r'''
// Reconnect redials the peer until it answers or ctx ends.
func (c *Conn) Reconnect(ctx context.Context) error {
    for {
        conn, err := net.DialTimeout("tcp", c.addr, 5*time.Second)
        if err == nil {
            c.nc = conn
            return nil
        }
        select {
        case <-ctx.Done():
            return ctx.Err()
        case <-time.After(c.backoff):
        }
    }
}

// Conn is a redialling TCP connection.
type Conn struct {
    addr    string
    backoff time.Duration
    nc      net.Conn
}
'''
case('go-ok-26-tunnel-redial-waits-on-context-or-backoff', GH + 'xjdrew/gotunnel/pull/23',
     'clean: the redial loop waits on the context or a backoff timer and dials with a timeout',
     files=[f('tunnel/redial.go', new=go('tunnel', ['context', 'net', 'time'], RECONN))])
SLOGOK = r'''
// Handle deletes one object; per-object detail is logged at debug level only when enabled.
func (h *Deleter) Handle(ctx context.Context, keys []string) error {
    failed := 0
    for _, k := range keys {
        if err := h.del(ctx, k); err != nil {
            failed++
            if h.log.Enabled(ctx, slog.LevelDebug) {
                h.log.Debug("delete failed", "key", k, "err", err)
            }
        }
    }
    if failed > 0 {
        return fmt.Errorf("%d of %d deletes failed", failed, len(keys))
    }
    return nil
}

// Deleter removes objects.
type Deleter struct {
    log *slog.Logger
    del func(context.Context, string) error
}
'''
case('go-ok-27-deleter-guards-per-key-debug-log-and-returns-count', GH + 'cadence-workflow/cadence/issues/522',
     'clean: per-key detail is guarded debug logging, the failure count is returned',
     files=[f('service/delete/delete.go', new=go('delete', ['context', 'fmt', 'log/slog'], SLOGOK))])
WGOK = r'''
// Scan checks every host with at most limit checks at a time.
func Scan(ctx context.Context, hosts []string, limit int, check func(context.Context, string) error) error {
    g, ctx := errgroup.WithContext(ctx)
    g.SetLimit(limit)
    for _, h := range hosts {
        g.Go(guard(func() error { return check(ctx, h) }))
    }
    return g.Wait()
}

func guard(fn func() error) func() error {
    return func() (err error) {
        defer func() {
            if p := recover(); p != nil {
                err = fmt.Errorf("check panicked: %v", p)
            }
        }()
        return fn()
    }
}
'''
case('go-ok-28-scanner-bounded-errgroup-with-guard', GH + 'SolaceProducts/solace-broker-mcp/pull/139',
     'clean: a bounded errgroup whose workers are guarded by a recover',
     files=[f('internal/scan/scan.go', new=go('scan', ['context', 'fmt', '', 'golang.org/x/sync/errgroup'], WGOK))])
TXOK = r'''
// Rename renames a mailbox inside one transaction and returns the commit's error.
func (s *Store) Rename(ctx context.Context, from, to string) error {
    tx, err := s.db.BeginTx(ctx, nil)
    if err != nil {
        return fmt.Errorf("begin: %w", err)
    }
    defer tx.Rollback() // a no-op once Commit succeeded
    if _, err := tx.ExecContext(ctx, `UPDATE mailboxes SET name = ? WHERE name = ?`, to, from); err != nil {
        return fmt.Errorf("rename: %w", err)
    }
    if err := tx.Commit(); err != nil {
        return fmt.Errorf("commit: %w", err)
    }
    return nil
}

// Store keeps mailboxes.
type Store struct {
    db *sql.DB
}
'''
case('go-ok-29-mailbox-rename-checks-commit', GH + 'wso2/carbon-consent-management/pull/158',
     'clean: a transaction with a deferred rollback whose commit error is returned',
     files=[f('internal/store/rename.go', new=go('store', ['context', 'database/sql', 'fmt'], TXOK))])

# The round keeps 60 Go cases: these near-repeats of a template were written first and left out (numbers as written).
CASES[:] = keep(CASES, {'bad': {'04', '05', '08', '12', '16', '19', '23', '25', '28', '31'},
                        'ok': {'02', '04', '07', '09', '17', '20', '26', '27', '29'}}, 'go')

# Run 2 (CORRECTIONS.md): an item the code really has and the case did not label, added after the blind run 1 as an
# accepted item; no case code or expectation changed.
ACCEPT = {
    'go-16-code-generator-defers-file-close-in-loop': [('unpack/unpack.go', 22, 'RES-03')],
}
for c in CASES:
    c['accept'] = c.get('accept', []) + ACCEPT.get(c['name'], [])
