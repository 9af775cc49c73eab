"""Round-15 Go cases, written for this corpus from the checklist items (see SOURCES.md). Each template is written once
and gives up to three cases: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the
clean look-alike (common15.variant). A case is a new file, an edit that turns the clean file into the defect, or the
fix that turns the first defect into the clean file. Names carry `00`: they are numbered in order at the end."""
from common15 import make_case, gomod, go, f, numbered, cases_of, variant, GO_GENERATED

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'


def G(pkg, imports):
    return lambda body: (lambda v: go(pkg, imports, variant(body, v)))


# ---------------------------------------------------------------- RES-02 / RES-04: remote properties loader
PROPS = r'''
// Loader reads a properties file from disk or from an http(s) URL.
type Loader struct {
    Encoding Encoding
01|    Client   *http.Client // shared, built once with timeouts by the caller
2|    Timeout  time.Duration
}

// LoadFile reads a local properties file.
func (l *Loader) LoadFile(path string) (*Properties, error) {
    data, err := os.ReadFile(path)
    if err != nil {
        return nil, fmt.Errorf("read %s: %w", path, err)
    }
    return l.parse(data, path)
}

// LoadURL fetches a properties file; a 404 is reported as ErrNotFound so callers can fall back to defaults.
func (l *Loader) LoadURL(ctx context.Context, u string) (*Properties, error) {
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
    if err != nil {
        return nil, err
    }
2|    client := &http.Client{Timeout: l.Timeout} //@RES-04
2|    resp, err := client.Do(req)
01|    resp, err := l.Client.Do(req) //@{1}RES-02
    if err != nil {
        return nil, fmt.Errorf("fetch %s: %w", u, err)
    }
02|    defer resp.Body.Close()
    if resp.StatusCode == http.StatusNotFound {
        return nil, ErrNotFound
    }
    if resp.StatusCode != http.StatusOK {
        return nil, fmt.Errorf("fetch %s: status %d", u, resp.StatusCode)
    }
    data, err := io.ReadAll(io.LimitReader(resp.Body, maxPropertiesSize))
1|    resp.Body.Close()
    if err != nil {
        return nil, fmt.Errorf("read %s: %w", u, err)
    }
    return l.parse(data, u)
}

func (l *Loader) parse(data []byte, origin string) (*Properties, error) {
    p, err := parse(string(data), l.Encoding)
    if err != nil {
        return nil, fmt.Errorf("parse %s: %w", origin, err)
    }
    return p, nil
}
'''
cases_of(case, GH + 'magiconair/properties/pull/35', 'load.go',
         G('properties', ['context', 'fmt', 'io', 'net/http', 'os', 'time'])(PROPS), [
             (1, 'go-00-properties-url-loader-closes-body-only-after-reading',
              'a URL loader closes the body after reading it; the 404 and error-status returns leave the connection pinned',
              'new'),
             (2, 'go-00-properties-url-loader-builds-client-per-call',
              'an edit builds an http.Client per LoadURL call from a timeout field instead of using the shared one', 'edit'),
             (0, 'go-ok-00-properties-url-loader-shared-client-deferred-close',
              'clean: a shared client from the caller and a deferred body close right after the error check', 'fix'),
         ])


# ---------------------------------------------------------------- RES-03 / RES-02: paged show listing
SHOWS = r'''
// Provider lists the shows of a replay site, page after page.
type Provider struct {
    client  *http.Client
    baseURL string
    log     *slog.Logger
}

// Shows returns every show of a channel; the site answers 20 shows a page and an empty page at the end.
func (p *Provider) Shows(ctx context.Context, channel string) ([]Show, error) {
    var all []Show
    for page := 1; ; page++ {
12|        u := fmt.Sprintf("%s/api/channels/%s/shows?page=%d", p.baseURL, url.PathEscape(channel), page)
12|        req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
12|        if err != nil {
12|            return nil, err
12|        }
12|        resp, err := p.client.Do(req) //@{2}RES-02
12|        if err != nil {
12|            return nil, fmt.Errorf("list %s page %d: %w", channel, page, err)
12|        }
1|        defer resp.Body.Close() //@RES-03
12|        var batch []Show
12|        if err := json.NewDecoder(resp.Body).Decode(&batch); err != nil {
12|            return nil, fmt.Errorf("decode %s page %d: %w", channel, page, err)
12|        }
2|        resp.Body.Close()
0|        batch, err := p.page(ctx, channel, page)
0|        if err != nil {
0|            return nil, err
0|        }
        if len(batch) == 0 {
            return all, nil
        }
        all = append(all, batch...)
    }
}
0|
0|func (p *Provider) page(ctx context.Context, channel string, page int) ([]Show, error) {
0|    u := fmt.Sprintf("%s/api/channels/%s/shows?page=%d", p.baseURL, url.PathEscape(channel), page)
0|    req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
0|    if err != nil {
0|        return nil, err
0|    }
0|    resp, err := p.client.Do(req)
0|    if err != nil {
0|        return nil, fmt.Errorf("list %s page %d: %w", channel, page, err)
0|    }
0|    defer resp.Body.Close() // one page at a time: closed before the next request
0|    var batch []Show
0|    if err := json.NewDecoder(resp.Body).Decode(&batch); err != nil {
0|        return nil, fmt.Errorf("decode %s page %d: %w", channel, page, err)
0|    }
0|    return batch, nil
0|}
'''
cases_of(case, GH + 'simulot/aspiratv/issues/27', 'providers/replay/shows.go',
         G('replay', ['context', 'encoding/json', 'fmt', 'log/slog', 'net/http', 'net/url'])(SHOWS), [
             (1, 'go-00-aspiratv-show-pages-defer-body-close-in-loop',
              'a paged listing defers each page\'s body close inside the loop: every page stays open until the last one',
              'new'),
             (2, 'go-00-aspiratv-show-page-body-left-open-on-decode-error',
              'the page body is closed by hand after decoding; a decode error returns with the connection pinned', 'new'),
             (0, 'go-ok-00-aspiratv-show-pages-one-helper-per-page',
              'clean: each page is fetched by a helper whose defer closes the body before the next page', 'new'),
         ])


# ---------------------------------------------------------------- RES-01 / TMO-02: post store
POSTS = r'''
// PostStore keeps the posts of the forum in PostgreSQL.
type PostStore struct {
    db *sql.DB
}

// Post returns one post with its comments.
func (s *PostStore) Post(ctx context.Context, id int) (Post, error) {
    var p Post
    err := s.db.QueryRowContext(ctx, `SELECT id, content, author FROM posts WHERE id = $1`, id).
        Scan(&p.ID, &p.Content, &p.Author)
    if err != nil {
        return Post{}, fmt.Errorf("post %d: %w", id, err)
    }
    return p, nil
}

// Recent returns the latest posts, newest first.
func (s *PostStore) Recent(ctx context.Context, limit int) ([]Post, error) {
12|    rows, err := s.db.QueryContext(ctx, `SELECT id, content, author FROM posts ORDER BY id DESC LIMIT $1`, limit) //@{1}RES-01
0|    rows, err := s.db.QueryContext(ctx, `SELECT id, content, author FROM posts ORDER BY id DESC LIMIT $1`, limit)
    if err != nil {
        return nil, fmt.Errorf("recent posts: %w", err)
    }
02|    defer rows.Close()
    var posts []Post
    for rows.Next() {
        var p Post
        if err := rows.Scan(&p.ID, &p.Content, &p.Author); err != nil {
            return nil, fmt.Errorf("scan post: %w", err)
        }
        posts = append(posts, p)
    }
    return posts, rows.Err()
}

// HandleRecent serves GET /posts.
func (s *PostStore) HandleRecent(w http.ResponseWriter, r *http.Request) {
01|    posts, err := s.Recent(r.Context(), 20)
2|    posts, err := s.Recent(context.Background(), 20) //@TMO-02
    if err != nil {
        http.Error(w, "could not load posts", http.StatusInternalServerError)
        return
    }
    w.Header().Set("Content-Type", "application/json")
    _ = json.NewEncoder(w).Encode(posts) // the client may have gone; nothing useful to do with the error
}
'''
cases_of(case, GH + 'sausheong/gwp/pull/3', 'chapter_6/sql_store/store.go',
         G('main', ['context', 'database/sql', 'encoding/json', 'fmt', 'net/http'])(POSTS), [
             (1, 'go-00-gwp-recent-posts-never-close-rows',
              'a listing query never closes its rows; a scan error or a full read leaves the connection out',
              'new'),
             (2, 'go-00-gwp-posts-handler-queries-with-background-context',
              'the handler passes context.Background to the store, so a client that gives up does not stop the query',
              'edit'),
             (0, 'go-ok-00-gwp-recent-posts-request-context-and-rows-closed',
              'clean: rows closed by a defer after the error check, the request context passed down', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 (generics): typed query helper
GOLA = r'''
// Query runs a read query on the database's replica and scans each row into a new T.
func Query[T any](ctx context.Context, dbname, query string, params ...any) ([]*T, error) {
    db := getDB(dbname, DBModeRead)
12|    rows, err := db.QueryContext(ctx, query, params...) //@RES-01
0|    rows, err := db.QueryContext(ctx, query, params...)
2|    defer rows.Close()
    if err != nil {
        return nil, err
    }
0|    defer rows.Close()
    var result []*T
    for rows.Next() {
        item := new(T)
        if err := rows.Scan(scanTargets(item)...); err != nil {
            return nil, fmt.Errorf("scan %T: %w", item, err)
        }
        result = append(result, item)
    }
1|    rows.Close()
    return result, rows.Err()
}

// QueryInt runs a query that returns one integer, such as a count.
func QueryInt(ctx context.Context, dbname, query string, params ...any) (int, error) {
    var n int
    err := getDB(dbname, DBModeRead).QueryRowContext(ctx, query, params...).Scan(&n)
    return n, err
}
'''
cases_of(case, GH + 'olachat/gola/pull/66', 'coredb/engine.go',
         G('coredb', ['context', 'fmt'])(GOLA), [
             (1, 'go-00-gola-generic-query-closes-rows-after-the-loop',
              'a generic Query[T] closes its rows after the scan loop; a scan error returns with the rows open', 'new'),
             (2, 'go-00-gola-generic-query-defers-close-before-error-check',
              'the generic helper defers rows.Close before checking the query error: a nil rows panics in the defer',
              'edit'),
             (0, 'go-ok-00-gola-generic-query-defers-close-after-check',
              'clean: the generic helper checks the error, then defers rows.Close', 'new'),
         ])


# ---------------------------------------------------------------- LOG-01: agent search
MIG = r'''
// SearchAgents returns the agents whose name matches the pattern, newest heartbeat first.
func (db *DB) SearchAgents(ctx context.Context, p SearchParameters) ([]Agent, error) {
    rows, err := db.c.QueryContext(ctx, `SELECT id, name, queueloc, status, heartbeattime
        FROM agents WHERE name ILIKE $1 AND heartbeattime > $2 ORDER BY heartbeattime DESC LIMIT $3`,
        p.AgentName, p.Since, p.Limit)
    if err != nil {
        return nil, fmt.Errorf("search agents: %w", err)
    }
    defer rows.Close()
    var agents []Agent
01|    stale := 0
    for rows.Next() {
        var a Agent
        if err := rows.Scan(&a.ID, &a.Name, &a.QueueLoc, &a.Status, &a.HeartBeatTS); err != nil {
            return nil, fmt.Errorf("scan agent: %w", err)
        }
2|        db.log.Debug("agent matched", "agent", a) //@LOG-01
        if time.Since(a.HeartBeatTS) > p.StaleAfter {
01|            stale++
1|            db.log.Warn("stale agent in search result", "agent_id", a.ID, "name", a.Name, "last_seen", a.HeartBeatTS) //@LOG-01
        }
        agents = append(agents, a)
    }
    if err := rows.Err(); err != nil {
        return nil, fmt.Errorf("read agents: %w", err)
    }
0|    if stale > 0 {
0|        db.log.Info("agent search done", "matched", len(agents), "stale", stale)
0|    }
    return agents, nil
}
'''
cases_of(case, GH + 'mozilla/mig/pull/87', 'database/agents.go',
         G('database', ['context', 'fmt', 'time'])(MIG), [
             (1, 'go-00-mig-agent-search-warns-per-stale-row',
              'an edit makes the agent search warn once per stale agent row instead of counting them', 'edit'),
             (2, 'go-00-mig-agent-search-debug-logs-every-row',
              'the agent search logs every matched row, whole struct included, at debug level', 'new'),
             (0, 'go-ok-00-mig-agent-search-counts-stale-and-summarises',
              'clean: stale agents are counted and one summary line is written after the loop', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / TMO-02: pgxpool acquire
NUON = r'''
// Stats samples the pool and the database's own view of its connections, for the pool metrics.
type Stats struct {
    pool *pgxpool.Pool
    log  *slog.Logger
}

// ServerConnections counts the backends the server has open for this application.
func (s *Stats) ServerConnections(ctx context.Context, app string) (int, error) {
12|    conn, err := s.pool.Acquire(ctx) //@{1}RES-01
0|    conn, err := s.pool.Acquire(ctx)
    if err != nil {
        return 0, fmt.Errorf("acquire: %w", err)
    }
02|    defer conn.Release()
    var n int
2|    if err := conn.QueryRow(context.Background(), countBackendsSQL, app).Scan(&n); err != nil { //@TMO-02
01|    if err := conn.QueryRow(ctx, countBackendsSQL, app).Scan(&n); err != nil {
        return 0, fmt.Errorf("count backends: %w", err)
    }
1|    conn.Release()
    return n, nil
}

// Sample returns the pool's own counters.
func (s *Stats) Sample() PoolSample {
    st := s.pool.Stat()
    return PoolSample{
        Acquired:      st.AcquiredConns(),
        Idle:          st.IdleConns(),
        EmptyAcquires: st.EmptyAcquireCount(),
        Canceled:      st.CanceledAcquireCount(),
        AcquireTime:   st.AcquireDuration(),
    }
}
'''
cases_of(case, GH + 'nuonco/nuon/pull/1518', 'pkg/db/poolstats/stats.go',
         G('poolstats', ['context', 'fmt', 'log/slog', 'github.com/jackc/pgx/v5/pgxpool'])(NUON), [
             (1, 'go-00-nuon-pool-stats-releases-conn-only-on-success',
              'an acquired pgxpool connection is released at the end; a failed count returns with the connection held',
              'new'),
             (2, 'go-00-nuon-pool-stats-counts-backends-with-background-context',
              'an edit runs the count query with context.Background instead of the caller\'s context', 'edit'),
             (0, 'go-ok-00-nuon-pool-stats-defers-release',
              'clean: the acquired connection is released by a defer and the query runs with the caller\'s context',
              'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / TX-02: metrics store with pgx
FREEHIRE = r'''
// StoreMetrics writes one probe's samples in a single transaction.
func (s *Storage) StoreMetrics(ctx context.Context, probe string, samples []Sample) (err error) {
    conn, err := s.pool.Acquire(ctx)
    if err != nil {
        return fmt.Errorf("acquire: %w", err)
    }
    defer conn.Release()

12|    txn, err := conn.Begin(ctx) //@{1}TX-01
0|    txn, err := conn.Begin(ctx)
    if err != nil {
        return fmt.Errorf("begin: %w", err)
    }
1|    defer func() {
1|        if err != nil {
1|            _ = txn.Rollback(ctx) // best effort: the first error is the one reported
1|        }
1|    }()
02|    defer txn.Rollback(ctx) // no-op once Commit has succeeded

    query, args := insertSamples(probe, samples)
    if _, err := txn.Exec(ctx, query, args...); err != nil {
        return fmt.Errorf("insert samples of %s: %w", probe, err)
    }
    if _, err := txn.Exec(ctx, touchProbe, probe, time.Now().UTC()); err != nil {
        return fmt.Errorf("touch probe %s: %w", probe, err)
    }
2|    txn.Commit(ctx) //@TX-02
2|    return nil //@~ERR-01
01|    if err := txn.Commit(ctx); err != nil {
01|        return fmt.Errorf("commit samples of %s: %w", probe, err)
01|    }
01|    return nil
}
'''
cases_of(case, GH + 'strelov1/freehire/pull/2895', 'collector/src/probes/storage.go',
         G('probes', ['context', 'fmt', 'time'])(FREEHIRE), [
             (1, 'go-00-freehire-metrics-rollback-guard-reads-shadowed-error',
              'a deferred rollback guard tests the named error, but every failure path declares its own err: no rollback runs',
              'new'),
             (2, 'go-00-freehire-metrics-commit-result-dropped',
              'an edit replaces the checked Commit with a bare call and returns nil', 'edit'),
             (0, 'go-ok-00-freehire-metrics-deferred-rollback-and-checked-commit',
              'clean: Rollback deferred right after Begin and Commit\'s error returned', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / TX-02 / ERR-01: tenant purge
HUB = r'''
// PurgeTenant deletes a tenant's feedback records and marks the tenant purged, under the tenant's advisory lock so
// that no write of that tenant can interleave.
func (r *Repository) PurgeTenant(ctx context.Context, tenantID string) (int64, error) {
1|    tx, err := r.pool.Begin(ctx) //@TX-01
2|    tx, _ := r.pool.Begin(ctx) //@TX-02|ERR-01
0|    tx, err := r.pool.Begin(ctx)
01|    if err != nil {
01|        return 0, fmt.Errorf("begin purge: %w", err)
01|    }
02|    defer tx.Rollback(ctx) //nolint:errcheck // no-op after Commit
    if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtext($1))`, tenantID); err != nil {
        return 0, fmt.Errorf("lock tenant %s: %w", tenantID, err)
    }
    tag, err := tx.Exec(ctx, `DELETE FROM feedback_records WHERE tenant_id = $1`, tenantID)
    if err != nil {
        return 0, fmt.Errorf("delete records of %s: %w", tenantID, err)
    }
    if _, err := tx.Exec(ctx, `UPDATE tenants SET purged_at = now() WHERE id = $1`, tenantID); err != nil {
        return 0, fmt.Errorf("mark %s purged: %w", tenantID, err)
    }
    if err := tx.Commit(ctx); err != nil {
        return 0, fmt.Errorf("commit purge of %s: %w", tenantID, err)
    }
    return tag.RowsAffected(), nil
}
'''
cases_of(case, GH + 'formbricks/hub/pull/87', 'internal/repository/tenant_purge.go',
         G('repository', ['context', 'fmt'])(HUB), [
             (1, 'go-00-formbricks-tenant-purge-returns-without-rollback',
              'a purge transaction takes an advisory lock and returns on errors without rolling back', 'new'),
             (2, 'go-00-formbricks-tenant-purge-discards-begin-error',
              'an edit discards Begin\'s error; on an exhausted pool the next line uses a nil transaction', 'edit'),
             (0, 'go-ok-00-formbricks-tenant-purge-deferred-rollback',
              'clean: Begin checked, Rollback deferred, Commit checked', 'new'),
         ])


# ---------------------------------------------------------------- CONC-03 / CONC-01: cache table
CACHE_TABLE = r'''
// CacheTable is a table of items that expire after their own lifetime.
type CacheTable struct {
    sync.RWMutex
    name            string
    items           map[any]*CacheItem
    cleanupInterval time.Duration
    log             *slog.Logger
}

// Add stores an item; it replaces an item with the same key.
func (t *CacheTable) Add(key any, lifeSpan time.Duration, data any) *CacheItem {
    item := NewCacheItem(key, lifeSpan, data)
1|    t.items[key] = item //@CONC-03
02|    t.Lock()
02|    t.items[key] = item
02|    t.Unlock()
    return item
}

// Value returns an item and marks it accessed.
func (t *CacheTable) Value(key any) (*CacheItem, bool) {
    t.RLock()
    item, ok := t.items[key]
    t.RUnlock()
    if ok {
        item.KeepAlive()
    }
    return item, ok
}

// StartExpiration runs the expiration check until ctx ends.
func (t *CacheTable) StartExpiration(ctx context.Context) {
2|    go t.expirationLoop(ctx) //@CONC-01
01|    safe.Go(ctx, t.log, "cache-expiration-"+t.name, t.expirationLoop)
}

func (t *CacheTable) expirationLoop(ctx context.Context) {
    ticker := time.NewTicker(t.cleanupInterval)
    defer ticker.Stop()
    for {
        select {
        case <-ctx.Done():
            return
        case now := <-ticker.C:
            t.Lock()
            for key, item := range t.items {
                if item.Expired(now) {
                    delete(t.items, key)
                }
            }
            t.Unlock()
        }
    }
}
'''
SAFE_GO = f('internal/safe/safe.go', new=go('safe', ['context', 'log/slog', 'runtime/debug'], r'''
// Go runs fn in a goroutine that recovers a panic, logs it with its stack and the goroutine's name, and returns.
func Go(ctx context.Context, log *slog.Logger, name string, fn func(context.Context)) {
    go func() {
        defer func() {
            if p := recover(); p != nil {
                panics.WithLabelValues(name).Inc()
                log.ErrorContext(ctx, "goroutine panic", "name", name, "panic", p, "stack", string(debug.Stack()))
            }
        }()
        fn(ctx)
    }()
}
'''))
cases_of(case, GH + 'muesli/cache2go/issues/18', 'cachetable.go',
         G('cache2go', ['context', 'log/slog', 'sync', 'time', 'github.com/muesli/cache2go/internal/safe'])(CACHE_TABLE), [
             (1, 'go-00-cache2go-add-writes-items-without-lock',
              'an edit drops the lock around the item map write while the expiration goroutine deletes from it', 'edit'),
             (2, 'go-00-cache2go-expiration-loop-started-bare',
              'the expiration loop is started with a bare go statement, so a panic in an item callback ends the process',
              'new'),
         ])
cases_of(case, GH + 'muesli/cache2go/issues/18', 'cachetable.go',
         G('cache2go', ['context', 'log/slog', 'sync', 'time', 'github.com/muesli/cache2go/internal/safe'])(CACHE_TABLE), [
             (0, 'go-ok-00-cache2go-locked-map-and-recovering-launcher',
              'clean: the map write is locked and the expiration loop starts through a recovering helper of the change',
              'new'),
         ], extra=[SAFE_GO])


# ---------------------------------------------------------------- CONC-03 / CONC-02: concurrent dependency fetch
DEPSHUB = r'''
// Fetch resolves the latest version of every dependency, a few registries at a time, and caches the answers.
func (f fetcher) Fetch(ctx context.Context, deps []Dependency) (map[string]Version, error) {
    g, ctx := errgroup.WithContext(ctx)
01|    g.SetLimit(f.concurrency)
    latest := make(map[string]Version, len(deps))
02|    var mu sync.Mutex
    for _, dep := range deps {
        dep := dep
2|        g.Go(func() error { //@CONC-02
01|        g.Go(func() error {
            if v, ok := f.cache.Get(dep.Key()); ok {
02|                mu.Lock()
1|                latest[dep.Name] = v //@CONC-03
02|                latest[dep.Name] = v
02|                mu.Unlock()
                return nil
            }
            v, err := f.source(dep.Manager).Latest(ctx, dep.Name)
            if err != nil {
                return fmt.Errorf("latest %s: %w", dep.Name, err)
            }
            f.cache.Set(dep.Key(), v) // FileCache locks internally
02|            mu.Lock()
1|            latest[dep.Name] = v //@~CONC-03
02|            latest[dep.Name] = v
02|            mu.Unlock()
            return nil
        })
    }
    if err := g.Wait(); err != nil {
        return nil, err
    }
    return latest, nil
}
'''
cases_of(case, GH + 'DepsHubHQ/depshub/issues/83', 'pkg/sources/fetch.go',
         G('sources', ['context', 'fmt', 'sync', 'golang.org/x/sync/errgroup'])(DEPSHUB), [
             (1, 'go-00-depshub-fetch-writes-result-map-from-tasks',
              'an edit removes the lock around the result map that errgroup tasks write (fatal concurrent map writes)',
              'edit'),
             (2, 'go-00-depshub-fetch-one-task-per-dependency-without-limit',
              'an errgroup without a limit: one registry request in flight per dependency of the manifest', 'new'),
             (0, 'go-ok-00-depshub-fetch-limited-and-locked',
              'clean: an errgroup limit and a mutex around the result map', 'new'),
         ])


# ---------------------------------------------------------------- CONC-03 / CONC-07: DNS cache
GRIMD = r'''
// MemoryCache keeps DNS answers until their TTL runs out.
type MemoryCache struct {
    mu      sync.RWMutex
    backend map[string]*Mesg
    maxSize int
    store   Persister
    log     *slog.Logger
}

// Get returns a cached answer; an expired one is removed and reported as a miss.
func (c *MemoryCache) Get(key string) (*dns.Msg, bool, error) {
    c.mu.RLock()
    mesg, ok := c.backend[key]
    c.mu.RUnlock()
    if !ok {
        return nil, false, ErrKeyNotFound
    }
    if mesg.Expire.Before(time.Now()) {
1|        delete(c.backend, key) //@CONC-03
02|        c.mu.Lock()
02|        delete(c.backend, key)
02|        c.mu.Unlock()
        return nil, false, ErrKeyExpired
    }
    return mesg.Msg, mesg.Blocked, nil
}

// PersistEvery writes the cache to disk on every tick so that a restart starts warm; it returns when ctx ends.
func (c *MemoryCache) PersistEvery(ctx context.Context, every time.Duration) error {
    ticker := time.NewTicker(every)
    defer ticker.Stop()
    for {
        select {
        case <-ctx.Done():
            return ctx.Err()
        case <-ticker.C:
            if err := c.persist(); err != nil {
2|                return fmt.Errorf("persist cache: %w", err) //@CONC-07
01|                c.log.Warn("persisting the cache failed; the next tick retries", "err", err)
            }
        }
    }
}

func (c *MemoryCache) persist() error {
    c.mu.RLock()
    snapshot := make(map[string]Mesg, len(c.backend))
    for k, v := range c.backend {
        snapshot[k] = *v
    }
    c.mu.RUnlock()
    return c.store.Save(snapshot)
}
'''
cases_of(case, GH + 'looterz/grimd/pull/40', 'cache.go',
         G('main', ['context', 'fmt', 'log/slog', 'sync', 'time', 'github.com/miekg/dns'])(GRIMD), [
             (1, 'go-00-grimd-expired-answer-deleted-outside-lock',
              'an edit moves the delete of an expired answer out of the write lock', 'edit'),
             (2, 'go-00-grimd-persist-loop-ends-on-first-error',
              'the periodic cache persister returns on the first failed write and never persists again', 'new'),
             (0, 'go-ok-00-grimd-locked-delete-and-persist-loop-retries',
              'clean: the delete runs under the write lock and a failed persist is logged while the loop goes on', 'new'),
         ])


# ---------------------------------------------------------------- CONC-03 (generics): rate-limit store
KRAKEND = r'''
// ShardedStore keeps one limiter per key; keys are spread over shards so that callers of different keys do not
// contend on one lock.
type ShardedStore[K comparable, L any] struct {
    shards []*shard[K, L]
    hash   func(K) uint64
    newL   func() L
}

type shard[K comparable, L any] struct {
    mu    sync.Mutex
    items map[K]L
}

// Get returns the limiter of a key, creating it on first use.
func (s *ShardedStore[K, L]) Get(key K) L {
    sh := s.shards[s.hash(key)%uint64(len(s.shards))]
1|    if l, ok := sh.items[key]; ok { //@CONC-03
1|        return l
1|    }
1|    l := s.newL()
1|    sh.mu.Lock()
1|    sh.items[key] = l
1|    sh.mu.Unlock()
1|    return l
0|    sh.mu.Lock()
0|    defer sh.mu.Unlock()
0|    if l, ok := sh.items[key]; ok {
0|        return l
0|    }
0|    l := s.newL()
0|    sh.items[key] = l
0|    return l
}

// Len counts the keys of every shard.
func (s *ShardedStore[K, L]) Len() int {
    n := 0
    for _, sh := range s.shards {
        sh.mu.Lock()
        n += len(sh.items)
        sh.mu.Unlock()
    }
    return n
}
'''
cases_of(case, GH + 'krakend/krakend-ratelimit/pull/5', 'shard.go',
         G('krakendrate', ['sync'])(KRAKEND), [
             (1, 'go-00-krakend-generic-store-reads-map-before-locking',
              'a generic sharded store reads its map unlocked and only locks the insert: check-then-act and a racing read',
              'edit'),
             (0, 'go-ok-00-krakend-generic-store-locks-check-and-insert',
              'clean: the lookup and the insert happen under the shard lock', 'new'),
         ])


# ---------------------------------------------------------------- CONC-01 / CONC-07: job worker
CACHEW = r'''
// Scheduler runs registered jobs on their own interval.
type Scheduler struct {
    jobs []Job
    log  *slog.Logger
}

// Run starts one loop per job and returns when ctx ends.
func (s *Scheduler) Run(ctx context.Context) {
    var wg sync.WaitGroup
    for _, job := range s.jobs {
        job := job
        wg.Add(1)
1|        go func() { //@CONC-01
02|        go func() {
            defer wg.Done()
02|            defer s.recoverJob(ctx, job.Name())
            s.loop(ctx, job)
        }()
    }
    wg.Wait()
}

func (s *Scheduler) loop(ctx context.Context, job Job) {
    ticker := time.NewTicker(job.Interval())
    defer ticker.Stop()
    for {
        select {
        case <-ctx.Done():
            return
        case <-ticker.C:
            if err := job.Run(ctx); err != nil {
2|                s.log.Error("job failed, stopping it", "job", job.Name(), "err", err)
2|                return //@CONC-07
01|                jobFailures.WithLabelValues(job.Name()).Inc()
01|                s.log.Warn("job run failed", "job", job.Name(), "err", err)
            }
        }
    }
}
02|
02|// recoverJob logs and counts a panic of a job loop; the job stops, the process and the other jobs do not.
02|func (s *Scheduler) recoverJob(ctx context.Context, name string) {
02|    if p := recover(); p != nil {
02|        jobPanics.WithLabelValues(name).Inc()
02|        s.log.ErrorContext(ctx, "job panicked", "job", name, "panic", p, "stack", string(debug.Stack()))
02|    }
02|}
'''
cases_of(case, GH + 'block/cachew/pull/258', 'internal/jobs/scheduler.go',
         G('jobs', ['context', 'log/slog', 'runtime/debug', 'sync', 'time'])(CACHEW), [
             (1, 'go-00-cachew-job-loops-started-without-recover',
              'scheduled job loops run in goroutines without a recover: a panic in one job takes the service down', 'new'),
             (2, 'go-00-cachew-job-loop-stops-after-one-failed-run',
              'a job loop returns after its first failed run, so the job silently stops for good', 'new'),
             (0, 'go-ok-00-cachew-job-loops-recover-and-keep-running',
              'clean: each loop defers a recovering helper and a failed run is counted and logged', 'new'),
         ])


# ---------------------------------------------------------------- CONC-05 / CONC-01: health checker
HEALTH = r'''
// Health runs every registered check on its own interval and keeps the latest state of each.
type Health struct {
    checks []Config
    states *StateStore
    log    *slog.Logger
}

// Start launches one checker per check; they stop when ctx is cancelled.
func (h *Health) Start(ctx context.Context) {
    for _, c := range h.checks {
        c := c
2|        go h.runCheck(ctx, c) //@CONC-01
01|        safe.Go(ctx, h.log, "health-"+c.Name, func(ctx context.Context) { h.runCheck(ctx, c) })
    }
}

func (h *Health) runCheck(ctx context.Context, c Config) {
02|    ticker := time.NewTicker(c.Interval)
02|    defer ticker.Stop()
    for {
        data, err := c.Checker.Status(ctx)
        h.states.Set(c.Name, newState(data, err))
1|        time.Sleep(c.Interval) //@CONC-05
1|        if ctx.Err() != nil {
1|            return
1|        }
02|        select {
02|        case <-ctx.Done():
02|            return
02|        case <-ticker.C:
02|        }
    }
}
'''
cases_of(case, GH + 'InVisionApp/go-health/pull/35', 'health.go',
         G('health', ['context', 'log/slog', 'time', 'github.com/InVisionApp/go-health/internal/safe'])(HEALTH), [
             (1, 'go-00-go-health-checker-sleeps-through-cancellation',
              'an edit replaces the ticker select with time.Sleep: a stopped checker sleeps a whole interval first',
              'edit'),
             (2, 'go-00-go-health-checkers-started-bare',
              'one bare goroutine per health check; a panicking checker ends the process', 'new'),
         ])
cases_of(case, GH + 'InVisionApp/go-health/pull/35', 'health.go',
         G('health', ['context', 'log/slog', 'time', 'github.com/InVisionApp/go-health/internal/safe'])(HEALTH), [
             (0, 'go-ok-00-go-health-checkers-recovered-and-cancellable',
              'clean: checkers start through a recovering helper and wait on the ticker or the context', 'new'),
         ], extra=[f('internal/safe/safe.go', new=go('safe', ['context', 'log/slog', 'runtime/debug'], r'''
// Go runs fn in its own goroutine; a panic is logged with the goroutine's name and stack instead of ending the
// process.
func Go(ctx context.Context, log *slog.Logger, name string, fn func(context.Context)) {
    go func() {
        defer func() {
            if p := recover(); p != nil {
                log.ErrorContext(ctx, "recovered panic", "goroutine", name, "panic", p, "stack", string(debug.Stack()))
            }
        }()
        fn(ctx)
    }()
}
'''))])


# ---------------------------------------------------------------- TMO-03 / CONC-07: peer table refresh
BOXD = r'''
// Table keeps the routing table of the p2p layer fresh.
type Table struct {
    peers   *PeerStore
    dialer  Dialer
    timeout time.Duration
    log     *slog.Logger
}

// Loop refreshes the table every period until ctx ends.
func (t *Table) Loop(ctx context.Context, period time.Duration) {
    loopTicker := time.NewTicker(period)
    defer loopTicker.Stop()
    for {
        select {
        case <-ctx.Done():
            return
        case <-loopTicker.C:
            if err := t.refresh(ctx); err != nil {
2|                t.log.Error("refresh failed; table loop exits", "err", err)
2|                return //@CONC-07
01|                t.log.Warn("table refresh failed", "err", err)
            }
        }
    }
}

func (t *Table) refresh(ctx context.Context) error {
    for _, addr := range t.peers.Stale() {
1|        pctx, cancel := context.WithTimeout(ctx, t.timeout) //@TMO-03
1|        if err := t.dialer.Ping(pctx, addr); err != nil {
1|            cancel()
1|            t.peers.MarkDead(addr)
1|            continue
1|        }
1|        t.peers.Touch(addr)
02|        if err := t.ping(ctx, addr); err != nil {
02|            t.peers.MarkDead(addr)
02|        }
    }
    return t.peers.Compact()
}
02|
02|func (t *Table) ping(ctx context.Context, addr string) error {
02|    ctx, cancel := context.WithTimeout(ctx, t.timeout)
02|    defer cancel()
02|    if err := t.dialer.Ping(ctx, addr); err != nil {
02|        return err
02|    }
02|    t.peers.Touch(addr)
02|    return nil
02|}
'''
cases_of(case, GH + 'BOXFoundation/boxd/issues/27', 'p2p/table.go',
         G('p2p', ['context', 'log/slog', 'time'])(BOXD), [
             (1, 'go-00-boxd-peer-dial-cancels-timeout-only-on-error',
              'a dial timeout per stale peer is cancelled on the error path only; successful dials keep their timers',
              'new'),
             (2, 'go-00-boxd-table-loop-exits-on-first-failed-refresh',
              'the table refresh loop returns when one refresh fails, so the routing table is never refreshed again',
              'new'),
             (0, 'go-ok-00-boxd-per-peer-helper-defers-cancel',
              'clean: a per-peer helper defers its cancel; the loop logs a failed refresh and continues', 'new'),
         ])


# ---------------------------------------------------------------- TMO-02 / TMO-03: query handler
PROMSCALE = r'''
// QueryHandler answers instant queries from the samples stored in PostgreSQL.
type QueryHandler struct {
    conn    pgxconn.PgxConn
    timeout time.Duration
}

func (h *QueryHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
    q := r.FormValue("query")
    ts, err := parseTime(r.FormValue("time"))
    if err != nil {
        http.Error(w, err.Error(), http.StatusBadRequest)
        return
    }
1|    ctx, cancel := context.WithTimeout(context.Background(), h.timeout) //@TMO-02
1|    defer cancel()
2|    ctx, _ := context.WithTimeout(r.Context(), h.timeout) //@TMO-03
0|    ctx, cancel := context.WithTimeout(r.Context(), h.timeout)
0|    defer cancel()
    rows, err := h.conn.Query(ctx, instantQuerySQL, q, ts)
    if err != nil {
        http.Error(w, "query failed", http.StatusServiceUnavailable)
        return
    }
    defer rows.Close()
    result, err := collectSamples(rows)
    if err != nil {
        http.Error(w, "reading samples failed", http.StatusServiceUnavailable)
        return
    }
    w.Header().Set("Content-Type", "application/json")
    writeJSON(w, result)
}
'''
cases_of(case, GH + 'timescale/promscale/pull/1610', 'pkg/api/query.go',
         G('api', ['context', 'net/http', 'time', 'github.com/timescale/promscale/pkg/pgxconn'])(PROMSCALE), [
             (1, 'go-00-promscale-query-timeout-derived-from-background',
              'an edit derives the query timeout from context.Background instead of the request context', 'edit'),
             (2, 'go-00-promscale-query-timeout-cancel-discarded',
              'the handler derives its query timeout from the request but throws the cancel function away', 'new'),
             (0, 'go-ok-00-promscale-query-timeout-from-request-cancelled',
              'clean: the timeout derives from the request context and its cancel is deferred', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / RES-02: streaming ksql client
KSQL = r'''
// Client talks to a ksqlDB server's REST API.
type Client struct {
    url  string
    http *http.Client
    log  *slog.Logger
}

// Query runs a pull query and returns its rows; the client's deadline bounds the whole call.
func (c *Client) Query(ctx context.Context, q string) ([]Row, error) {
    body, err := json.Marshal(queryRequest{KSQL: q, StreamsProperties: map[string]string{}})
    if err != nil {
        return nil, err
    }
2|    req, err := http.NewRequest(http.MethodPost, c.url+"/query", bytes.NewReader(body)) //@TMO-02
01|    req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url+"/query", bytes.NewReader(body))
    if err != nil {
        return nil, err
    }
    req.Header.Set("Content-Type", "application/vnd.ksql.v1+json")
1|    resp, err := c.http.Do(req) //@RES-02
02|    resp, err := c.http.Do(req)
    if err != nil {
        return nil, fmt.Errorf("ksql query: %w", err)
    }
02|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        var kerr ksqlError
        if json.NewDecoder(resp.Body).Decode(&kerr) == nil {
            return nil, &kerr
        }
        return nil, fmt.Errorf("ksql query: status %d", resp.StatusCode)
    }
    rows, err := decodeRows(resp.Body)
1|    resp.Body.Close()
    return rows, err
}
'''
cases_of(case, GH + 'Mongey/ksql/pull/1', 'ksql/query.go',
         G('ksql', ['bytes', 'context', 'encoding/json', 'fmt', 'log/slog', 'net/http'])(KSQL), [
             (1, 'go-00-ksql-query-error-status-leaves-body-open',
              'the query closes the body after decoding rows only; an error status returns with the body open', 'new'),
             (2, 'go-00-ksql-query-request-built-without-context',
              'an edit builds the request with http.NewRequest, so the caller\'s context never reaches the call', 'edit'),
             (0, 'go-ok-00-ksql-query-context-request-and-deferred-close',
              'clean: the request carries the context and the body is closed by a defer on every status', 'new'),
         ])


# ---------------------------------------------------------------- CONC-02 / CONC-06: parallel deploy
NUCLIO = r'''
// DeployAll deploys the functions of a project, a few at a time, and reports the first failure.
func (d *Deployer) DeployAll(ctx context.Context, functions []FunctionConfig) error {
    errGroup, ctx := errgroup.WithContext(ctx)
02|    errGroup.SetLimit(d.maxConcurrentDeploys)
    for _, fn := range functions {
        fn := fn
1|        errGroup.Go(func() error { //@CONC-02
02|        errGroup.Go(func() error {
            if err := d.platform.Deploy(ctx, fn); err != nil {
                return fmt.Errorf("deploy %s: %w", fn.Meta.Name, err)
            }
            d.log.Info("function deployed", "function", fn.Meta.Name)
            return nil
        })
    }
2|    errGroup.Wait() //@CONC-06
2|    return nil //@~ERR-01
01|    return errGroup.Wait()
}
'''
cases_of(case, GH + 'nuclio/nuclio/pull/2420', 'pkg/nuctl/command/deploy_all.go',
         G('command', ['context', 'fmt', 'golang.org/x/sync/errgroup'])(NUCLIO), [
             (1, 'go-00-nuclio-deploy-all-errgroup-without-limit',
              'an edit removes the errgroup limit: every function of a large project deploys at once', 'edit'),
             (2, 'go-00-nuclio-deploy-all-ignores-wait-error',
              'the deploy fan-out waits for its errgroup but drops its error and reports success', 'new'),
             (0, 'go-ok-00-nuclio-deploy-all-limited-and-checked',
              'clean: a limit on the errgroup and Wait\'s error returned', 'new'),
         ])


# ---------------------------------------------------------------- CONC-02: goroutine per peer message
LND = r'''
// inHandler reads messages from the peer and hands each to the message router.
func (p *Brontide) inHandler(ctx context.Context) {
    defer p.wg.Done()
0|    sem := make(chan struct{}, p.cfg.MaxPendingMessages)
    for {
        msg, err := p.readNextMessage()
        if err != nil {
            p.log.Info("peer read loop ends", "peer", p.PubKey(), "err", err)
            return
        }
1|        go p.route(ctx, msg) //@CONC-02|CONC-01
0|        select {
0|        case sem <- struct{}{}: // back-pressure: stop reading while the router is full
0|        case <-ctx.Done():
0|            return
0|        }
0|        p.wg.Add(1)
0|        go func() {
0|            defer p.wg.Done()
0|            defer func() { <-sem }()
0|            defer p.recoverRoute(msg)
0|            p.route(ctx, msg)
0|        }()
    }
}
0|
0|// recoverRoute turns a panic while routing one message into a logged, counted error and a disconnect of this peer.
0|func (p *Brontide) recoverRoute(msg Message) {
0|    if r := recover(); r != nil {
0|        routePanics.Inc()
0|        p.log.Error("panic routing message", "peer", p.PubKey(), "type", msg.MsgType(), "panic", r,
0|            "stack", string(debug.Stack()))
0|        p.Disconnect(fmt.Errorf("panic routing %v", msg.MsgType()))
0|    }
0|}
'''
cases_of(case, GH + 'lightningnetwork/lnd/issues/26', 'peer/brontide_in.go',
         G('peer', ['context', 'fmt', 'runtime/debug'])(LND), [
             (1, 'go-00-lnd-peer-reader-spawns-goroutine-per-message',
              'the peer read loop starts one goroutine per message it reads, with no bound and no recover', 'new'),
             (0, 'go-ok-00-lnd-peer-reader-bounded-by-semaphore',
              'clean: a semaphore channel bounds the routing goroutines, each of which recovers', 'new'),
         ])


# ---------------------------------------------------------------- RES-04 / ERR-01: redis-backed cache
DASHBRR = r'''
// RedisStore caches service health answers in Redis.
type RedisStore struct {
1|    opts *redis.Options
02|    client *redis.Client // one client (and one pool) for the process, closed in Close
    ttl  time.Duration
}

02|// NewRedisStore connects once at start-up.
02|func NewRedisStore(ctx context.Context, opts *redis.Options, ttl time.Duration) (*RedisStore, error) {
02|    client := redis.NewClient(opts)
02|    if err := client.Ping(ctx).Err(); err != nil {
02|        client.Close()
02|        return nil, fmt.Errorf("redis ping: %w", err)
02|    }
02|    return &RedisStore{client: client, ttl: ttl}, nil
02|}

// Get reads a cached value into v; a miss is ErrCacheMiss.
func (s *RedisStore) Get(ctx context.Context, key string, v any) error {
1|    client := redis.NewClient(s.opts) //@RES-04
1|    data, err := client.Get(ctx, key).Bytes() //@~RES-01
2|    data, _ := s.client.Get(ctx, key).Bytes() //@ERR-01
0|    data, err := s.client.Get(ctx, key).Bytes()
01|    if errors.Is(err, redis.Nil) {
01|        return ErrCacheMiss
01|    }
01|    if err != nil {
01|        return fmt.Errorf("redis get %s: %w", key, err)
01|    }
    return json.Unmarshal(data, v)
}

// Close releases the connection pool.
func (s *RedisStore) Close() error {
02|    return s.client.Close()
1|    return nil
}
'''
cases_of(case, GH + 'autobrr/dashbrr/pull/44', 'internal/services/cache/redis.go',
         G('cache', ['context', 'encoding/json', 'errors', 'fmt', 'time', 'github.com/redis/go-redis/v9'])(DASHBRR), [
             (1, 'go-00-dashbrr-cache-get-opens-redis-client-per-call',
              'every cache read builds a new Redis client (a pool with its own goroutines) and never closes it', 'new'),
             (2, 'go-00-dashbrr-cache-get-discards-redis-error',
              'an edit drops the error of the Redis read, so a miss or an outage decodes empty bytes', 'edit'),
             (0, 'go-ok-00-dashbrr-cache-one-client-from-startup',
              'clean: one Redis client built and pinged at start-up, errors and misses checked on every read', 'new'),
         ])


# ---------------------------------------------------------------- RES-01: redis master probe
BEETLE = r'''
// currentRole asks one Redis server for its replication role; the configuration client polls every server.
func currentRole(ctx context.Context, addr string, timeout time.Duration) (string, error) {
    d := net.Dialer{Timeout: timeout}
1|    conn, err := d.DialContext(ctx, "tcp", addr) //@RES-01
0|    conn, err := d.DialContext(ctx, "tcp", addr)
    if err != nil {
        return "", fmt.Errorf("dial %s: %w", addr, err)
    }
0|    defer conn.Close()
    if err := conn.SetDeadline(time.Now().Add(timeout)); err != nil {
        return "", err
    }
    if _, err := conn.Write([]byte("*1\r\n$4\r\nROLE\r\n")); err != nil {
        return "", fmt.Errorf("ROLE to %s: %w", addr, err)
    }
    role, err := readRole(bufio.NewReader(conn))
    if err != nil {
        return "", fmt.Errorf("ROLE reply of %s: %w", addr, err)
    }
1|    conn.Close()
    return role, nil
}
'''
cases_of(case, GH + 'xing/beetle/pull/72', 'go/role.go',
         G('beetle', ['bufio', 'context', 'fmt', 'net', 'time'])(BEETLE), [
             (1, 'go-00-beetle-role-probe-closes-only-on-success',
              'a role probe dials a Redis server and closes the connection only after a good reply', 'new'),
             (0, 'go-ok-00-beetle-role-probe-defers-close',
              'clean: the probe defers the close right after the dial succeeded', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / TMO-03: gRPC telemetry client
CAPSULE = r'''
// NewTelemetryClient connects to the sensor's telemetry service; the connection is shared by every subscription
// and closed by Close.
func NewTelemetryClient(ctx context.Context, addr string, creds credentials.TransportCredentials) (*TelemetryClient, error) {
1|    conn, err := grpc.DialContext(context.Background(), addr, grpc.WithTransportCredentials(creds), grpc.WithBlock()) //@TMO-01
2|    dialCtx, _ := context.WithTimeout(ctx, dialTimeout) //@TMO-03
2|    conn, err := grpc.DialContext(dialCtx, addr, grpc.WithTransportCredentials(creds), grpc.WithBlock())
0|    dialCtx, cancel := context.WithTimeout(ctx, dialTimeout)
0|    defer cancel()
0|    conn, err := grpc.DialContext(dialCtx, addr, grpc.WithTransportCredentials(creds), grpc.WithBlock())
    if err != nil {
        return nil, fmt.Errorf("dial telemetry service %s: %w", addr, err)
    }
    return &TelemetryClient{conn: conn, api: api.NewTelemetryServiceClient(conn)}, nil
}

// Close closes the shared connection.
func (c *TelemetryClient) Close() error {
    return c.conn.Close()
}
'''
cases_of(case, GH + 'capsule8/capsule8/pull/136', 'pkg/client/telemetry.go',
         G('client', ['context', 'fmt', 'time', 'google.golang.org/grpc', 'google.golang.org/grpc/credentials',
                      'github.com/capsule8/capsule8/api/v0'])(CAPSULE), [
             (1, 'go-00-capsule8-blocking-dial-without-deadline',
              'a blocking gRPC dial on context.Background: an unreachable sensor hangs the caller forever', 'new'),
             (2, 'go-00-capsule8-dial-timeout-cancel-discarded',
              'the dial gets a timeout but its cancel function is assigned to _', 'new'),
             (0, 'go-ok-00-capsule8-dial-with-timeout-and-cancel',
              'clean: a blocking dial bounded by a timeout whose cancel is deferred', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-01 / LOG-02: trace receiver
RECEIVER = r'''
// handleTraces decodes a payload of traces and queues the valid ones for the concentrator.
func (r *HTTPReceiver) handleTraces(w http.ResponseWriter, req *http.Request) {
    traces, err := decodeTraces(req)
    if err != nil {
        r.log.Warn("cannot decode traces payload", "err", err, "content_type", req.Header.Get("Content-Type"))
        http.Error(w, "bad payload", http.StatusBadRequest)
        return
    }
0|    dropped := 0
    for _, trace := range traces {
        if err := normalizeTrace(trace); err != nil {
1|            r.log.Error("dropping invalid trace", "trace", trace, "err", err) //@LOG-01
0|            dropped++
0|            r.invalidLog.Do(func() { r.log.Warn("dropping invalid trace", "trace_id", trace.TraceID(), "err", err) })
            continue
        }
2|        r.log.Debug(fmt.Sprintf("accepted trace %+v", trace)) //@LOG-02|LOG-01
        r.out <- trace
    }
0|    if dropped > 0 {
0|        r.stats.TracesDropped.Add(int64(dropped))
0|    }
    w.WriteHeader(http.StatusOK)
}
'''
cases_of(case, GH + 'DataDog/datadog-trace-agent/pull/146', 'receiver/traces.go',
         G('receiver', ['fmt', 'net/http'])(RECEIVER), [
             (1, 'go-00-trace-agent-receiver-logs-every-invalid-trace',
              'the receiver logs an error line with the whole trace for every invalid trace of a payload', 'new'),
             (2, 'go-00-trace-agent-receiver-debug-formats-every-trace',
              'an edit adds a debug line built with fmt.Sprintf for every accepted trace', 'edit'),
             (0, 'go-ok-00-trace-agent-receiver-counts-and-samples-invalid-traces',
              'clean: invalid traces are counted, their log line sampled, one counter updated per payload', 'new'),
         ])


# ---------------------------------------------------------------- RES-03: rows per board
DFORUM = r'''
// UnreadCounts returns, per board, the number of threads the user has not read yet.
func (d *Database) UnreadCounts(ctx context.Context, userID int64, boards []Board) (map[int64]int, error) {
    counts := make(map[int64]int, len(boards))
    for _, b := range boards {
1|        rows, err := d.db.QueryContext(ctx, unreadThreadsSQL, b.ID, userID)
1|        if err != nil {
1|            return nil, fmt.Errorf("unread threads of board %d: %w", b.ID, err)
1|        }
1|        defer rows.Close() //@RES-03
1|        n := 0
1|        for rows.Next() {
1|            n++
1|        }
1|        if err := rows.Err(); err != nil {
1|            return nil, err
1|        }
0|        n, err := d.unreadIn(ctx, b.ID, userID)
0|        if err != nil {
0|            return nil, err
0|        }
        counts[b.ID] = n
    }
    return counts, nil
}
0|
0|func (d *Database) unreadIn(ctx context.Context, boardID, userID int64) (int, error) {
0|    rows, err := d.db.QueryContext(ctx, unreadThreadsSQL, boardID, userID)
0|    if err != nil {
0|        return 0, fmt.Errorf("unread threads of board %d: %w", boardID, err)
0|    }
0|    defer rows.Close() // released when this board is counted, not at the end of the loop
0|    n := 0
0|    for rows.Next() {
0|        n++
0|    }
0|    return n, rows.Err()
0|}
'''
cases_of(case, GH + 'IoIxD/dforum/pull/87', 'database/unread.go',
         G('database', ['context', 'fmt'])(DFORUM), [
             (1, 'go-00-dforum-unread-counts-defer-rows-close-per-board',
              'a loop over boards defers each query\'s rows.Close: one pooled connection held per board until the end',
              'new'),
             (0, 'go-ok-00-dforum-unread-counts-one-helper-per-board',
              'clean: a helper per board whose defer releases the rows before the next board', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / RES-04: fruits handler
FRUITS = r'''
// App serves the chart data of the template.
type App struct {
01|    db *sql.DB // opened once in main, closed on shutdown
2|    dsn string
}

// fruits returns the fruit rows charted by the page.
func (a *App) fruits(w http.ResponseWriter, r *http.Request) {
2|    db, err := sql.Open("mysql", a.dsn) //@RES-04
2|    if err != nil {
2|        http.Error(w, "database unavailable", http.StatusServiceUnavailable)
2|        return
2|    }
2|    rows, err := db.QueryContext(r.Context(), "SELECT name, value FROM fruits") //@~RES-01
1|    rows, err := a.db.QueryContext(r.Context(), "SELECT name, value FROM fruits") //@RES-01
0|    rows, err := a.db.QueryContext(r.Context(), "SELECT name, value FROM fruits")
    if err != nil {
        http.Error(w, "query failed", http.StatusInternalServerError)
        return
    }
02|    defer rows.Close()
    var data []Fruit
    for rows.Next() {
        var fr Fruit
        if err := rows.Scan(&fr.Name, &fr.Value); err != nil {
            http.Error(w, "scan failed", http.StatusInternalServerError)
            return
        }
        data = append(data, fr)
    }
    w.Header().Set("Content-Type", "application/json")
    if err := json.NewEncoder(w).Encode(data); err != nil {
        log.Printf("encode fruits: %v", err)
    }
}
'''
cases_of(case, GH + 'anychart-integrations/golang-http-mysql-template/issues/2', 'handlers.go',
         G('main', ['database/sql', 'encoding/json', 'log', 'net/http'])(FRUITS), [
             (1, 'go-00-anychart-fruits-rows-never-closed',
              'a chart handler reads its rows without closing them; a scan error returns with the connection taken', 'new'),
             (2, 'go-00-anychart-fruits-opens-database-per-request',
              'the handler opens a new database pool on every request and never closes it', 'new'),
             (0, 'go-ok-00-anychart-fruits-shared-db-rows-closed',
              'clean: the pool opened once in main, the rows closed by a defer', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03: LRU read path
CAYLEY = r'''
// lru is a fixed-size cache of quad values; Get moves the entry to the front.
type lru struct {
1|    mu       sync.RWMutex
0|    mu       sync.Mutex // Get reorders the list, so reads need the exclusive lock too
    cache    map[string]*list.Element
    priority *list.List
    maxSize  int
}

// Put adds or replaces a value, evicting the least recently used one when full.
func (l *lru) Put(key string, value any) {
    l.mu.Lock()
    defer l.mu.Unlock()
    if e, ok := l.cache[key]; ok {
        e.Value.(*kv).value = value
        l.priority.MoveToFront(e)
        return
    }
    if l.priority.Len() >= l.maxSize {
        oldest := l.priority.Back()
        delete(l.cache, oldest.Value.(*kv).key)
        l.priority.Remove(oldest)
    }
    l.cache[key] = l.priority.PushFront(&kv{key: key, value: value})
}

// Get returns a value and marks it recently used.
func (l *lru) Get(key string) (any, bool) {
1|    l.mu.RLock()
1|    defer l.mu.RUnlock()
0|    l.mu.Lock()
0|    defer l.mu.Unlock()
    e, ok := l.cache[key]
    if !ok {
        return nil, false
    }
1|    l.priority.MoveToFront(e) //@CONC-03
0|    l.priority.MoveToFront(e)
    return e.Value.(*kv).value, true
}
'''
cases_of(case, GH + 'cayleygraph/cayley/pull/380', 'graph/mongo/lru.go',
         G('mongo', ['container/list', 'sync'])(CAYLEY), [
             (1, 'go-00-cayley-lru-get-reorders-under-read-lock',
              'an LRU Get moves the entry to the front while holding only the read lock: concurrent Gets race on the list',
              'new'),
             (0, 'go-ok-00-cayley-lru-get-takes-exclusive-lock',
              'clean: Get takes the exclusive lock because it writes the list', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03: mutex copied by a value receiver
LIBAUDIT = r'''
// Reassembler joins the records of one audit event; its caches are shared by the stream goroutines.
type eventCache struct {
    mu     sync.Mutex
    events map[int]*event
}

1|// add stores a record in the event it belongs to.
1|func (c eventCache) add(seq int, rec *AuditMessage) { //@CONC-03
0|// add stores a record in the event it belongs to; a pointer receiver so every caller locks the same mutex.
0|func (c *eventCache) add(seq int, rec *AuditMessage) {
    c.mu.Lock()
    defer c.mu.Unlock()
    ev, ok := c.events[seq]
    if !ok {
        ev = &event{seq: seq}
        c.events[seq] = ev
    }
    ev.msgs = append(ev.msgs, rec)
}

// take removes and returns the complete events.
func (c *eventCache) take(complete func(*event) bool) []*event {
    c.mu.Lock()
    defer c.mu.Unlock()
    var out []*event
    for seq, ev := range c.events {
        if complete(ev) {
            out = append(out, ev)
            delete(c.events, seq)
        }
    }
    return out
}
'''
cases_of(case, GH + 'elastic/go-libaudit/pull/45', 'reassembler.go',
         G('libaudit', ['sync'])(LIBAUDIT), [
             (1, 'go-00-libaudit-event-cache-value-receiver-copies-lock',
              'a value receiver copies the cache\'s mutex, so concurrent adds each lock their own copy of it', 'new'),
             (0, 'go-ok-00-libaudit-event-cache-pointer-receiver',
              'clean: a pointer receiver, one mutex for every caller', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01: generic transaction helper
TXFUNC = r'''
// InTx runs fn in a transaction and returns its result; the transaction is committed when fn succeeds.
func InTx[T any](ctx context.Context, db *sql.DB, fn func(*sql.Tx) (T, error)) (T, error) {
    var zero T
1|    tx, err := db.BeginTx(ctx, nil) //@TX-01
0|    tx, err := db.BeginTx(ctx, nil)
    if err != nil {
        return zero, fmt.Errorf("begin: %w", err)
    }
0|    defer tx.Rollback() // no-op after a successful Commit
    v, err := fn(tx)
    if err != nil {
        return zero, err
    }
    if err := tx.Commit(); err != nil {
        return zero, fmt.Errorf("commit: %w", err)
    }
    return v, nil
}

// Reserve books a seat in a transaction.
func (s *Store) Reserve(ctx context.Context, show, seat string) (Booking, error) {
    return InTx(ctx, s.db, func(tx *sql.Tx) (Booking, error) {
        var b Booking
        err := tx.QueryRowContext(ctx, reserveSeatSQL, show, seat).Scan(&b.ID, &b.Show, &b.Seat)
        return b, err
    })
}
'''
cases_of(case, GH + 'pashagolub/pgxmock/pull/38', 'store/tx.go',
         G('store', ['context', 'database/sql', 'fmt'])(TXFUNC), [
             (1, 'go-00-pgxmock-generic-tx-helper-returns-without-rollback',
              'a generic transaction helper returns fn\'s error without rolling back; the seat row stays locked', 'new'),
             (0, 'go-ok-00-pgxmock-generic-tx-helper-defers-rollback',
              'clean: the generic helper defers Rollback after BeginTx and returns Commit\'s error', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02: stargazer pages (clean look-alikes)
STARS = r'''
// Stargazers fetches every page of a repository's stargazers, at most limit pages at a time.
func (gh *GitHub) Stargazers(ctx context.Context, repo Repository, limit int) ([]Stargazer, error) {
    pages := repo.StargazersCount/gh.pageSize + 1
    result := make([][]Stargazer, pages)
    g, ctx := errgroup.WithContext(ctx)
    g.SetLimit(limit)
    for page := 1; page <= pages; page++ {
        page := page
        g.Go(func() error {
            stars, err := gh.stargazersPage(ctx, repo, page)
            if err != nil {
                return fmt.Errorf("stargazers of %s page %d: %w", repo.FullName, page, err)
            }
            result[page-1] = stars // each task writes its own index: no lock needed
            return nil
        })
    }
    if err := g.Wait(); err != nil {
        return nil, err
    }
    var all []Stargazer
    for _, s := range result {
        all = append(all, s...)
    }
    return all, nil
}
'''
case('go-ok-00-starcharts-stargazer-pages-errgroup-with-limit', GH + 'caarlos0/starcharts/pull/168',
     'clean: stargazer pages fetched through an errgroup with a limit, each task writing its own slice index',
     files=[f('internal/github/stars.go', new=go('github', ['context', 'fmt', 'golang.org/x/sync/errgroup'],
                                                  STARS))])

HOLOS = r'''
// buildAll renders every component of the platform, concurrency components at a time.
func buildAll(ctx context.Context, components []Component, concurrency int) ([]Result, error) {
    results := make([]Result, len(components))
    g, ctx := errgroup.WithContext(ctx)
    g.SetLimit(concurrency)
    for i, c := range components {
        i, c := i, c
        g.Go(func() error {
            r, err := c.Render(ctx)
            if err != nil {
                return fmt.Errorf("render %s: %w", c.Name, err)
            }
            results[i] = r
            return nil
        })
    }
    return results, g.Wait()
}
'''
case('go-ok-00-holos-render-components-errgroup-set-limit', GH + 'holos-run/holos/pull/183',
     'edit: a hand-made channel semaphore replaced by errgroup.SetLimit; every task result written to its own slot',
     files=[f('internal/render/build.go', old=go('render', ['context', 'fmt', 'golang.org/x/sync/errgroup'], r'''
// buildAll renders every component of the platform, concurrency components at a time.
func buildAll(ctx context.Context, components []Component, concurrency int) ([]Result, error) {
    results := make([]Result, len(components))
    sem := make(chan struct{}, concurrency)
    g, ctx := errgroup.WithContext(ctx)
    for i, c := range components {
        i, c := i, c
        sem <- struct{}{}
        g.Go(func() error {
            defer func() { <-sem }()
            r, err := c.Render(ctx)
            if err != nil {
                return fmt.Errorf("render %s: %w", c.Name, err)
            }
            results[i] = r
            return nil
        })
    }
    return results, g.Wait()
}
'''), new=go('render', ['context', 'fmt', 'golang.org/x/sync/errgroup'], HOLOS))])


# ---------------------------------------------------------------- start-up code and CRLF (clean)
case('go-ok-00-dashbrr-main-opens-pool-once-crlf', GH + 'autobrr/dashbrr/pull/44',
     'clean: main opens the database and Redis once, closes both on shutdown (a CRLF file)',
     files=[f('cmd/dashbrr/main.go', crlf=True, new=go('main', ['context', 'database/sql', 'log/slog', 'os',
                                                                'os/signal', 'syscall', 'time'], r'''
func main() {
    ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
    defer stop()

    db, err := sql.Open("pgx", os.Getenv("DASHBRR_DSN"))
    if err != nil {
        slog.Error("open database", "err", err)
        os.Exit(1)
    }
    defer db.Close()
    db.SetMaxOpenConns(10)
    db.SetConnMaxLifetime(30 * time.Minute)

    startCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
    defer cancel()
    cache, err := newCache(startCtx)
    if err != nil {
        slog.Error("connect cache", "err", err)
        os.Exit(1)
    }
    defer cache.Close()

    if err := run(ctx, db, cache); err != nil {
        slog.Error("server stopped", "err", err)
    }
}
'''))])


# Written but left out to keep 60 cases a language, about two thirds of them defects (near repeats of an item
# or of a clean shape already in the round); listed so that the choice is visible.
DROPPED = set('''
go-00-beetle-role-probe-closes-only-on-success
go-ok-00-beetle-role-probe-defers-close
go-00-gwp-recent-posts-never-close-rows
go-00-libaudit-event-cache-value-receiver-copies-lock
go-ok-00-libaudit-event-cache-pointer-receiver
go-00-cayley-lru-get-reorders-under-read-lock
go-ok-00-cayley-lru-get-takes-exclusive-lock
go-00-mig-agent-search-debug-logs-every-row
go-00-nuon-pool-stats-counts-backends-with-background-context
go-00-capsule8-dial-timeout-cancel-discarded
go-00-depshub-fetch-one-task-per-dependency-without-limit
go-00-gola-generic-query-closes-rows-after-the-loop
go-ok-00-aspiratv-show-pages-one-helper-per-page
go-ok-00-gwp-recent-posts-request-context-and-rows-closed
go-ok-00-gola-generic-query-defers-close-after-check
go-ok-00-nuon-pool-stats-defers-release
go-ok-00-formbricks-tenant-purge-deferred-rollback
go-ok-00-krakend-generic-store-locks-check-and-insert
go-ok-00-ksql-query-context-request-and-deferred-close
go-ok-00-nuclio-deploy-all-limited-and-checked
'''.split())
CASES[:] = [c for c in CASES if c['name'] not in DROPPED]
numbered(CASES, 'go')

# Added after run 1 (see RESULTS.md): a finding of run 1 on a defect the case's code really has and its label did not
# name. The case's code and expectations are unchanged; the finding is then neither right nor wrong.
ACCEPT_AFTER_RUN_1 = {
    # NewTelemetryClient is given ctx and dials with context.Background: the caller's deadline is dropped (TMO-02).
    'go-34-capsule8-blocking-dial-without-deadline': [('pkg/client/telemetry.go', 15, 'TMO-02')],
}
for c in CASES:
    if c['name'] in ACCEPT_AFTER_RUN_1:
        c['accept'] = c.get('accept', []) + ACCEPT_AFTER_RUN_1[c['name']]
