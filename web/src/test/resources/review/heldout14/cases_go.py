"""Round-14 Go cases, written for this corpus from the checklist items (see SOURCES.md). Each template is written once
with `B|` (defect only) and `C|` (clean only) lines, or as an edit with `-|`/`+|` lines; //@ITEM markers name the line a
reviewer reading that item should flag (`ITEM|OTHER` when either item names the one defect) and are stripped by the
renderer. Names carry `00`: they are numbered in order at the end."""
from common14 import make_case, go_edit, gomod, go, f, pick, numbered, GO_GENERATED

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'


# ---------------------------------------------------------------- RES-02: body closed only after a successful read
def rule_group(bad):
    return go('rules', ['context', 'errors', 'fmt', 'io', 'net/http', 'net/url'], pick(r'''
// ErrNotFound is returned when the ruler has no such group.
var ErrNotFound = errors.New("rule group not found")

// Client talks to the ruler API of one tenant. Its http.Client is built once by the caller, with timeouts.
type Client struct {
    HTTP    *http.Client
    BaseURL string
    Tenant  string
}

// RuleGroup returns one rule group as YAML.
func (c *Client) RuleGroup(ctx context.Context, namespace, group string) ([]byte, error) {
    u := fmt.Sprintf("%s/api/v1/rules/%s/%s", c.BaseURL, url.PathEscape(namespace), url.PathEscape(group))
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
    if err != nil {
        return nil, err
    }
    req.Header.Set("X-Scope-OrgID", c.Tenant)
    resp, err := c.HTTP.Do(req) //@RES-02
    if err != nil {
        return nil, fmt.Errorf("get rule group %s/%s: %w", namespace, group, err)
    }
C|    defer resp.Body.Close()
    if resp.StatusCode == http.StatusNotFound {
        return nil, ErrNotFound
    }
    if resp.StatusCode/100 != 2 {
        return nil, fmt.Errorf("get rule group %s/%s: status %d", namespace, group, resp.StatusCode)
    }
    body, err := io.ReadAll(resp.Body)
B|    resp.Body.Close()
    return body, err
}
''', bad))


case('go-00-cortextool-rule-group-returns-on-404-with-body-open', GH + 'grafana-cold-storage/cortex-tools/pull/168',
     'a ruler client closes the body after reading it; the 404 and error-status returns leave the connection pinned',
     files=[f('pkg/rules/client.go', new=rule_group(True))])
case('go-ok-00-cortextool-rule-group-defers-body-close', GH + 'grafana-cold-storage/cortex-tools/pull/168',
     'clean: the body is closed by a defer right after the error check, so every status path releases it',
     files=[f('pkg/rules/client.go', new=rule_group(False))])


def redirects(bad):
    return go('httpscan', ['context', 'fmt', 'io', 'net/http'], pick(r'''
// Scanner fetches a page and records every redirect hop itself, so that each hop's headers can be kept.
type Scanner struct {
    Transport    http.RoundTripper
    MaxRedirects int
}

// Fetch returns the final response (the caller reads and closes its body) and the URLs visited on the way.
func (s *Scanner) Fetch(ctx context.Context, target string) (*http.Response, []string, error) {
    var hops []string
    next := target
    for i := 0; i <= s.MaxRedirects; i++ {
        req, err := http.NewRequestWithContext(ctx, http.MethodGet, next, nil)
        if err != nil {
            return nil, hops, err
        }
        resp, err := s.Transport.RoundTrip(req) //@RES-02
        if err != nil {
            return nil, hops, err
        }
        if resp.StatusCode < 300 || resp.StatusCode >= 400 {
            return resp, hops, nil
        }
        loc, err := resp.Location()
C|        // Drain a little so the connection can be reused; the hop's body is never shown.
C|        _, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 4<<10))
C|        resp.Body.Close()
        if err != nil {
            return nil, hops, fmt.Errorf("redirect from %s without location: %w", next, err)
        }
        hops = append(hops, next)
        next = loc.String()
    }
    return nil, hops, fmt.Errorf("%s: more than %d redirects", target, s.MaxRedirects)
}
''', bad))


case('go-00-zgrab-redirect-hops-leave-response-bodies-open', GH + 'zmap/zgrab/pull/261',
     'a scanner follows redirects by hand and never closes the bodies of the intermediate responses',
     files=[f('modules/http/redirects.go', new=redirects(True))])
case('go-ok-00-zgrab-redirect-hops-drained-and-closed', GH + 'zmap/zgrab/pull/261',
     'clean: each redirect hop is drained (bounded) and closed before the next request; the final body is the caller\'s',
     files=[f('modules/http/redirects.go', new=redirects(False))])


# ---------------------------------------------------------------- TMO-03: cancel only on the error path
CANCEL_EDIT = r'''
// VerifiedGetUser fetches a user's entry and checks its inclusion proof.
func (c *Client) VerifiedGetUser(ctx context.Context, userID string) (*User, error) {
    ctx, cancel := context.WithTimeout(ctx, c.RPCTimeout) //@TMO-03
-|    defer cancel()
    resp, err := c.cli.GetUser(ctx, &GetUserRequest{UserId: userID})
    if err != nil {
+|        cancel()
        return nil, fmt.Errorf("get user %s: %w", userID, err)
    }
    user, err := c.verifier.Verify(resp)
    if err != nil {
        return nil, fmt.Errorf("verify user %s: %w", userID, err)
    }
    return user, nil
}
'''
case('go-00-keytransparency-edit-cancels-user-lookup-only-on-error', GH + 'google/keytransparency/pull/1175',
     'an edit swaps the deferred cancel for a cancel on the RPC error path; the verify-error and success paths leak the timer',
     files=[go_edit('core/client/verified.go', 'client', ['context', 'fmt'], CANCEL_EDIT)])


def chunk_upload(bad):
    return go('gensupport', ['context', 'errors', 'fmt', 'net/http', 'time'], pick(r'''
// ResumableUpload sends a media body in chunks, each with its own deadline.
type ResumableUpload struct {
    ChunkTimeout time.Duration
    send         func(ctx context.Context, chunk []byte) (*http.Response, error)
}

var errRetryChunk = errors.New("retry chunk")

// Upload sends every chunk in order, retrying a chunk the server asks to be resent.
func (u *ResumableUpload) Upload(ctx context.Context, chunks [][]byte) error {
    for i := 0; i < len(chunks); {
        chunkCtx, cancel := context.WithTimeout(ctx, u.ChunkTimeout) //@TMO-03
        resp, err := u.send(chunkCtx, chunks[i])
        if errors.Is(err, errRetryChunk) {
C|            cancel()
            continue
        }
        if err != nil {
            cancel()
            return fmt.Errorf("chunk %d: %w", i, err)
        }
        resp.Body.Close()
        cancel()
        i++
    }
    return nil
}
''', bad))


case('go-00-google-api-chunk-retry-skips-cancel', GH + 'googleapis/google-api-go-client/pull/2890',
     'a resumable upload derives a timeout per chunk and cancels it on two paths; the retry continue skips it',
     files=[f('internal/gensupport/resumable.go', new=chunk_upload(True))])
case('go-ok-00-google-api-chunk-retry-cancels-before-continue', GH + 'googleapis/google-api-go-client/pull/2890',
     'clean: every path out of the loop body, the retry continue included, cancels the chunk context',
     files=[f('internal/gensupport/resumable.go', new=chunk_upload(False))])

case('go-ok-00-probe-engine-measurer-returns-cancel-to-caller', GH + 'ooni/probe-engine/pull/1081',
     'clean: a helper returns a derived context with its cancel, and the caller defers the cancel at once',
     files=[f('experiment/urlgetter/measurer.go', new=go('urlgetter', ['context', 'time'], r'''
// Measurer runs one URL measurement with an optional overall deadline.
type Measurer struct {
    Timeout time.Duration
    get     func(ctx context.Context, input string) (*Result, error)
}

// Result is what one measurement observed.
type Result struct {
    Failure string
    Bytes   int64
}

// withDeadline bounds ctx by the measurer's timeout, if it has one. The caller owns the returned cancel.
func (m *Measurer) withDeadline(ctx context.Context) (context.Context, context.CancelFunc) {
    if m.Timeout <= 0 {
        return context.WithCancel(ctx)
    }
    return context.WithTimeout(ctx, m.Timeout)
}

// Run measures one input.
func (m *Measurer) Run(ctx context.Context, input string) (*Result, error) {
    ctx, cancel := m.withDeadline(ctx)
    defer cancel()
    return m.get(ctx, input)
}
'''))])


# ---------------------------------------------------------------- RES-01: rows
case('go-00-curt-api-part-attributes-leave-rows-open-on-scan-error', GH + 'curt-labs/API/pull/87',
     'a product API reads part attributes and never closes its rows; a scan error returns with the connection held',
     files=[f('models/products/attributes.go', new=go('products', ['context', 'database/sql', 'fmt'], r'''
// Attribute is one key/value pair shown on a part page.
type Attribute struct {
    Key   string
    Value string
    Sort  int
}

const attributesSQL = `SELECT field, value, sort FROM PartAttribute WHERE partID = ? ORDER BY sort`

// LoadAttributes fills p.Attributes from the database.
func (p *Part) LoadAttributes(ctx context.Context, db *sql.DB) error {
    rows, err := db.QueryContext(ctx, attributesSQL, p.ID) //@RES-01
    if err != nil {
        return fmt.Errorf("attributes of part %d: %w", p.ID, err)
    }
    for rows.Next() {
        var a Attribute
        if err := rows.Scan(&a.Key, &a.Value, &a.Sort); err != nil {
            return fmt.Errorf("scan attribute of part %d: %w", p.ID, err)
        }
        p.Attributes = append(p.Attributes, a)
    }
    return rows.Err()
}
''')), f('models/products/part.go', new=go('products', [], r'''
// Part is one catalogue item.
type Part struct {
    ID         int
    ShortDesc  string
    Attributes []Attribute
}
'''))])


def team_stats(bad):
    return go('store', ['context', 'fmt', 'github.com/jmoiron/sqlx'], pick(r'''
// Store reads match data.
type Store struct {
    db *sqlx.DB
}

// TeamStat is one team's score in one match.
type TeamStat struct {
    MatchKey string `db:"match_key"`
    Team     string `db:"team_key"`
    Score    int    `db:"score"`
}

// FirstUnscored returns the first match of the event whose score for team is still missing.
func (s *Store) FirstUnscored(ctx context.Context, eventKey, team string) (string, error) {
    rows, err := s.db.QueryxContext(ctx, `SELECT match_key, team_key, score FROM alliances WHERE event_key = $1 ORDER BY match_key`, eventKey) //@RES-01
    if err != nil {
        return "", fmt.Errorf("alliances of %s: %w", eventKey, err)
    }
C|    defer rows.Close()
    for rows.Next() {
        var st TeamStat
        if err := rows.StructScan(&st); err != nil {
            return "", err
        }
        if st.Team == team && st.Score < 0 {
            return st.MatchKey, nil
        }
    }
    return "", rows.Err()
}
''', bad))


case('go-00-peregrine-first-unscored-returns-mid-iteration', GH + 'Pigmice2733/peregrine-backend/issues/68',
     'a scouting backend returns the first matching row from inside the loop; the rest of the result set keeps its connection',
     files=[f('internal/store/alliances.go', new=team_stats(True)),
            f('go.mod', new=gomod('github.com/Pigmice2733/peregrine-backend', ['github.com/jmoiron/sqlx v1.3.5', 'github.com/lib/pq v1.10.9']))])
case('go-ok-00-peregrine-first-unscored-defers-rows-close', GH + 'Pigmice2733/peregrine-backend/issues/68',
     'clean: the sqlx rows are closed by a defer, so the early return inside the loop releases them',
     files=[f('internal/store/alliances.go', new=team_stats(False))])


# ---------------------------------------------------------------- RES-04: a pool per call
case('go-00-tronbyt-handler-opens-database-per-request', GH + 'tronbyt/server/pull/92',
     'a device handler opens a SQLite pool on every request (and closes it at the end), instead of sharing one',
     files=[f('internal/server/device.go', new=go('server', ['database/sql', 'encoding/json', 'net/http'], r'''
// Server serves the device API. DSN names the database file.
type Server struct {
    DSN string
}

type device struct {
    ID         string `json:"id"`
    Name       string `json:"name"`
    Brightness int    `json:"brightness"`
}

func (s *Server) handleDevice(w http.ResponseWriter, r *http.Request) {
    db, err := sql.Open("sqlite", s.DSN) //@RES-04
    if err != nil {
        http.Error(w, "database unavailable", http.StatusServiceUnavailable)
        return
    }
    defer db.Close()
    var d device
    err = db.QueryRowContext(r.Context(), "SELECT id, name, brightness FROM devices WHERE id = ?", r.PathValue("id")).
        Scan(&d.ID, &d.Name, &d.Brightness)
    if err != nil {
        http.Error(w, "no such device", http.StatusNotFound)
        return
    }
    w.Header().Set("Content-Type", "application/json")
    json.NewEncoder(w).Encode(d)
}
'''))])

case('go-00-otelsql-driver-probe-leaves-pool-open', GH + 'uptrace/opentelemetry-go-extra/pull/110',
     'a helper opens an instrumented pool only to ask for its driver and never closes it; every call leaks a pool',
     files=[f('otelsql/driver.go', new=go('otelsql', ['database/sql', 'database/sql/driver', 'fmt'], r'''
// OpenFunc opens a database the way the application does (for example otelsql.Open wrapped with options).
type OpenFunc func(driverName, dsn string) (*sql.DB, error)

// DriverOf returns the driver behind driverName, so that a connector can be built from it.
func DriverOf(open OpenFunc, driverName, dsn string) (driver.Driver, error) {
    db, err := open(driverName, dsn) //@RES-04|RES-01
    if err != nil {
        return nil, fmt.Errorf("open %s: %w", driverName, err)
    }
    return db.Driver(), nil
}
'''))])

case('go-ok-00-tronbyt-main-opens-database-once', GH + 'tronbyt/server/pull/92',
     'clean: start-up code opens one pool, sizes it, hands it to the server and closes it on the way out',
     files=[f('cmd/server/main.go', new=go('main', ['database/sql', 'log', 'net/http', 'os', 'time'], r'''
func main() {
    dsn := os.Getenv("DB_DSN")
    if dsn == "" {
        dsn = "file:tronbyt.db?_pragma=busy_timeout(5000)"
    }
    db, err := sql.Open("sqlite", dsn)
    if err != nil {
        log.Fatalf("open database: %v", err)
    }
    defer db.Close()
    db.SetMaxOpenConns(4)
    db.SetConnMaxIdleTime(5 * time.Minute)

    srv := &http.Server{
        Addr:              ":8000",
        Handler:           newRouter(db),
        ReadHeaderTimeout: 5 * time.Second,
        WriteTimeout:      30 * time.Second,
    }
    if err := srv.ListenAndServe(); err != nil && err != http.ErrServerClosed {
        log.Printf("server stopped: %v", err)
    }
}
''')), f('cmd/server/router.go', new=go('main', ['database/sql', 'net/http'], r'''
func newRouter(db *sql.DB) http.Handler {
    mux := http.NewServeMux()
    mux.Handle("GET /v0/devices/{id}", deviceHandler{db: db})
    return mux
}

type deviceHandler struct {
    db *sql.DB
}

func (h deviceHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
    var name string
    if err := h.db.QueryRowContext(r.Context(), "SELECT name FROM devices WHERE id = ?", r.PathValue("id")).Scan(&name); err != nil {
        http.Error(w, "no such device", http.StatusNotFound)
        return
    }
    w.Write([]byte(name))
}
'''))])

case('go-ok-00-otelsql-store-opens-pool-in-constructor', GH + 'uptrace/opentelemetry-go-extra/pull/110',
     'clean: a store opens its pool once in its constructor, closes it when the ping fails and exposes Close',
     files=[f('example/store/store.go', new=go('store', ['context', 'database/sql', 'fmt', 'time'], r'''
// Store owns one connection pool for the life of the process.
type Store struct {
    db *sql.DB
}

// Open creates the pool and checks that the database answers. Close releases it.
func Open(ctx context.Context, driverName, dsn string) (*Store, error) {
    db, err := sql.Open(driverName, dsn)
    if err != nil {
        return nil, fmt.Errorf("open %s: %w", driverName, err)
    }
    pingCtx, cancel := context.WithTimeout(ctx, 3*time.Second)
    defer cancel()
    if err := db.PingContext(pingCtx); err != nil {
        db.Close()
        return nil, fmt.Errorf("ping %s: %w", driverName, err)
    }
    db.SetMaxOpenConns(10)
    return &Store{db: db}, nil
}

// Close releases the pool.
func (s *Store) Close() error {
    return s.db.Close()
}
'''))])


# ---------------------------------------------------------------- RES-03 / RES-01: files
def lint_files(bad):
    body = r'''
// CountMatches counts the lines of each file that contain needle.
func CountMatches(paths []string, needle string) (map[string]int, error) {
    counts := make(map[string]int, len(paths))
    for _, p := range paths {
B|        f, err := os.Open(p)
B|        if err != nil {
B|            return nil, err
B|        }
B|        defer f.Close() //@RES-03
B|        n, err := countIn(f, needle)
B|        if err != nil {
B|            return nil, fmt.Errorf("%s: %w", p, err)
B|        }
B|        counts[p] = n
C|        err := func() error {
C|            f, err := os.Open(p)
C|            if err != nil {
C|                return err
C|            }
C|            defer f.Close()
C|            n, err := countIn(f, needle)
C|            if err != nil {
C|                return fmt.Errorf("%s: %w", p, err)
C|            }
C|            counts[p] = n
C|            return nil
C|        }()
C|        if err != nil {
C|            return nil, err
C|        }
    }
    return counts, nil
}

func countIn(r io.Reader, needle string) (int, error) {
    n := 0
    sc := bufio.NewScanner(r)
    for sc.Scan() {
        if strings.Contains(sc.Text(), needle) {
            n++
        }
    }
    return n, sc.Err()
}
'''
    return go('lingo', ['bufio', 'fmt', 'io', 'os', 'strings'], pick(body, bad))


case('go-00-codelingo-match-count-defers-close-per-file', GH + 'codelingo/codelingo/pull/405',
     'a review bot counts matches across every file of a change with a deferred close inside the loop',
     files=[f('app/util/matches.go', new=lint_files(True))])
case('go-ok-00-codelingo-match-count-closes-in-per-file-closure', GH + 'codelingo/codelingo/pull/405',
     'clean: each file is opened and closed inside its own closure, so the defer runs once per iteration',
     files=[f('app/util/matches.go', new=lint_files(False))])

case('go-00-codelingo-manifest-reader-stats-before-defer', GH + 'codelingo/codelingo/pull/405',
     'a manifest reader checks the file size before deferring the close; the size and stat errors return with it open',
     files=[f('app/util/manifest.go', new=go('util', ['encoding/json', 'fmt', 'os'], r'''
const maxManifest = 1 << 20

// Manifest lists the tenets a repository opts into.
type Manifest struct {
    Tenets []string `json:"tenets"`
}

// ReadManifest parses the manifest at path.
func ReadManifest(path string) (*Manifest, error) {
    f, err := os.Open(path) //@RES-01
    if err != nil {
        return nil, err
    }
    info, err := f.Stat()
    if err != nil {
        return nil, fmt.Errorf("stat %s: %w", path, err)
    }
    if info.Size() > maxManifest {
        return nil, fmt.Errorf("%s: manifest larger than %d bytes", path, maxManifest)
    }
    defer f.Close()
    var m Manifest
    if err := json.NewDecoder(f).Decode(&m); err != nil {
        return nil, fmt.Errorf("parse %s: %w", path, err)
    }
    return &m, nil
}
'''))])


# ---------------------------------------------------------------- CONC-03: maps written from many goroutines
def job_ids(bad):
    return go('api', ['encoding/json', 'net/http', 'sync'], pick(r'''
// JobRegistry maps pod UIDs to the remote job ids the plugin created for them. Handlers run concurrently.
type JobRegistry struct {
C|    mu   sync.Mutex
    jobs map[string]string
}

func (j *JobRegistry) handleCreate(w http.ResponseWriter, r *http.Request) {
    var req struct {
        PodUID string `json:"pod_uid"`
        JobID  string `json:"job_id"`
    }
    if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
        http.Error(w, "bad request", http.StatusBadRequest)
        return
    }
C|    j.mu.Lock()
    j.jobs[req.PodUID] = req.JobID //@CONC-03
C|    j.mu.Unlock()
    w.WriteHeader(http.StatusCreated)
}

func (j *JobRegistry) handleDelete(w http.ResponseWriter, r *http.Request) {
C|    j.mu.Lock()
    delete(j.jobs, r.URL.Query().Get("pod_uid")) //@~CONC-03
C|    j.mu.Unlock()
    w.WriteHeader(http.StatusNoContent)
}
''', bad))


case('go-00-interlink-job-registry-written-by-concurrent-handlers', GH + 'interlink-hq/interLink/pull/180',
     'a plugin keeps pod-to-job ids in a plain map written by two HTTP handlers that run concurrently',
     files=[f('pkg/api/jobs.go', new=job_ids(True))])
case('go-ok-00-interlink-job-registry-guarded-by-mutex', GH + 'interlink-hq/interLink/pull/180',
     'clean: both handlers take the registry mutex around the map write',
     files=[f('pkg/api/jobs.go', new=job_ids(False))])

case('go-00-storetheindex-provider-fanout-writes-shared-map', GH + 'ipni/storetheindex/pull/606',
     'an indexer polls providers with a bounded errgroup, and every task writes its result into one plain map',
     files=[f('internal/ingest/poll.go', new=go('ingest', ['context', 'fmt', 'golang.org/x/sync/errgroup', 'time'], r'''
// Status is what a provider's last poll saw.
type Status struct {
    Head   string
    Polled time.Time
}

// PollAll asks every provider for its latest advertisement, eight at a time.
func (in *Ingester) PollAll(ctx context.Context, providers []string) (map[string]Status, error) {
    seen := make(map[string]Status, len(providers))
    g, ctx := errgroup.WithContext(ctx)
    g.SetLimit(8)
    for _, p := range providers {
        g.Go(func() error {
            head, err := in.latestHead(ctx, p)
            if err != nil {
                return fmt.Errorf("poll %s: %w", p, err)
            }
            seen[p] = Status{Head: head, Polled: time.Now()} //@CONC-03
            return nil
        })
    }
    if err := g.Wait(); err != nil {
        return nil, err
    }
    return seen, nil
}
''')), f('go.mod', new=gomod('github.com/ipni/storetheindex', ['golang.org/x/sync v0.7.0']))])

NEBULA_EDIT = r'''
// AddRemote records a remote address for a host; it is called from the handshake and lighthouse goroutines.
func (hm *HostMap) AddRemote(vpnIP uint32, remote string) {
-|    hm.Lock()
-|    defer hm.Unlock()
    if _, ok := hm.hosts[vpnIP]; !ok {
        hm.hosts[vpnIP] = &HostInfo{vpnIP: vpnIP} //@CONC-03
    }
    hm.hosts[vpnIP].remotes = append(hm.hosts[vpnIP].remotes, remote)
}
'''
case('go-00-nebula-edit-drops-hostmap-lock', GH + 'slackhq/nebula/issues/316',
     'an edit removes the host map lock from a method the handshake and lighthouse goroutines both call',
     files=[go_edit('hostmap.go', 'nebula', ['sync'], r'''
// HostInfo is what the node knows about one peer.
type HostInfo struct {
    vpnIP   uint32
    remotes []string
}

// HostMap holds the peers by VPN address.
type HostMap struct {
    sync.RWMutex
    hosts map[uint32]*HostInfo
}
''' + NEBULA_EDIT)])

case('go-ok-00-matrixone-fanout-collects-under-mutex', GH + 'matrixorigin/matrixone/issues/9827',
     'clean: a bounded errgroup fans out segment loads and each task writes into the shared map under a mutex',
     files=[f('pkg/vm/engine/segments.go', new=go('engine', ['context', 'golang.org/x/sync/errgroup', 'sync'], r'''
// LoadSegments loads the given segments, four at a time, and returns their row counts.
func LoadSegments(ctx context.Context, ids []uint64, load func(context.Context, uint64) (int, error)) (map[uint64]int, error) {
    var mu sync.Mutex
    rows := make(map[uint64]int, len(ids))
    g, ctx := errgroup.WithContext(ctx)
    g.SetLimit(4)
    for _, id := range ids {
        g.Go(func() error {
            n, err := load(ctx, id)
            if err != nil {
                return err
            }
            mu.Lock()
            rows[id] = n
            mu.Unlock()
            return nil
        })
    }
    return rows, g.Wait()
}
'''))])

case('go-00-pongo2-template-cache-filled-without-lock', GH + 'flosch/pongo2/issues/139',
     'a template set caches compiled templates in a plain map that concurrent requests fill on a miss',
     files=[f('template_set.go', new=go('pongo2', ['fmt'], r'''
// TemplateSet compiles templates from a loader and caches them. One set serves every request.
type TemplateSet struct {
    loader Loader
    cache  map[string]*Template
}

// FromCache returns the compiled template, compiling it on first use.
func (set *TemplateSet) FromCache(name string) (*Template, error) {
    if t, ok := set.cache[name]; ok {
        return t, nil
    }
    src, err := set.loader.Get(name)
    if err != nil {
        return nil, fmt.Errorf("load %s: %w", name, err)
    }
    t, err := compile(name, src)
    if err != nil {
        return nil, err
    }
    set.cache[name] = t //@CONC-03
    return t, nil
}
'''))])


# ---------------------------------------------------------------- TX-02 / TX-01: transactions
def enqueue(bad):
    return go('gue', ['context', 'database/sql', 'fmt'], pick(r'''
// Job is one queued unit of work.
type Job struct {
    Queue string
    Type  string
    Args  []byte
}

// EnqueueBatch inserts the jobs in one transaction.
func (c *Client) EnqueueBatch(ctx context.Context, jobs []Job) error {
    tx, err := c.db.BeginTx(ctx, nil)
    if err != nil {
        return fmt.Errorf("begin enqueue: %w", err)
    }
    defer tx.Rollback()
    for _, j := range jobs {
        if _, err := tx.ExecContext(ctx, `INSERT INTO gue_jobs (queue, job_type, args) VALUES ($1, $2, $3)`, j.Queue, j.Type, j.Args); err != nil {
            return fmt.Errorf("enqueue %s: %w", j.Type, err)
        }
    }
B|    tx.Commit() //@TX-02|ERR-01
B|    return nil
C|    if err := tx.Commit(); err != nil {
C|        return fmt.Errorf("commit %d jobs: %w", len(jobs), err)
C|    }
C|    return nil
}
''', bad))


case('go-00-gue-batch-enqueue-drops-commit-error', GH + 'vgarvardt/gue/pull/286',
     'a job queue inserts a batch in a transaction and returns nil whatever Commit says',
     files=[f('enqueue_batch.go', new=enqueue(True))])
case('go-ok-00-gue-batch-enqueue-returns-commit-error', GH + 'vgarvardt/gue/pull/286',
     'clean: the batch enqueue wraps and returns the commit error',
     files=[f('enqueue_batch.go', new=enqueue(False))])

case('go-00-goat-announce-ignores-begin-error', GH + 'mdlayher/goat/issues/13',
     'a tracker saves an announce with the Begin error thrown away; a failed Begin panics two lines later',
     files=[f('goat/data/announce.go', new=go('data', ['context', 'database/sql', 'fmt'], r'''
// AnnounceLog is one client announce.
type AnnounceLog struct {
    InfoHash string
    PeerID   string
    Left     int64
}

// SaveAnnounce stores the announce and bumps the torrent's counters.
func SaveAnnounce(ctx context.Context, db *sql.DB, a AnnounceLog) error {
    tx, _ := db.BeginTx(ctx, nil) //@TX-02|ERR-01
    defer tx.Rollback()
    if _, err := tx.ExecContext(ctx, "INSERT INTO announce_log (info_hash, peer_id, left_bytes) VALUES (?, ?, ?)", a.InfoHash, a.PeerID, a.Left); err != nil {
        return fmt.Errorf("insert announce: %w", err)
    }
    if _, err := tx.ExecContext(ctx, "UPDATE files SET announces = announces + 1 WHERE info_hash = ?", a.InfoHash); err != nil {
        return fmt.Errorf("count announce: %w", err)
    }
    return tx.Commit()
}
'''))])


def in_tx(bad):
    return go('transact', ['context', 'database/sql', 'fmt', 'log/slog'], pick(r'''
// InTx runs fn in a transaction and returns its value. The transaction is rolled back if fn fails.
func InTx[T any](ctx context.Context, db *sql.DB, fn func(*sql.Tx) (T, error)) (T, error) {
    var zero T
    tx, err := db.BeginTx(ctx, nil)
    if err != nil {
        return zero, fmt.Errorf("begin: %w", err)
    }
    defer tx.Rollback()
    v, err := fn(tx)
    if err != nil {
        return zero, err
    }
B|    if err := tx.Commit(); err != nil { //@TX-02|ERR-01
B|        slog.WarnContext(ctx, "commit failed", "err", err)
B|    }
C|    if err := tx.Commit(); err != nil {
C|        slog.WarnContext(ctx, "commit failed", "err", err)
C|        return zero, fmt.Errorf("commit: %w", err)
C|    }
    return v, nil
}
''', bad))


case('go-00-go-transact-generic-helper-logs-commit-failure', GH + 'sklyar/go-transact/pull/16',
     'a generic transaction helper logs a failed commit and still returns the value as if it were stored',
     files=[f('transact.go', new=in_tx(True))])
case('go-ok-00-go-transact-generic-helper-returns-commit-failure', GH + 'sklyar/go-transact/pull/16',
     'clean: the generic helper logs and returns the commit error with the zero value',
     files=[f('transact.go', new=in_tx(False))])

TX_EDIT = r'''
// ImportRound writes one round's accounts and marks the round as imported.
func (w *Writer) ImportRound(ctx context.Context, round uint64, accounts []Account) error {
-|    tx, err := w.db.BeginTx(ctx, nil)
+|    tx, err := w.db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelSerializable}) //@TX-01
    if err != nil {
        return fmt.Errorf("begin round %d: %w", round, err)
    }
-|    defer tx.Rollback()
    for _, a := range accounts {
        if _, err := tx.ExecContext(ctx, upsertAccount, a.Address, a.MicroAlgos, round); err != nil {
            return fmt.Errorf("account %s: %w", a.Address, err)
        }
    }
    if _, err := tx.ExecContext(ctx, "UPDATE metastate SET v = $1 WHERE k = 'next_round'", round+1); err != nil {
        return fmt.Errorf("advance to %d: %w", round+1, err)
    }
    return tx.Commit()
}
'''
case('go-00-algorand-indexer-edit-removes-deferred-rollback', GH + 'algorand/indexer/pull/650',
     'an edit drops the deferred rollback of a round import; a failed upsert returns with the transaction open',
     files=[go_edit('idb/postgres/import.go', 'postgres', ['context', 'database/sql', 'fmt'], r'''
const upsertAccount = `INSERT INTO account (addr, microalgos, updated) VALUES ($1, $2, $3)
ON CONFLICT (addr) DO UPDATE SET microalgos = EXCLUDED.microalgos, updated = EXCLUDED.updated`

// Account is one account's balance after a round.
type Account struct {
    Address    string
    MicroAlgos uint64
}

// Writer imports rounds into Postgres.
type Writer struct {
    db *sql.DB
}
''' + TX_EDIT)])

case('go-00-go-transact-duplicate-returns-nil-with-tx-open', GH + 'sklyar/go-transact/pull/16',
     'a tag import treats a duplicate as success and returns nil without committing or rolling back',
     files=[f('examples/tags/import.go', new=go('tags', ['context', 'database/sql', 'errors', 'fmt'], r'''
// ErrDuplicate is returned by insertTag when the tag exists.
var ErrDuplicate = errors.New("duplicate tag")

// ImportTags adds the tags to the catalogue; a tag that already exists ends the import quietly.
func ImportTags(ctx context.Context, db *sql.DB, tags []string) error {
    tx, err := db.BeginTx(ctx, nil) //@TX-01
    if err != nil {
        return fmt.Errorf("begin: %w", err)
    }
    for _, t := range tags {
        err := insertTag(ctx, tx, t)
        if errors.Is(err, ErrDuplicate) {
            return nil
        }
        if err != nil {
            tx.Rollback()
            return fmt.Errorf("insert %s: %w", t, err)
        }
    }
    return tx.Commit()
}
'''))])

case('go-ok-00-algorand-indexer-rollback-through-helper', GH + 'algorand/indexer/pull/650',
     'clean: a deferred helper rolls back unless the commit went through, and logs a failed rollback',
     files=[f('idb/postgres/txutil.go', new=go('postgres', ['context', 'database/sql', 'errors', 'fmt', 'log/slog'], r'''
// rollbackUnlessDone is deferred right after Begin; after a successful Commit it does nothing.
func rollbackUnlessDone(ctx context.Context, tx *sql.Tx) {
    if err := tx.Rollback(); err != nil && !errors.Is(err, sql.ErrTxDone) {
        slog.WarnContext(ctx, "rollback failed", "err", err)
    }
}

// DeleteRound removes everything written for round.
func (w *Writer) DeleteRound(ctx context.Context, round uint64) error {
    tx, err := w.db.BeginTx(ctx, nil)
    if err != nil {
        return fmt.Errorf("begin delete %d: %w", round, err)
    }
    defer rollbackUnlessDone(ctx, tx)
    if _, err := tx.ExecContext(ctx, "DELETE FROM txn WHERE round = $1", round); err != nil {
        return fmt.Errorf("delete txns of %d: %w", round, err)
    }
    if _, err := tx.ExecContext(ctx, "DELETE FROM block_header WHERE round = $1", round); err != nil {
        return fmt.Errorf("delete header of %d: %w", round, err)
    }
    return tx.Commit()
}
'''))])


# ---------------------------------------------------------------- CONC-07 / CONC-01: periodic work
TICKER_EDIT = r'''
// RunCampaignSync refreshes the running campaigns' counters until ctx ends.
func (m *Manager) RunCampaignSync(ctx context.Context) error {
    t := time.NewTicker(m.cfg.SyncInterval)
    defer t.Stop()
    for {
        select {
        case <-ctx.Done():
            return ctx.Err()
        case <-t.C:
            if err := m.syncCounts(ctx); err != nil {
-|                m.log.Printf("error syncing campaign counts: %v", err)
+|                return fmt.Errorf("sync campaign counts: %w", err) //@CONC-07
            }
        }
    }
}
'''
case('go-00-listmonk-edit-sync-loop-returns-on-first-error', GH + 'knadh/listmonk/pull/256',
     'an edit turns a logged sync failure into a return, so one bad run stops the periodic sync for good',
     files=[go_edit('internal/manager/sync.go', 'manager', ['context', 'fmt', 'time'], TICKER_EDIT)])


def peer_sync(bad):
    return go('node', ['context', 'log/slog', 'time'], pick(r'''
// Node keeps its peer scores fresh in the background. Its tasks runner starts goroutines that recover and log.
type Node struct {
    interval time.Duration
    log      *slog.Logger
    rescore  func(ctx context.Context) error
    tasks    interface{ Go(name string, fn func()) }
}

// StartScoring starts the periodic rescoring; it stops when ctx ends.
func (n *Node) StartScoring(ctx context.Context) {
B|    go func() { //@CONC-07|CONC-01
C|    n.tasks.Go("peer-scoring", func() {
        t := time.NewTicker(n.interval)
        defer t.Stop()
        for {
            select {
            case <-ctx.Done():
                return
            case <-t.C:
B|                if err := n.rescore(ctx); err != nil {
B|                    n.log.Warn("rescoring failed", "err", err)
B|                }
C|                n.scoreOnce(ctx)
            }
        }
B|    }()
C|    })
}
C|
C|// scoreOnce runs one rescoring; a panic or an error is logged and the schedule goes on.
C|func (n *Node) scoreOnce(ctx context.Context) {
C|    defer func() {
C|        if p := recover(); p != nil {
C|            n.log.Error("rescoring panicked", "panic", p)
C|        }
C|    }()
C|    if err := n.rescore(ctx); err != nil {
C|        n.log.Warn("rescoring failed", "err", err)
C|    }
C|}
''', bad))


case('go-00-gowaves-peer-scoring-ticker-goroutine-without-recover', GH + 'wavesplatform/gowaves/pull/673',
     'a node starts its periodic peer rescoring in a goroutine with no recover; one panic ends the process',
     files=[f('pkg/node/scoring.go', new=peer_sync(True))])
case('go-ok-00-gowaves-peer-scoring-guards-each-run', GH + 'wavesplatform/gowaves/pull/673',
     'clean: each tick runs through a function that recovers and logs, and the loop ends only with ctx',
     files=[f('pkg/node/scoring.go', new=peer_sync(False))])

case('go-ok-00-ortelius-aggregates-loop-logs-and-continues', GH + 'ava-labs/ortelius/pull/319',
     'clean: a periodic aggregation loop logs a failed run, counts it and waits for the next tick, stopping only with ctx',
     files=[f('services/aggregate/loop.go', new=go('aggregate', ['context', 'log/slog', 'sync/atomic', 'time'], r'''
// Loop recomputes the aggregates every interval.
type Loop struct {
    Interval time.Duration
    Log      *slog.Logger
    Failures atomic.Int64
    compute  func(ctx context.Context) error
}

// Run blocks until ctx ends. A failed run is logged and counted; it never ends the loop.
func (l *Loop) Run(ctx context.Context) {
    t := time.NewTicker(l.Interval)
    defer t.Stop()
    for {
        select {
        case <-ctx.Done():
            return
        case <-t.C:
            if err := l.runOnce(ctx); err != nil {
                l.Failures.Add(1)
                l.Log.Warn("aggregate run failed", "err", err)
            }
        }
    }
}

func (l *Loop) runOnce(ctx context.Context) (err error) {
    defer func() {
        if p := recover(); p != nil {
            l.Log.Error("aggregate run panicked", "panic", p)
        }
    }()
    return l.compute(ctx)
}
'''))])


# ---------------------------------------------------------------- TMO-01: clients without timeouts
case('go-00-keda-metrics-api-scaler-uses-http-get', GH + 'kedacore/keda/issues/1132',
     'a scaler reads a metrics endpoint with http.Get, so a silent server holds the polling goroutine forever',
     files=[f('pkg/scalers/metrics_api.go', new=go('scalers', ['encoding/json', 'fmt', 'net/http'], r'''
// metricsAPIScaler reads one value from a JSON endpoint.
type metricsAPIScaler struct {
    url   string
    field string
}

// value fetches the current value of the configured field.
func (s *metricsAPIScaler) value() (float64, error) {
    resp, err := http.Get(s.url) //@TMO-01
    if err != nil {
        return 0, fmt.Errorf("get %s: %w", s.url, err)
    }
    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return 0, fmt.Errorf("get %s: status %d", s.url, resp.StatusCode)
    }
    var doc map[string]float64
    if err := json.NewDecoder(resp.Body).Decode(&doc); err != nil {
        return 0, fmt.Errorf("decode %s: %w", s.url, err)
    }
    v, ok := doc[s.field]
    if !ok {
        return 0, fmt.Errorf("%s has no field %q", s.url, s.field)
    }
    return v, nil
}
'''))])

case('go-00-messagebird-client-built-with-empty-http-client', GH + 'messagebird/go-rest-api/pull/33',
     'an SDK constructor builds its shared http.Client with no timeout, so every API call may wait forever',
     files=[f('client.go', new=go('messagebird', ['net/http'], r'''
const endpoint = "https://rest.messagebird.com"

// Client is a client for the REST API. Build it once and share it.
type Client struct {
    AccessKey  string
    Endpoint   string
    HTTPClient *http.Client
}

// New returns a client for the given access key.
func New(accessKey string) *Client {
    return &Client{
        AccessKey:  accessKey,
        Endpoint:   endpoint,
        HTTPClient: &http.Client{}, //@TMO-01
    }
}
''')), f('client_test.go', new=go('messagebird', ['testing'], r'''
func TestNewUsesDefaultEndpoint(t *testing.T) {
    c := New("test_key")
    if c.Endpoint != endpoint {
        t.Fatalf("endpoint %q, want %q", c.Endpoint, endpoint)
    }
}
'''))])

POLYMUR_EDIT = r'''
// NewForwarder returns a forwarder that posts batches to the API gateway.
func NewForwarder(cfg Config) *Forwarder {
    return &Forwarder{
        url:    cfg.GatewayURL,
        apiKey: cfg.APIKey,
-|        client: &http.Client{Timeout: cfg.Timeout},
+|        client: http.DefaultClient, //@TMO-01
    }
}
'''
case('go-00-polymur-edit-switches-forwarder-to-default-client', GH + 'jamiealquiza/polymur/pull/72',
     'an edit replaces the forwarder\'s client with a timeout by http.DefaultClient',
     files=[go_edit('output/forwarder.go', 'output', ['net/http', 'time'], r'''
// Config holds the forwarder's settings.
type Config struct {
    GatewayURL string
    APIKey     string
    Timeout    time.Duration
}

// Forwarder posts metric batches to a gateway.
type Forwarder struct {
    url    string
    apiKey string
    client *http.Client
}
''' + POLYMUR_EDIT)])

case('go-00-zos-flist-probe-dials-without-deadline', GH + 'threefoldtech/zos/issues/2214',
     'a node probes a hub with a raw TCP connection and reads its banner with no dial timeout or read deadline',
     files=[f('pkg/flist/probe.go', new=go('flist', ['bufio', 'fmt', 'net', 'strings'], r'''
// HubBanner connects to the hub's zdb port and returns its banner line.
func HubBanner(addr string) (string, error) {
    conn, err := net.Dial("tcp", addr) //@TMO-01
    if err != nil {
        return "", fmt.Errorf("dial %s: %w", addr, err)
    }
    defer conn.Close()
    line, err := bufio.NewReader(conn).ReadString('\n')
    if err != nil {
        return "", fmt.Errorf("read banner from %s: %w", addr, err)
    }
    return strings.TrimSpace(line), nil
}
'''))])

case('go-ok-00-zos-http-client-with-transport-timeouts', GH + 'threefoldtech/zos/issues/2214',
     'clean: the package builds one client with an overall timeout and dial and TLS timeouts, and requests carry ctx',
     files=[f('pkg/environment/client.go', new=go('environment', ['context', 'fmt', 'io', 'net', 'net/http', 'time'], r'''
var client = &http.Client{
    Timeout: 30 * time.Second,
    Transport: &http.Transport{
        DialContext:           (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
        TLSHandshakeTimeout:   5 * time.Second,
        ResponseHeaderTimeout: 10 * time.Second,
        MaxIdleConnsPerHost:   4,
    },
}

// Fetch returns the body at url, at most limit bytes.
func Fetch(ctx context.Context, url string, limit int64) ([]byte, error) {
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
    if err != nil {
        return nil, err
    }
    resp, err := client.Do(req)
    if err != nil {
        return nil, fmt.Errorf("get %s: %w", url, err)
    }
    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return nil, fmt.Errorf("get %s: status %d", url, resp.StatusCode)
    }
    return io.ReadAll(io.LimitReader(resp.Body, limit))
}
'''))])

case('go-ok-00-firego-client-once-with-timeout', GH + 'zabawaba99/firego/pull/12',
     'clean: a client is built once through sync.Once with a timeout, and every call uses the caller\'s context',
     files=[f('firebase.go', new=go('firego', ['context', 'encoding/json', 'fmt', 'net/http', 'sync', 'time'], r'''
var (
    clientOnce sync.Once
    shared     *http.Client
)

func httpClient() *http.Client {
    clientOnce.Do(func() {
        shared = &http.Client{Timeout: 30 * time.Second}
    })
    return shared
}

// Firebase is a reference to one location in a database.
type Firebase struct {
    url  string
    auth string
}

// Value decodes the value at the reference into v.
func (fb *Firebase) Value(ctx context.Context, v any) error {
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, fb.url+".json?auth="+fb.auth, nil)
    if err != nil {
        return err
    }
    resp, err := httpClient().Do(req)
    if err != nil {
        return fmt.Errorf("get %s: %w", fb.url, err)
    }
    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return fmt.Errorf("get %s: status %d", fb.url, resp.StatusCode)
    }
    return json.NewDecoder(resp.Body).Decode(v)
}
'''))])


# ---------------------------------------------------------------- CONC-02 / CONC-01: goroutines
SAFE_GO = go('safe', ['log/slog', 'runtime/debug'], r'''
// Go runs fn in a new goroutine; a panic is logged with its stack instead of ending the process.
func Go(name string, fn func()) {
    go func() {
        defer func() {
            if p := recover(); p != nil {
                slog.Error("goroutine panic", "name", name, "panic", p, "stack", string(debug.Stack()))
            }
        }()
        fn()
    }()
}
''')

case('go-00-wavelet-gossip-handler-starts-task-per-message', GH + 'perlin-network/wavelet/pull/63',
     'a gossip receiver starts one (recovering) task per received message, with no bound on how many run at once',
     files=[f('internal/safe/go.go', new=SAFE_GO),
            f('gossip/receive.go', new=go('gossip', ['context', 'github.com/perlin-network/wavelet/internal/safe'], r'''
// Message is one gossiped transaction.
type Message struct {
    ID      [32]byte
    Payload []byte
}

// Receive applies every message that arrives until the channel closes.
func (g *Gossiper) Receive(ctx context.Context, in <-chan Message) {
    for msg := range in {
        safe.Go("apply-gossip", func() { g.apply(ctx, msg) }) //@CONC-02
    }
}
'''))])


def fanout(bad):
    return go('batcher', ['context', 'golang.org/x/sync/errgroup'], pick(r'''
// MapAll applies fn to every item concurrently and returns the results in order.
func MapAll[T, R any](ctx context.Context, items []T, fn func(context.Context, T) (R, error)) ([]R, error) {
    out := make([]R, len(items))
    g, ctx := errgroup.WithContext(ctx)
C|    g.SetLimit(16)
    for i, it := range items {
B|        g.Go(func() error { //@CONC-02
C|        g.Go(func() error {
            r, err := fn(ctx, it)
            if err != nil {
                return err
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
''', bad))


case('go-00-go-cloud-generic-map-starts-task-per-message', GH + 'google/go-cloud/pull/808',
     'a generic concurrent map used on received message batches starts one errgroup task per item with no limit',
     files=[f('internal/batcher/mapall.go', new=fanout(True))])
case('go-ok-00-go-cloud-generic-map-limits-tasks', GH + 'google/go-cloud/pull/808',
     'clean: the generic map sets an errgroup limit, so the loop waits while sixteen tasks run',
     files=[f('internal/batcher/mapall.go', new=fanout(False))])


def webhook(bad):
    return go('api', ['context', 'encoding/json', 'log/slog', 'net/http', 'time'], pick(r'''
// Order is the body of an order request.
type Order struct {
    ID    string  `json:"id"`
    Total float64 `json:"total"`
}

func (s *Server) handleOrder(w http.ResponseWriter, r *http.Request) {
    var o Order
    if err := json.NewDecoder(r.Body).Decode(&o); err != nil {
        http.Error(w, "bad order", http.StatusBadRequest)
        return
    }
    if err := s.orders.Save(r.Context(), o); err != nil {
        http.Error(w, "cannot save order", http.StatusInternalServerError)
        return
    }
    w.WriteHeader(http.StatusAccepted)
B|    go s.notify(o) //@CONC-01
C|    s.async.Go("notify-order", func() { s.notify(o) })
}

// notify tells the merchant's webhook; it logs failures itself.
func (s *Server) notify(o Order) {
    ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
    defer cancel()
    if err := s.hooks.Post(ctx, o.ID); err != nil {
        slog.Warn("order webhook failed", "order_id", o.ID, "err", err)
    }
}
''', bad))


case('go-00-weshnet-order-handler-notifies-in-bare-goroutine', GH + 'berty/weshnet/pull/45',
     'an order handler sends its webhook from a bare goroutine; a panic in the webhook code ends the process',
     files=[f('api/orders.go', new=webhook(True))])
case('go-ok-00-weshnet-order-handler-notifies-through-recovering-runner', GH + 'berty/weshnet/pull/45',
     'clean: the webhook runs through the server\'s runner, whose goroutines recover and log',
     files=[f('api/orders.go', new=webhook(False)), f('api/runner.go', new=go('api', ['log/slog', 'sync'], r'''
// Runner starts background work that must not crash the server, and waits for it on shutdown.
type Runner struct {
    wg sync.WaitGroup
}

// Go runs fn in a goroutine that recovers from a panic and logs it.
func (r *Runner) Go(name string, fn func()) {
    r.wg.Add(1)
    go func() {
        defer r.wg.Done()
        defer func() {
            if p := recover(); p != nil {
                slog.Error("background task panicked", "task", name, "panic", p)
            }
        }()
        fn()
    }()
}

// Wait blocks until every started task has returned.
func (r *Runner) Wait() {
    r.wg.Wait()
}
'''))])

DINGO_EDIT = r'''
// onBlock is called by the chain-sync client for every new block.
func (n *Node) onBlock(ctx context.Context, blk Block) error {
    if err := n.ledger.Apply(ctx, blk); err != nil {
        return err
    }
-|    n.tasks.Go("index-block", func() { n.indexer.Index(blk) })
+|    go n.indexer.Index(blk) //@CONC-01
    return nil
}
'''
case('go-00-dingo-edit-indexes-block-in-bare-goroutine', GH + 'blinklabs-io/dingo/pull/2605',
     'an edit replaces the recovering task runner with a bare go statement for block indexing',
     files=[go_edit('node/blocks.go', 'node', ['context'], r'''
// Block is a block the node has validated.
type Block struct {
    Slot uint64
    Hash []byte
}
''' + DINGO_EDIT)])


# ---------------------------------------------------------------- TMO-02: the caller's context dropped
case('go-00-lassie-retrieval-request-uses-background-context', GH + 'filecoin-project/lassie/issues/339',
     'an HTTP retrieval handler asks a provider with a request built on context.Background, not the client\'s request',
     files=[f('pkg/server/http/retrieve.go', new=go('httpserver', ['context', 'fmt', 'io', 'net/http'], r'''
// handleRetrieve streams a CAR file fetched from the configured provider.
func (s *Server) handleRetrieve(w http.ResponseWriter, r *http.Request) {
    cid := r.PathValue("cid")
    req, err := http.NewRequestWithContext(context.Background(), http.MethodGet, s.providerURL+"/ipfs/"+cid, nil) //@TMO-02
    if err != nil {
        http.Error(w, err.Error(), http.StatusBadRequest)
        return
    }
    req.Header.Set("Accept", "application/vnd.ipld.car")
    resp, err := s.client.Do(req)
    if err != nil {
        http.Error(w, fmt.Sprintf("provider: %v", err), http.StatusBadGateway)
        return
    }
    defer resp.Body.Close()
    w.Header().Set("Content-Type", "application/vnd.ipld.car")
    if _, err := io.Copy(w, resp.Body); err != nil {
        s.log.Debug("client went away during retrieval", "err", err)
    }
}
'''))])

RPC_EDIT = r'''
func (p *Proxy) handleTx(w http.ResponseWriter, r *http.Request) {
    var tx RawTx
    if err := json.NewDecoder(r.Body).Decode(&tx); err != nil {
        http.Error(w, "bad transaction", http.StatusBadRequest)
        return
    }
-|    status, err := p.relay.Status(r.Context(), tx.Hash)
+|    status, err := p.relay.Status(context.TODO(), tx.Hash) //@TMO-02
    if err != nil {
        http.Error(w, "relay unavailable", http.StatusBadGateway)
        return
    }
    json.NewEncoder(w).Encode(status)
}
'''
case('go-00-rpc-endpoint-edit-relay-status-with-todo-context', GH + 'flashbots/rpc-endpoint/issues/35',
     'an edit passes context.TODO instead of the request context to the relay status call',
     files=[go_edit('server/tx.go', 'server', ['context', 'encoding/json', 'net/http'], r'''
// RawTx is a signed transaction submitted by a wallet.
type RawTx struct {
    Hash string `json:"hash"`
    Raw  string `json:"raw"`
}
''' + RPC_EDIT)])

case('go-ok-00-lassie-retrieval-request-carries-request-context', GH + 'filecoin-project/lassie/issues/339',
     'clean: the provider request is built on the client request\'s context, with a bounded timeout under it',
     files=[f('pkg/server/http/retrieve.go', new=go('httpserver', ['context', 'fmt', 'io', 'net/http', 'time'], r'''
// handleRetrieve streams a CAR file fetched from the configured provider.
func (s *Server) handleRetrieve(w http.ResponseWriter, r *http.Request) {
    ctx, cancel := context.WithTimeout(r.Context(), 2*time.Minute)
    defer cancel()
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.providerURL+"/ipfs/"+r.PathValue("cid"), nil)
    if err != nil {
        http.Error(w, err.Error(), http.StatusBadRequest)
        return
    }
    req.Header.Set("Accept", "application/vnd.ipld.car")
    resp, err := s.client.Do(req)
    if err != nil {
        http.Error(w, fmt.Sprintf("provider: %v", err), http.StatusBadGateway)
        return
    }
    defer resp.Body.Close()
    w.Header().Set("Content-Type", "application/vnd.ipld.car")
    if _, err := io.Copy(w, resp.Body); err != nil {
        s.log.Debug("client went away during retrieval", "err", err)
    }
}
'''))])


# ---------------------------------------------------------------- LOG-01 / LOG-02: logging
def apply_blocks(bad):
    return go('ledger', ['context', 'fmt', 'log/slog'], pick(r'''
// ApplyBatch applies a batch of blocks received from the chain-sync client (thousands during catch-up).
func (l *Ledger) ApplyBatch(ctx context.Context, blocks []Block) error {
C|    applied := 0
    for _, blk := range blocks {
B|        l.log.Info("applying block", "slot", blk.Slot, "hash", fmt.Sprintf("%x", blk.Hash), "txs", len(blk.Txs)) //@LOG-01
        if err := l.apply(ctx, blk); err != nil {
            return fmt.Errorf("apply block at slot %d: %w", blk.Slot, err)
        }
C|        applied++
    }
C|    if len(blocks) > 0 {
C|        l.log.Info("batch applied", "blocks", applied, "last_slot", blocks[len(blocks)-1].Slot)
C|    }
    return nil
}

// Block is one block of the chain.
type Block struct {
    Slot uint64
    Hash []byte
    Txs  [][]byte
}

// Ledger applies blocks to the local state.
type Ledger struct {
    log   *slog.Logger
    apply func(ctx context.Context, blk Block) error
}
''', bad))


case('go-00-dingo-ledger-logs-every-block-of-catch-up-batch', GH + 'blinklabs-io/dingo/pull/2605',
     'a ledger writes an info line, with a hex-formatted hash, for every block of a catch-up batch',
     files=[f('ledger/apply.go', new=apply_blocks(True))])
case('go-ok-00-dingo-ledger-logs-one-line-per-batch', GH + 'blinklabs-io/dingo/pull/2605',
     'clean: the ledger counts the applied blocks and writes one summary line per batch',
     files=[f('ledger/apply.go', new=apply_blocks(False))])

case('go-00-storetheindex-ingest-logs-each-entry-with-zap', GH + 'ipni/storetheindex/pull/606',
     'an ingester logs every multihash of an advertisement\'s entry chunk at info level with a zap sugared logger',
     files=[f('internal/ingest/entries.go', new=go('ingest', ['context', 'fmt', 'go.uber.org/zap'], r'''
var log = zap.S().Named("ingest")

// indexEntries stores the multihashes of one entry chunk for a provider.
func (in *Ingester) indexEntries(ctx context.Context, provider string, mhs [][]byte) error {
    for _, mh := range mhs {
        log.Infow("indexing multihash", "provider", provider, "multihash", fmt.Sprintf("%x", mh)) //@LOG-01
        if err := in.store.Put(ctx, mh, provider); err != nil {
            return fmt.Errorf("index %x: %w", mh, err)
        }
    }
    return nil
}
''')), f('go.mod', new=gomod('github.com/ipni/storetheindex', ['go.uber.org/zap v1.27.0']))])

case('go-00-storetheindex-debug-line-formats-advertisement-eagerly', GH + 'ipni/storetheindex/pull/606',
     'an ingester builds a debug message with fmt.Sprintf of the whole advertisement before the logger can drop it',
     files=[f('internal/ingest/sync.go', new=go('ingest', ['context', 'fmt', 'log/slog'], r'''
// Advertisement announces a provider's new content.
type Advertisement struct {
    ID        string
    Provider  string
    Addresses []string
    Entries   string
    IsRm      bool
}

// handleAd processes one advertisement received from a provider.
func (in *Ingester) handleAd(ctx context.Context, ad Advertisement) error {
    slog.Debug(fmt.Sprintf("processing advertisement %+v", ad)) //@LOG-02
    if ad.IsRm {
        return in.removeProvider(ctx, ad.Provider)
    }
    return in.fetchEntries(ctx, ad.Entries)
}
'''))])

case('go-ok-00-storetheindex-paced-retry-logs-each-attempt', GH + 'ipni/storetheindex/pull/606',
     'clean: a bounded retry loop with backoff logs each failed attempt with key-value pairs and honours ctx',
     files=[f('internal/ingest/retry.go', new=go('ingest', ['context', 'fmt', 'log/slog', 'time'], r'''
// withRetry runs op up to attempts times, doubling the wait after each failure.
func withRetry(ctx context.Context, logger *slog.Logger, name string, attempts int, op func(context.Context) error) error {
    wait := 500 * time.Millisecond
    var err error
    for i := 1; i <= attempts; i++ {
        if err = op(ctx); err == nil {
            return nil
        }
        logger.WarnContext(ctx, "attempt failed", "op", name, "attempt", i, "of", attempts, "err", err)
        t := time.NewTimer(wait)
        select {
        case <-ctx.Done():
            t.Stop()
            return ctx.Err()
        case <-t.C:
        }
        wait *= 2
    }
    return fmt.Errorf("%s: %d attempts: %w", name, attempts, err)
}
'''))])


# ---------------------------------------------------------------- ERR-01 and CONC-05
case('go-00-goat-scrape-ignores-decode-error', GH + 'mdlayher/goat/issues/13',
     'a tracker decodes the scrape info hashes and drops the error; a bad query scrapes nothing and answers success',
     files=[f('goat/api/scrape.go', new=go('api', ['encoding/hex', 'net/http'], r'''
func (s *Server) handleScrape(w http.ResponseWriter, r *http.Request) {
    var hashes [][]byte
    for _, q := range r.URL.Query()["info_hash"] {
        h, _ := hex.DecodeString(q) //@ERR-01
        hashes = append(hashes, h)
    }
    files, err := s.files.Stats(r.Context(), hashes)
    if err != nil {
        http.Error(w, "scrape failed", http.StatusInternalServerError)
        return
    }
    w.Write(encodeScrape(files))
}
'''))])

case('go-00-goat-edit-discards-peer-save-error', GH + 'mdlayher/goat/issues/13',
     'an edit discards the error of saving a peer with `_ =` and no reason given',
     files=[go_edit('goat/data/peers.go', 'data', ['context'], r'''
// Peer is a client seen in an announce.
type Peer struct {
    ID   string
    Addr string
}

// Remember records the peer for future announces of the torrent.
func (s *Store) Remember(ctx context.Context, infoHash string, p Peer) {
    if p.Addr == "" {
        return
    }
-|    if err := s.peers.Save(ctx, infoHash, p); err != nil {
-|        s.log.Warn("save peer", "peer", p.ID, "err", err)
-|    }
+|    _ = s.peers.Save(ctx, infoHash, p) //@ERR-01
}
''')])

case('go-ok-00-goat-best-effort-close-says-why', GH + 'mdlayher/goat/issues/13',
     'clean: a read-only file\'s close error is discarded with a comment that says why that is safe',
     files=[f('goat/config/load.go', new=go('config', ['encoding/json', 'fmt', 'os'], r'''
// Config is the tracker's configuration file.
type Config struct {
    Port     int    `json:"port"`
    Interval int    `json:"interval"`
    DSN      string `json:"dsn"`
}

// Load reads the configuration at path.
func Load(path string) (*Config, error) {
    f, err := os.Open(path)
    if err != nil {
        return nil, fmt.Errorf("open config: %w", err)
    }
    // Opened read-only: nothing is buffered for writing, so a close error cannot lose data.
    defer func() { _ = f.Close() }()
    var c Config
    if err := json.NewDecoder(f).Decode(&c); err != nil {
        return nil, fmt.Errorf("parse %s: %w", path, err)
    }
    return &c, nil
}
'''))])


def progress_wait(bad):
    return go('progress', ['context', 'errors', 'time'], pick(r'''
// ErrStalled is returned when the reader stops making progress.
var ErrStalled = errors.New("transfer stalled")

// WaitDone polls the counter until it reaches size, checking every interval.
func WaitDone(ctx context.Context, c *Counter, size int64, interval time.Duration) error {
    last := int64(-1)
    for {
        n := c.N()
        if n >= size {
            return nil
        }
        if n == last {
            return ErrStalled
        }
        last = n
B|        time.Sleep(interval) //@CONC-05
C|        select {
C|        case <-ctx.Done():
C|            return ctx.Err()
C|        case <-time.After(interval):
C|        }
    }
}
''', bad))


case('go-00-progress-wait-sleeps-ignoring-context', GH + 'machinebox/progress/pull/9',
     'a progress waiter takes a context but sleeps between polls, so a cancelled caller waits out the transfer',
     files=[f('wait.go', new=progress_wait(True))])
case('go-ok-00-progress-wait-selects-on-context', GH + 'machinebox/progress/pull/9',
     'clean: the waiter selects on the context and the poll interval',
     files=[f('wait.go', new=progress_wait(False))])


# ---------------------------------------------------------------- HTTP-01 and MEM-02
def gzip_mw(bad):
    return go('ingest', ['bytes', 'compress/gzip', 'io', 'net/http'], pick(r'''
const maxBody = 4 << 20

// Gunzip inflates gzip-encoded request bodies before the metrics handler reads them.
func Gunzip(next http.Handler) http.Handler {
    return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
        if r.Header.Get("Content-Encoding") != "gzip" {
            next.ServeHTTP(w, r)
            return
        }
B|        defer r.Body.Close() //@HTTP-01
        zr, err := gzip.NewReader(http.MaxBytesReader(w, r.Body, maxBody))
        if err != nil {
            http.Error(w, "bad gzip body", http.StatusBadRequest)
            return
        }
        raw, err := io.ReadAll(io.LimitReader(zr, 4*maxBody))
        if err != nil {
            http.Error(w, "bad gzip body", http.StatusBadRequest)
            return
        }
        r.Body = io.NopCloser(bytes.NewReader(raw))
        r.Header.Del("Content-Encoding")
        next.ServeHTTP(w, r)
    })
}
''', bad))


case('go-00-polymur-gunzip-middleware-closes-request-body', GH + 'jamiealquiza/polymur/pull/72',
     'a gzip middleware defers a close of the request body, which belongs to the server',
     files=[f('listener/gunzip.go', new=gzip_mw(True))])
case('go-ok-00-polymur-gunzip-middleware-replaces-body-without-closing', GH + 'jamiealquiza/polymur/pull/72',
     'clean: the middleware reads a bounded body, replaces it for the next handler and leaves closing to the server',
     files=[f('listener/gunzip.go', new=gzip_mw(False))])


def frame_pool(bad):
    return go('wire', ['bytes', 'encoding/binary', 'sync'], pick(r'''
var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// EncodeFrame returns the length-prefixed frame for payload; the result may be queued for sending.
func EncodeFrame(kind byte, payload []byte) []byte {
    buf := bufPool.Get().(*bytes.Buffer)
    buf.Reset()
    var hdr [5]byte
    hdr[0] = kind
    binary.BigEndian.PutUint32(hdr[1:], uint32(len(payload)))
    buf.Write(hdr[:])
    buf.Write(payload)
B|    out := buf.Bytes()
B|    bufPool.Put(buf) //@MEM-02
C|    out := bytes.Clone(buf.Bytes())
C|    bufPool.Put(buf)
    return out
}
''', bad))


case('go-00-wavelet-frame-encoder-returns-pooled-bytes', GH + 'perlin-network/wavelet/pull/63',
     'a frame encoder puts its buffer back in the pool and returns a slice that still aliases it',
     files=[f('wire/frame.go', new=frame_pool(True))])
case('go-ok-00-wavelet-frame-encoder-clones-before-put', GH + 'perlin-network/wavelet/pull/63',
     'clean: the encoder copies the frame out of the pooled buffer before putting it back',
     files=[f('wire/frame.go', new=frame_pool(False))])


# ---------------------------------------------------------------- RES-02 edit and a CRLF, renamed, generated-file PR
BODY_EDIT = r'''
// Flush posts the queued events and reports whether the server accepted them.
func (q *EventQueue) Flush(ctx context.Context, events []Event) error {
    body, err := json.Marshal(batch{Events: events})
    if err != nil {
        return err
    }
    req, err := http.NewRequestWithContext(ctx, http.MethodPost, q.url, bytes.NewReader(body))
    if err != nil {
        return err
    }
    req.Header.Set("Authorization", q.sdkKey)
    resp, err := q.client.Do(req) //@RES-02
    if err != nil {
-|        return err
+|        return fmt.Errorf("post events: %w", err)
    }
-|    defer resp.Body.Close()
    if resp.StatusCode >= 500 {
        return fmt.Errorf("post events: status %d, will retry", resp.StatusCode)
    }
+|    resp.Body.Close()
    return nil
}
'''
case('go-00-cortextool-push-edit-closes-body-after-status-check', GH + 'grafana-cold-storage/cortex-tools/pull/168',
     'an edit moves the body close below the 5xx return, so every server error leaks the connection (CRLF file)',
     files=[go_edit('pkg/push/eventqueue.go', 'push', ['bytes', 'context', 'encoding/json', 'fmt', 'net/http'], r'''
// Event is one evaluated feature flag.
type Event struct {
    Type   string `json:"type"`
    Target string `json:"target"`
}

type batch struct {
    Events []Event `json:"events"`
}

// EventQueue batches events and posts them to the events API.
type EventQueue struct {
    client *http.Client
    url    string
    sdkKey string
}
''' + BODY_EDIT, crlf=True)])

case('go-ok-00-gue-renamed-store-with-generated-mock', GH + 'vgarvardt/gue/pull/286',
     'clean: a job store is renamed and a generated mock is added beside it; the transaction ends on every path',
     files=[f('store/jobs.go', rename_from='jobstore.go', new=go('store', ['context', 'database/sql', 'fmt'], r'''
// JobStore persists jobs.
type JobStore interface {
    Lock(ctx context.Context, queue string) (int64, error)
}

// PGJobStore is the Postgres JobStore.
type PGJobStore struct {
    db *sql.DB
}

// Lock takes the oldest job of queue and marks it running, in one transaction.
func (s *PGJobStore) Lock(ctx context.Context, queue string) (int64, error) {
    tx, err := s.db.BeginTx(ctx, nil)
    if err != nil {
        return 0, fmt.Errorf("begin lock: %w", err)
    }
    defer tx.Rollback()
    var id int64
    err = tx.QueryRowContext(ctx, `SELECT job_id FROM gue_jobs WHERE queue = $1 ORDER BY run_at LIMIT 1 FOR UPDATE SKIP LOCKED`, queue).Scan(&id)
    if err != nil {
        return 0, fmt.Errorf("select job of %s: %w", queue, err)
    }
    if _, err := tx.ExecContext(ctx, `UPDATE gue_jobs SET status = 'running' WHERE job_id = $1`, id); err != nil {
        return 0, fmt.Errorf("mark job %d: %w", id, err)
    }
    if err := tx.Commit(); err != nil {
        return 0, fmt.Errorf("commit lock of %d: %w", id, err)
    }
    return id, nil
}
'''), old=go('store', ['context', 'database/sql'], r'''
// JobStore persists jobs.
type JobStore interface {
    Lock(ctx context.Context, queue string) (int64, error)
}

// PGJobStore is the Postgres JobStore.
type PGJobStore struct {
    db *sql.DB
}
''')),
            f('store/mock_jobs.go', new=go('store', ['context', 'sync'], r'''
// MockJobStore is a mock of JobStore.
type MockJobStore struct {
    mu    sync.Mutex
    calls []string
    ID    int64
    Err   error
}

// Lock records the call and returns the configured result.
func (m *MockJobStore) Lock(ctx context.Context, queue string) (int64, error) {
    m.mu.Lock()
    defer m.mu.Unlock()
    m.calls = append(m.calls, queue)
    return m.ID, m.Err
}
''', header=GO_GENERATED))])

# Near-repeats left out to keep 60 Go cases, two thirds of them defects (their templates stay above, unused):
DROPPED = {
    'go-ok-00-cortextool-rule-group-defers-body-close',
    'go-ok-00-otelsql-store-opens-pool-in-constructor',
    'go-ok-00-firego-client-once-with-timeout',
    'go-ok-00-gue-batch-enqueue-returns-commit-error',
    'go-ok-00-interlink-job-registry-guarded-by-mutex',
    'go-ok-00-ortelius-aggregates-loop-logs-and-continues',
    'go-ok-00-progress-wait-selects-on-context',
}
CASES = numbered([c for c in CASES if c['name'] not in DROPPED], 'go')
