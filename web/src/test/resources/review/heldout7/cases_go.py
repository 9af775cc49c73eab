"""Round-7 Go cases (authored for this corpus; see SOURCES.md). //@ITEM markers are stripped by make_cases.py.

Code is written here with four-space indentation and turned into tabs (as gofmt writes Go) by `tabs`."""
import re


def tabs(text):
    out = []
    for line in text.split('\n'):
        m = re.match(r'^((?:    )+)', line)
        out.append('\t' * (len(m.group(1)) // 4) + line[len(m.group(1)):] if m else line)
    return '\n'.join(out)


def gofile(pkg, imports, body, header=''):
    imp = ''
    for i in imports:
        if i == '':
            imp += '\n'
        elif ' ' in i:
            alias, path = i.split(' ', 1)
            imp += '\t%s "%s"\n' % (alias, path)
        else:
            imp += '\t"%s"\n' % i
    return header + 'package %s\n\nimport (\n%s)\n\n' % (pkg, imp) + tabs(body.strip('\n')) + '\n'


def f(path, **kw):
    d = {'path': path}
    d.update(kw)
    return d


CASES = []


def case(name, source, desc, **kw):
    d = {'name': name, 'source': source, 'desc': desc}
    d.update(kw)
    CASES.append(d)


GOMOD = '''module example.com/%s

go %s

require (
%s)
'''


def gomod(name, version, reqs):
    return GOMOD % (name, version, ''.join('\t%s\n' % r for r in reqs))


# ===================================================================== RES-02: HTTP response bodies
LIBRATO_OLD = r'''
type Reporter struct {
    client   *http.Client
    endpoint string
    user     string
    token    string
}

func NewReporter(endpoint, user, token string) *Reporter {
    return &Reporter{client: &http.Client{Timeout: 10 * time.Second}, endpoint: endpoint, user: user, token: token}
}

// Submit posts one batch of gauges and counters.
func (r *Reporter) Submit(batch Batch) error {
    payload, err := json.Marshal(batch)
    if err != nil {
        return fmt.Errorf("encode batch: %w", err)
    }
    req, err := http.NewRequest(http.MethodPost, r.endpoint+"/v1/metrics", bytes.NewReader(payload))
    if err != nil {
        return err
    }
    req.SetBasicAuth(r.user, r.token)
    req.Header.Set("Content-Type", "application/json")
    return r.send(req)
}
'''
LIBRATO_NEW = LIBRATO_OLD.replace('''    return r.send(req)
}
''', '''    return r.send(req)
}

func (r *Reporter) send(req *http.Request) error {
    resp, err := r.client.Do(req) //@RES-02
    if err != nil {
        return fmt.Errorf("submit metrics: %w", err)
    }
    if resp.StatusCode/100 != 2 {
        return fmt.Errorf("submit metrics: status %d", resp.StatusCode)
    }
    return nil
}
''')
LIBRATO_OLD = LIBRATO_OLD.replace('''    return r.send(req)
}
''', '''    return r.send(req)
}

func (r *Reporter) send(req *http.Request) error {
    return errors.New("not implemented")
}
''')
case('go-01-metrics-reporter-send-checks-status-keeps-body', 'https://github.com/mihasya/go-metrics-librato/pull/7',
     'the metrics reporter gets its send step; it checks the status code and returns without closing (or draining) the response body on any path',
     files=[f('librato/reporter.go',
              old=gofile('librato', ['bytes', 'encoding/json', 'errors', 'fmt', 'net/http', 'time'], LIBRATO_OLD),
              new=gofile('librato', ['bytes', 'encoding/json', 'fmt', 'net/http', 'time'], LIBRATO_NEW))])

case('go-02-store-client-fetch-helper-returns-body-to-caller', 'https://github.com/buchgr/bazel-remote/pull/13',
     'a cache proxy adds an upstream fetch helper (new file) that returns the open *http.Response; the handler copies the body to the client and never closes it',
     files=[
         f('proxy/upstream.go', new=gofile('proxy', ['context', 'fmt', 'net/http'], r'''
// fetch asks the upstream cache for one blob. The caller owns the response.
func (p *Proxy) fetch(ctx context.Context, kind, hash string) (*http.Response, error) {
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, fmt.Sprintf("%s/%s/%s", p.upstream, kind, hash), nil)
    if err != nil {
        return nil, err
    }
    return p.client.Do(req)
}
''')),
         f('proxy/handler.go', new=gofile('proxy', ['io', 'net/http', 'strings'], r'''
func (p *Proxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
    parts := strings.SplitN(strings.TrimPrefix(r.URL.Path, "/"), "/", 2)
    if len(parts) != 2 {
        http.Error(w, "bad path", http.StatusBadRequest)
        return
    }
    resp, err := p.fetch(r.Context(), parts[0], parts[1]) //@RES-02
    if err != nil {
        http.Error(w, err.Error(), http.StatusBadGateway)
        return
    }
    if resp.StatusCode == http.StatusNotFound {
        http.NotFound(w, r)
        return
    }
    w.Header().Set("Content-Length", resp.Header.Get("Content-Length"))
    if _, err := io.Copy(w, resp.Body); err != nil {
        p.log.Printf("copy %s: %v", r.URL.Path, err)
    }
}
''')),
     ])

# ===================================================================== RES-01: rows, statements, connections
SQLX_BODY_OLD = r'''
type Store struct {
    db *sqlx.DB
}

type DailyTotal struct {
    Day    time.Time `db:"day"`
    Orders int       `db:"orders"`
    Amount int64     `db:"amount"`
}

// Totals sums orders per day in the range.
func (s *Store) Totals(ctx context.Context, from, to time.Time) ([]DailyTotal, error) {
    var out []DailyTotal
    err := s.db.SelectContext(ctx, &out, totalsQuery, from, to)
    return out, err
}
'''
SQLX_BODY_NEW = SQLX_BODY_OLD.replace('''// Totals sums orders per day in the range.
func (s *Store) Totals(ctx context.Context, from, to time.Time) ([]DailyTotal, error) {
    var out []DailyTotal
    err := s.db.SelectContext(ctx, &out, totalsQuery, from, to)
    return out, err
}''', '''// Totals sums orders per day in the range, skipping days below the floor.
func (s *Store) Totals(ctx context.Context, from, to time.Time, floor int64) ([]DailyTotal, error) {
    rows, err := s.db.QueryxContext(ctx, totalsQuery, from, to) //@RES-01
    if err != nil {
        return nil, err
    }
    var out []DailyTotal
    for rows.Next() {
        var t DailyTotal
        if err := rows.StructScan(&t); err != nil {
            return nil, fmt.Errorf("scan total: %w", err)
        }
        if t.Amount < floor {
            continue
        }
        out = append(out, t)
    }
    return out, rows.Err()
}''')
case('go-03-report-store-sqlx-rows-returned-without-close', 'https://github.com/jmoiron/sqlx/pull/846',
     'a report query moves from SelectContext to a QueryxContext loop that filters rows; rows are never closed and a scan error returns with the connection still checked out',
     files=[f('report/store.go', old=gofile('report', ['context', 'time', '', 'github.com/jmoiron/sqlx'], SQLX_BODY_OLD),
              new=gofile('report', ['context', 'fmt', 'time', '', 'github.com/jmoiron/sqlx'], SQLX_BODY_NEW))])

INVENTORY_OLD = r'''
// LoadCharacter reads a character and everything the login screen shows about it.
func LoadCharacter(ctx context.Context, db *sql.DB, id int64) (*Character, error) {
    c := &Character{ID: id}
    err := db.QueryRowContext(ctx,
        "SELECT name, job, level, exp, mesos, map_id FROM characters WHERE id = ?", id).
        Scan(&c.Name, &c.Job, &c.Level, &c.Exp, &c.Mesos, &c.MapID)
    if err != nil {
        return nil, fmt.Errorf("character %d: %w", id, err)
    }

    skills, err := db.QueryContext(ctx, "SELECT skill_id, level FROM skills WHERE character_id = ?", id)
    if err != nil {
        return nil, fmt.Errorf("skills of %d: %w", id, err)
    }
    defer skills.Close()
    for skills.Next() {
        var s Skill
        if err := skills.Scan(&s.ID, &s.Level); err != nil {
            return nil, err
        }
        c.Skills = append(c.Skills, s)
    }
    if err := skills.Err(); err != nil {
        return nil, err
    }

    c.Buddies, err = loadBuddies(ctx, db, id)
    if err != nil {
        return nil, err
    }
    return c, nil
}
'''
INVENTORY_NEW = INVENTORY_OLD.replace('''    c.Buddies, err = loadBuddies(ctx, db, id)''', '''    items, err := db.QueryContext(ctx, "SELECT slot, item_id, amount FROM inventory WHERE character_id = ?", id) //@RES-01
    if err != nil {
        return nil, fmt.Errorf("inventory of %d: %w", id, err)
    }
    for items.Next() {
        var it Item
        if err := items.Scan(&it.Slot, &it.ID, &it.Amount); err != nil {
            return nil, err
        }
        c.Inventory = append(c.Inventory, it)
    }

    c.Buddies, err = loadBuddies(ctx, db, id)''')
case('go-04-character-loader-inventory-rows-inside-long-function', 'https://github.com/Hucaru/Valhalla/pull/82',
     'an existing long loader (skills rows closed by defer, in context) gains an inventory query; the new rows are neither deferred nor closed, and a scan error returns early',
     files=[f('game/character.go', old=gofile('game', ['context', 'database/sql', 'fmt'], INVENTORY_OLD),
              new=gofile('game', ['context', 'database/sql', 'fmt'], INVENTORY_NEW))])

case('go-05-chat-history-pgx-rows-not-closed', 'https://github.com/chakchat/chakchat-backend/pull/213',
     'a new repository method lists a chat\'s messages with pgxpool; pgx rows are never closed, which pins the pooled connection until the pool runs dry',
     files=[f('internal/storage/messages.go', new=gofile('storage', ['context', 'time', '', 'github.com/jackc/pgx/v5/pgxpool'], r'''
type MessageRepo struct {
    pool *pgxpool.Pool
}

type Message struct {
    ID     int64
    ChatID int64
    Author string
    Body   string
    SentAt time.Time
}

func (r *MessageRepo) Page(ctx context.Context, chatID int64, before time.Time, limit int) ([]Message, error) {
    rows, err := r.pool.Query(ctx, `SELECT id, chat_id, author, body, sent_at FROM messages //@RES-01
        WHERE chat_id = $1 AND sent_at < $2 ORDER BY sent_at DESC LIMIT $3`, chatID, before, limit)
    if err != nil {
        return nil, err
    }
    page := make([]Message, 0, limit)
    for rows.Next() {
        var m Message
        if err := rows.Scan(&m.ID, &m.ChatID, &m.Author, &m.Body, &m.SentAt); err != nil {
            return nil, err
        }
        page = append(page, m)
    }
    return page, rows.Err()
}
'''))])

case('go-06-cache-wrapper-redigo-conn-never-closed', 'https://github.com/revel/revel/pull/585',
     'a redis cache wrapper built on a redigo pool takes a connection per Get/Set and never closes it, so the pool is exhausted after MaxActive calls',
     files=[f('cache/redis.go', new=gofile('cache', ['time', '', 'github.com/gomodule/redigo/redis'], r'''
type RedisCache struct {
    pool       *redis.Pool
    defaultTTL time.Duration
}

func (c *RedisCache) Get(key string) ([]byte, error) {
    conn := c.pool.Get() //@RES-01
    raw, err := redis.Bytes(conn.Do("GET", key))
    if err == redis.ErrNil {
        return nil, ErrCacheMiss
    }
    return raw, err
}

func (c *RedisCache) Set(key string, value []byte, ttl time.Duration) error {
    if ttl <= 0 {
        ttl = c.defaultTTL
    }
    conn := c.pool.Get() //@RES-01
    _, err := conn.Do("SET", key, value, "PX", ttl.Milliseconds())
    return err
}
'''))])

case('go-07-stream-processor-topic-manager-not-closed', 'https://github.com/lovoo/goka/pull/469',
     'the processor\'s Run builds a topic manager (a sarama client underneath) to check its tables and never closes it; each restart of Run leaks its goroutines and connections',
     files=[f('processor/run.go', new=gofile('processor', ['context', 'fmt', '', 'github.com/IBM/sarama'], r'''
func (p *Processor) Run(ctx context.Context) error {
    client, err := sarama.NewClient(p.brokers, p.saramaConfig) //@RES-01
    if err != nil {
        return fmt.Errorf("kafka client: %w", err)
    }
    topics, err := client.Topics()
    if err != nil {
        return fmt.Errorf("list topics: %w", err)
    }
    if err := p.checkTables(topics); err != nil {
        return err
    }
    return p.consume(ctx)
}
'''))])

case('go-08-generic-query-helper-rows-leak-on-scan-error', 'https://github.com/Hucaru/Valhalla/pull/82',
     'a generic QueryAll[T] helper (Go 1.21 generics) defers nothing: rows are closed only after the loop, so a scan error or a mapper error returns with the rows open',
     files=[
         f('go.mod', old=gomod('ledger', '1.20', ['github.com/lib/pq v1.10.9']), new=gomod('ledger', '1.21', ['github.com/lib/pq v1.10.9'])),
         f('dbutil/query.go', new=gofile('dbutil', ['context', 'database/sql'], r'''
// QueryAll runs q and maps every row with scan.
func QueryAll[T any](ctx context.Context, db *sql.DB, q string, scan func(*sql.Rows) (T, error), args ...any) ([]T, error) {
    rows, err := db.QueryContext(ctx, q, args...) //@RES-01
    if err != nil {
        return nil, err
    }
    var out []T
    for rows.Next() {
        v, err := scan(rows)
        if err != nil {
            return nil, err
        }
        out = append(out, v)
    }
    if err := rows.Err(); err != nil {
        return nil, err
    }
    rows.Close()
    return out, nil
}
''')),
     ])

case('go-ok-01-generic-query-helper-defers-close', 'https://github.com/Hucaru/Valhalla/pull/82',
     'clean: the same generic helper shape with defer rows.Close() right after the error check',
     files=[f('dbutil/query.go', new=gofile('dbutil', ['context', 'database/sql'], r'''
// QueryAll runs q and maps every row with scan.
func QueryAll[T any](ctx context.Context, db *sql.DB, q string, scan func(*sql.Rows) (T, error), args ...any) ([]T, error) {
    rows, err := db.QueryContext(ctx, q, args...)
    if err != nil {
        return nil, err
    }
    defer rows.Close()
    var out []T
    for rows.Next() {
        v, err := scan(rows)
        if err != nil {
            return nil, err
        }
        out = append(out, v)
    }
    return out, rows.Err()
}
'''))])

case('go-ok-02-rows-closed-by-shared-helper', 'https://github.com/Hucaru/Valhalla/pull/82',
     'clean: rows are handed to a helper in another file of the change that scans and closes them (defer inside the helper); the caller never closes them itself',
     files=[
         f('game/scan.go', new=gofile('game', ['database/sql'], r'''
// scanItems reads every row into items and always closes rows.
func scanItems(rows *sql.Rows) ([]Item, error) {
    defer rows.Close()
    var items []Item
    for rows.Next() {
        var it Item
        if err := rows.Scan(&it.Slot, &it.ID, &it.Amount); err != nil {
            return nil, err
        }
        items = append(items, it)
    }
    return items, rows.Err()
}
''')),
         f('game/storage.go', new=gofile('game', ['context', 'database/sql', 'fmt'], r'''
func loadStorage(ctx context.Context, db *sql.DB, accountID int64) ([]Item, error) {
    rows, err := db.QueryContext(ctx, "SELECT slot, item_id, amount FROM storage WHERE account_id = ?", accountID)
    if err != nil {
        return nil, fmt.Errorf("storage of %d: %w", accountID, err)
    }
    return scanItems(rows)
}
''')),
     ])

# ===================================================================== RES-03: defer in loops
case('go-09-resource-manager-defers-close-per-file', 'https://github.com/milvus-io/milvus/pull/48353',
     'a file-resource sync opens every remote file in a loop and defers its reader and local file close; all handles stay open until the whole sync returns',
     files=[f('internal/fileresource/sync.go', new=gofile('fileresource', ['context', 'fmt', 'io', 'os', 'path/filepath'], r'''
func (m *Manager) Sync(ctx context.Context, names []string) error {
    for _, name := range names {
        reader, err := m.remote.Open(ctx, name)
        if err != nil {
            return fmt.Errorf("open remote %s: %w", name, err)
        }
        defer reader.Close() //@RES-03
        local, err := os.Create(filepath.Join(m.dir, name))
        if err != nil {
            return err
        }
        defer local.Close() //@RES-03
        if _, err := io.Copy(local, reader); err != nil {
            return fmt.Errorf("copy %s: %w", name, err)
        }
    }
    return nil
}
'''))])

case('go-10-uploader-defers-pool-release-per-batch', 'https://github.com/tablelandnetwork/basin-cli/pull/5',
     'a batch uploader acquires a pgxpool connection per batch inside the loop and defers its Release; only the last defer runs at return, earlier connections are held for the whole upload',
     files=[f('pkg/upload/writer.go', new=gofile('upload', ['context', 'fmt', '', 'github.com/jackc/pgx/v5', 'github.com/jackc/pgx/v5/pgxpool'], r'''
type Writer struct {
    pool *pgxpool.Pool
}

func (w *Writer) WriteAll(ctx context.Context, batches [][]Record) error {
    for i, batch := range batches {
        conn, err := w.pool.Acquire(ctx)
        if err != nil {
            return fmt.Errorf("batch %d: acquire: %w", i, err)
        }
        defer conn.Release() //@RES-03
        rows := make([][]any, len(batch))
        for j, r := range batch {
            rows[j] = []any{r.Key, r.Value, r.At}
        }
        if _, err := conn.CopyFrom(ctx, pgx.Identifier{"records"}, []string{"key", "value", "at"}, pgx.CopyFromRows(rows)); err != nil {
            return fmt.Errorf("batch %d: copy: %w", i, err)
        }
    }
    return nil
}
'''))])

case('go-ok-03-jar-scanner-closure-per-entry', 'https://github.com/hillu/local-log4j-vuln-scanner/pull/33',
     'clean: a scanner walks archive entries and gives each iteration its own function literal, so the deferred close runs per entry',
     files=[f('scan/archive.go', new=gofile('scan', ['archive/zip', 'io', 'strings'], r'''
func scanArchive(zr *zip.Reader, report func(path string)) error {
    for _, entry := range zr.File {
        if !strings.HasSuffix(entry.Name, ".class") {
            continue
        }
        err := func() error {
            fr, err := entry.Open()
            if err != nil {
                return err
            }
            defer fr.Close()
            head := make([]byte, 512)
            n, err := io.ReadFull(fr, head)
            if err != nil && err != io.ErrUnexpectedEOF {
                return err
            }
            if looksVulnerable(head[:n]) {
                report(entry.Name)
            }
            return nil
        }()
        if err != nil {
            return err
        }
    }
    return nil
}
'''))])

# ===================================================================== TMO-01: clients without timeouts
case('go-11-market-data-client-zero-timeout', 'https://github.com/CoinCircle/go-coinmarketcap/issues/9',
     'a market-data client constructor builds an http.Client with a custom transport but no Timeout; every quote call can wait forever on a stalled server',
     files=[f('quotes/client.go', new=gofile('quotes', ['encoding/json', 'fmt', 'net/http'], r'''
type Client struct {
    http    *http.Client
    baseURL string
    apiKey  string
}

func New(baseURL, apiKey string) *Client {
    return &Client{
        http:    &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 8}}, //@TMO-01
        baseURL: baseURL,
        apiKey:  apiKey,
    }
}

func (c *Client) Quote(symbol string) (*Quote, error) {
    req, err := http.NewRequest(http.MethodGet, fmt.Sprintf("%s/v1/quotes/%s", c.baseURL, symbol), nil)
    if err != nil {
        return nil, err
    }
    req.Header.Set("X-Api-Key", c.apiKey)
    resp, err := c.http.Do(req)
    if err != nil {
        return nil, err
    }
    defer resp.Body.Close()
    var q Quote
    return &q, json.NewDecoder(resp.Body).Decode(&q)
}
'''))])

case('go-12-agent-metadata-fetch-uses-package-get', 'https://github.com/forta-network/forta-core-go/pull/207',
     'a scanner agent reads its manifest with http.Get (the default client, no timeout); the body handling itself is correct',
     files=[f('manifest/fetch.go', new=gofile('manifest', ['encoding/json', 'fmt', 'io', 'net/http'], r'''
func Fetch(url string) (*Manifest, error) {
    resp, err := http.Get(url) //@TMO-01
    if err != nil {
        return nil, fmt.Errorf("fetch manifest: %w", err)
    }
    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        io.Copy(io.Discard, io.LimitReader(resp.Body, 4<<10))
        return nil, fmt.Errorf("fetch manifest: status %d", resp.StatusCode)
    }
    var m Manifest
    if err := json.NewDecoder(resp.Body).Decode(&m); err != nil {
        return nil, err
    }
    return &m, nil
}
'''))])

case('go-13-billing-sync-resty-client-without-timeout', 'https://github.com/aws/aws-sdk-go/issues/1144',
     'a billing sync job switches to resty; the client is built once but without SetTimeout, so a hung provider blocks the job indefinitely',
     files=[
         f('go.mod', old=gomod('billing', '1.22', ['github.com/rs/zerolog v1.32.0']),
           new=gomod('billing', '1.22', ['github.com/go-resty/resty/v2 v2.12.0', 'github.com/rs/zerolog v1.32.0'])),
         f('sync/provider.go', new=gofile('sync', ['context', 'fmt', '', 'github.com/go-resty/resty/v2'], r'''
type ProviderClient struct {
    rc *resty.Client
}

func NewProviderClient(baseURL, token string) *ProviderClient {
    rc := resty.New(). //@TMO-01
        SetBaseURL(baseURL).
        SetAuthToken(token).
        SetRetryCount(2)
    return &ProviderClient{rc: rc}
}

func (p *ProviderClient) Invoices(ctx context.Context, month string) ([]Invoice, error) {
    var out []Invoice
    resp, err := p.rc.R().SetContext(ctx).SetQueryParam("month", month).SetResult(&out).Get("/invoices")
    if err != nil {
        return nil, err
    }
    if resp.IsError() {
        return nil, fmt.Errorf("invoices %s: %s", month, resp.Status())
    }
    return out, nil
}
''')),
     ])

case('go-ok-04-explorer-client-with-timeouts', 'https://github.com/alfg/blockchain/issues/4',
     'clean: the explorer client constructor sets an overall Timeout and dialer/TLS timeouts on its transport',
     files=[f('explorer/client.go', new=gofile('explorer', ['net', 'net/http', 'time'], r'''
func New(baseURL string) *Client {
    transport := &http.Transport{
        DialContext:           (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
        TLSHandshakeTimeout:   5 * time.Second,
        ResponseHeaderTimeout: 10 * time.Second,
    }
    return &Client{
        http:    &http.Client{Timeout: 30 * time.Second, Transport: transport},
        baseURL: baseURL,
    }
}
'''))])

# ===================================================================== TMO-02: dropped caller context
RENDER_OLD = r'''
func (h *Handler) Render(w http.ResponseWriter, r *http.Request) {
    id := r.URL.Query().Get("track")
    if id == "" {
        http.Error(w, "missing track", http.StatusBadRequest)
        return
    }
    w.Header().Set("Content-Type", "audio/wav")
    w.WriteHeader(http.StatusOK)
}
'''
RENDER_NEW = r'''
func (h *Handler) Render(w http.ResponseWriter, r *http.Request) {
    id := r.URL.Query().Get("track")
    if id == "" {
        http.Error(w, "missing track", http.StatusBadRequest)
        return
    }
    track, err := h.tracks.Load(context.Background(), id) //@TMO-02
    if err != nil {
        http.Error(w, err.Error(), http.StatusNotFound)
        return
    }
    w.Header().Set("Content-Type", "audio/wav")
    w.WriteHeader(http.StatusOK)
    if err := h.mixer.Mix(track, w); err != nil {
        h.log.Printf("render %s: %v", id, err)
    }
}
'''
case('go-14-render-handler-loads-track-with-background-context', 'https://github.com/pipelined/phono/issues/13',
     'a render handler starts loading the track from storage with context.Background() instead of the request context, so a client that went away keeps the load running',
     files=[f('server/render.go', old=gofile('server', ['net/http'], RENDER_OLD),
              new=gofile('server', ['context', 'net/http'], RENDER_NEW))])

case('go-15-zipper-fanout-backends-with-todo-context', 'https://github.com/bookingcom/carbonapi/issues/149',
     'a fan-out to every storage backend (errgroup, bounded) passes context.TODO() to each backend call instead of the request context the handler has',
     files=[f('zipper/render.go', new=gofile('zipper', ['context', 'net/http', '', 'golang.org/x/sync/errgroup'], r'''
func (z *Zipper) renderHandler(w http.ResponseWriter, r *http.Request) {
    target := r.FormValue("target")
    results := make([]Series, len(z.backends))
    g := new(errgroup.Group)
    g.SetLimit(8)
    for i, b := range z.backends {
        i, b := i, b
        g.Go(func() error {
            s, err := b.Render(context.TODO(), target) //@TMO-02
            results[i] = s
            return err
        })
    }
    if err := g.Wait(); err != nil {
        http.Error(w, err.Error(), http.StatusBadGateway)
        return
    }
    z.writeSeries(w, merge(results))
}
'''))])

case('go-ok-05-async-indexer-detaches-context-deliberately', 'https://github.com/pipelined/phono/issues/13',
     'clean: after answering, a handler hands background indexing a context.WithoutCancel copy of the request context with its own timeout, a documented choice for work that must outlive the request',
     files=[f('api/entries.go', new=gofile('api', ['context', 'net/http', 'time'], r'''
func (a *API) createEntry(w http.ResponseWriter, r *http.Request) {
    entry, err := a.store.Append(r.Context(), r.Body)
    if err != nil {
        http.Error(w, err.Error(), http.StatusInternalServerError)
        return
    }
    w.WriteHeader(http.StatusCreated)
    // Indexing must finish even when the client disconnects: keep the request's values, drop its cancellation.
    bg, cancel := context.WithTimeout(context.WithoutCancel(r.Context()), 30*time.Second)
    a.jobs.Submit(func() {
        defer cancel()
        a.indexer.Index(bg, entry)
    })
}
'''))])

# ===================================================================== TMO-03: lost cancel
case('go-16-leak-check-example-discards-cancel', 'https://github.com/fortytw2/leaktest/pull/33',
     'a readiness probe helper derives a context with a timeout and throws the cancel function away with _',
     files=[f('probe/ready.go', new=gofile('probe', ['context', 'net', 'time'], r'''
// Ready dials every dependency once, giving each two seconds.
func Ready(addrs []string) error {
    var d net.Dialer
    for _, addr := range addrs {
        ctx, _ := context.WithTimeout(context.Background(), 2*time.Second) //@TMO-03
        conn, err := d.DialContext(ctx, "tcp", addr)
        if err != nil {
            return err
        }
        conn.Close()
    }
    return nil
}
'''))])

SUB_OLD = r'''
func (s *Subscriber) connect(parent context.Context) (*pubsub.Client, error) {
    ctx, cancel := context.WithTimeout(parent, s.cfg.ConnectTimeout)
    defer cancel()
    client, err := pubsub.NewClient(ctx, s.cfg.ProjectID, s.cfg.ClientOptions...)
    if err != nil {
        return nil, fmt.Errorf("connect to %s: %w", s.cfg.ProjectID, err)
    }
    if err := s.ensureSubscription(ctx, client); err != nil {
        client.Close()
        return nil, err
    }
    s.logger.Info("connected", "project", s.cfg.ProjectID)
    return client, nil
}
'''
SUB_NEW = SUB_OLD.replace('''    ctx, cancel := context.WithTimeout(parent, s.cfg.ConnectTimeout)
    defer cancel()
    client, err''', '''    ctx, cancel := context.WithTimeout(parent, s.cfg.ConnectTimeout) //@TMO-03
    client, err''').replace('''    if err := s.ensureSubscription(ctx, client); err != nil {
        client.Close()
        return nil, err''', '''    if err := s.ensureSubscription(ctx, client); err != nil {
        cancel()
        client.Close()
        return nil, err''')
case('go-17-subscriber-connect-cancels-only-on-error', 'https://github.com/redhat-developer/app-services-cli/pull/198',
     'the deferred cancel of the connect timeout is replaced by a cancel on the subscription-error path only; the success path (and the NewClient error path) never cancel',
     files=[f('pubsub/subscriber.go', old=gofile('pubsub', ['context', 'fmt', '', 'cloud.google.com/go/pubsub'], SUB_OLD),
              new=gofile('pubsub', ['context', 'fmt', '', 'cloud.google.com/go/pubsub'], SUB_NEW))],
     deletion=True)

# ===================================================================== CONC-05 (Go): sleeping through cancellation
case('go-18-webhook-retry-sleeps-through-cancel', 'https://github.com/flamego/flamego/pull/53',
     'a webhook sender retries with time.Sleep between attempts; the caller\'s ctx is passed to each attempt but a cancelled ctx still sleeps out every backoff',
     files=[f('notify/webhook.go', new=gofile('notify', ['bytes', 'context', 'fmt', 'net/http', 'time'], r'''
func (s *Sender) Send(ctx context.Context, url string, payload []byte) error {
    backoff := 500 * time.Millisecond
    var last error
    for attempt := 0; attempt < 5; attempt++ {
        req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(payload))
        if err != nil {
            return err
        }
        resp, err := s.client.Do(req)
        if err == nil {
            resp.Body.Close()
            if resp.StatusCode < 500 {
                return nil
            }
            err = fmt.Errorf("status %d", resp.StatusCode)
        }
        last = err
        time.Sleep(backoff) //@CONC-05
        backoff *= 2
    }
    return fmt.Errorf("webhook %s: %w", url, last)
}
'''))])

# ===================================================================== CONC-06 / ERR-01
case('go-19-vm-runner-discards-group-wait-error', 'https://github.com/neondatabase/autoscaling/pull/893',
     'the runner starts its helpers with an errgroup and then discards Wait\'s error with _ =, so a failed helper is never seen',
     files=[f('runner/main.go', new=gofile('runner', ['context', '', 'golang.org/x/sync/errgroup'], r'''
func (r *Runner) Run(ctx context.Context) {
    g, ctx := errgroup.WithContext(ctx)
    g.Go(func() error { return r.serveMetrics(ctx) })
    g.Go(func() error { return r.forwardConsole(ctx) })
    g.Go(func() error { return r.watchCgroup(ctx) })
    _ = g.Wait() //@CONC-06|ERR-01
    r.shutdown()
}
'''))])

case('go-20-history-writer-ignores-append-error', 'https://github.com/temporalio/temporal/pull/3734',
     'a history writer appends the event and ignores the store\'s error with _ =, so the caller reports success for an event that was never written',
     files=[f('history/writer.go', new=gofile('history', ['context', 'time'], r'''
func (w *Writer) Record(ctx context.Context, workflowID string, ev Event) error {
    ev.RecordedAt = time.Now().UTC()
    rec := encode(workflowID, ev)
    _ = w.store.Append(ctx, w.shardFor(workflowID), rec) //@ERR-01
    w.metrics.Events.Inc()
    return nil
}
'''))])

case('go-ok-06-secrets-fetch-errgroup-checks-every-error', 'https://github.com/GoogleCloudPlatform/secrets-store-csi-driver-provider-gcp/pull/110',
     'clean: secrets are fetched with a bounded errgroup whose Go funcs record per-secret errors, and Wait plus the collected errors are both checked',
     files=[f('server/mount.go', new=gofile('server', ['context', 'errors', 'fmt', '', 'golang.org/x/sync/errgroup'], r'''
func (s *Server) fetchAll(ctx context.Context, names []string) ([][]byte, error) {
    results := make([][]byte, len(names))
    errs := make([]error, len(names))
    g, ctx := errgroup.WithContext(ctx)
    g.SetLimit(5)
    for i, name := range names {
        i, name := i, name
        g.Go(func() error {
            v, err := s.client.Access(ctx, name)
            if err != nil {
                errs[i] = fmt.Errorf("%s: %w", name, err)
                return nil
            }
            results[i] = v
            return nil
        })
    }
    if err := g.Wait(); err != nil {
        return nil, err
    }
    if err := errors.Join(errs...); err != nil {
        return nil, err
    }
    return results, nil
}
'''))])

# ===================================================================== CONC-01 / CONC-07: goroutines and loops
case('go-21-ring-node-starts-stabilize-loop-bare', 'https://github.com/r-medina/gmaj/pull/18',
     'a ring node starts its stabilize and fix-fingers loops as bare goroutines; neither recovers, and a panic in a remote call ends the process',
     files=[f('ring/node.go', new=gofile('ring', ['context', 'time'], r'''
func (n *Node) Start(ctx context.Context) {
    go n.loop(ctx, time.Second, n.stabilize) //@CONC-01|CONC-07
    go n.loop(ctx, 3*time.Second, n.fixFingers) //@CONC-01|CONC-07
}

func (n *Node) loop(ctx context.Context, every time.Duration, step func(context.Context) error) {
    t := time.NewTicker(every)
    defer t.Stop()
    for {
        select {
        case <-ctx.Done():
            return
        case <-t.C:
            if err := step(ctx); err != nil {
                n.log.Printf("ring step: %v", err)
            }
        }
    }
}
'''))])

case('go-22-ticker-connection-loop-returns-on-error', 'https://github.com/zerodha/gokiteconnect/pull/43',
     'the market ticker\'s heartbeat goroutine returns on the first failed ping, so one network blip stops heartbeats for good (and it has no recover)',
     files=[f('ticker/heartbeat.go', new=gofile('ticker', ['context', 'time'], r'''
func (t *Ticker) startHeartbeat(ctx context.Context) {
    go func() { //@CONC-07|CONC-01
        tick := time.NewTicker(t.pingInterval)
        defer tick.Stop()
        for {
            select {
            case <-ctx.Done():
                return
            case <-tick.C:
                if err := t.conn.Ping(ctx); err != nil {
                    t.onError(err)
                    return
                }
            }
        }
    }()
}
'''))])

case('go-23-tick-helper-goroutine-without-recover', 'https://github.com/bytedance/gopkg/pull/5',
     'a shared ticker helper (new file) runs every registered callback from a bare goroutine; a panicking callback kills the process',
     files=[f('util/xtime/ticker.go', new=gofile('xtime', ['sync', 'time'], r'''
type Ticker struct {
    mu    sync.Mutex
    funcs []func()
    stop  chan struct{}
}

func NewTicker(every time.Duration) *Ticker {
    t := &Ticker{stop: make(chan struct{})}
    go t.tick(every) //@CONC-01
    return t
}

func (t *Ticker) tick(every time.Duration) {
    tk := time.NewTicker(every)
    defer tk.Stop()
    for {
        select {
        case <-t.stop:
            return
        case <-tk.C:
            t.mu.Lock()
            fs := append([]func(){}, t.funcs...)
            t.mu.Unlock()
            for _, fn := range fs {
                fn()
            }
        }
    }
}
'''))])

case('go-ok-07-janitor-ticker-guarded-per-run', 'https://github.com/hibiken/asynq/pull/496',
     'clean: the janitor goroutine is started through the service\'s recovering helper, stops on ctx, stops its ticker, and guards each run with recover',
     files=[
         f('internal/safe/go.go', new=gofile('safe', ['log/slog', 'runtime/debug'], r'''
// Go runs fn in a goroutine that logs and survives a panic.
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
''')),
         f('internal/janitor/janitor.go', new=gofile('janitor', ['context', 'log/slog', 'time', '', 'example.com/queue/internal/safe'], r'''
func (j *Janitor) Start(ctx context.Context) {
    safe.Go("janitor", func() {
        t := time.NewTicker(j.interval)
        defer t.Stop()
        for {
            select {
            case <-ctx.Done():
                return
            case <-t.C:
                j.runOnce(ctx)
            }
        }
    })
}

func (j *Janitor) runOnce(ctx context.Context) {
    defer func() {
        if p := recover(); p != nil {
            slog.Error("janitor run panicked", "panic", p)
        }
    }()
    if err := j.deleteExpired(ctx); err != nil {
        slog.Warn("janitor run failed", "err", err)
    }
}
''')),
     ])

case('go-24-menu-poller-loop-ends-on-error', 'https://github.com/TheDen/galvani/pull/3',
     'a status-menu poller goroutine (bare) returns from its loop on the first failed update, so the menu freezes after one error',
     files=[f('menu/poller.go', new=gofile('menu', ['time'], r'''
func (m *Menu) StartPolling() {
    go func() { //@CONC-07|CONC-01
        ticker := time.NewTicker(time.Second)
        defer ticker.Stop()
        for range ticker.C {
            state, err := m.readPowerState()
            if err != nil {
                m.setTitle("?")
                return
            }
            m.setTitle(state.String())
        }
    }()
}
'''))])

case('go-25-fulfilment-worker-goroutine-per-order', 'https://github.com/googleapis/google-cloud-go/issues/1318',
     'the order consumer starts a goroutine per received order with no limit (and no recover); a slow store turns a burst into thousands of goroutines',
     files=[f('worker/consume.go', new=gofile('worker', ['context'], r'''
func (w *Worker) Consume(ctx context.Context, orders <-chan Order) {
    for {
        select {
        case <-ctx.Done():
            return
        case o, ok := <-orders:
            if !ok {
                return
            }
            go w.fulfil(ctx, o) //@CONC-02|CONC-01
        }
    }
}
'''))])

# ===================================================================== RES-04: clients built per call
case('go-26-session-handler-builds-redis-client-per-request', 'https://github.com/redis/go-redis/issues/508',
     'a session middleware builds a go-redis client for every request (each one starts its own pool and reaper goroutine) and closes it when the request ends',
     files=[f('session/middleware.go', new=gofile('session', ['net/http', '', 'github.com/redis/go-redis/v9'], r'''
func (s *Sessions) Middleware(next http.Handler) http.Handler {
    return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
        rdb := redis.NewClient(&redis.Options{Addr: s.addr, Password: s.password}) //@RES-04
        defer rdb.Close()
        id, err := r.Cookie("sid")
        if err != nil {
            next.ServeHTTP(w, r)
            return
        }
        data, err := rdb.Get(r.Context(), "session:"+id.Value).Bytes()
        if err == nil {
            r = r.WithContext(withSession(r.Context(), decode(data)))
        }
        next.ServeHTTP(w, r)
    })
}
'''))])

case('go-27-operator-reconcile-opens-cluster-clients', 'https://github.com/OT-CONTAINER-KIT/redis-operator/pull/333',
     'each reconcile builds a redis client per node to read CLUSTER NODES and never closes any of them; goroutines grow by two per reconcile',
     files=[f('controllers/cluster.go', new=gofile('controllers', ['context', 'fmt', '', 'github.com/redis/go-redis/v9'], r'''
func (r *ClusterReconciler) nodeRoles(ctx context.Context, addrs []string) (map[string]string, error) {
    roles := make(map[string]string, len(addrs))
    for _, addr := range addrs {
        client := redis.NewClient(&redis.Options{Addr: addr, Password: r.password}) //@RES-04|RES-01
        info, err := client.ClusterNodes(ctx).Result()
        if err != nil {
            return nil, fmt.Errorf("cluster nodes on %s: %w", addr, err)
        }
        roles[addr] = parseRole(info)
    }
    return roles, nil
}
'''))])

case('go-ok-08-redis-client-registry-shared', 'https://github.com/wso2/api-platform/pull/3172',
     'clean: a registry builds one redis client per distinct configuration under a mutex and hands the same client back on later calls',
     files=[f('redisclient/registry.go', new=gofile('redisclient', ['fmt', 'sync', '', 'github.com/redis/go-redis/v9'], r'''
var (
    mu      sync.Mutex
    clients = map[string]*redis.Client{}
)

// GetOrCreate returns the process-wide client for these options, building it on first use.
func GetOrCreate(addr string, db int) *redis.Client {
    key := fmt.Sprintf("%s/%d", addr, db)
    mu.Lock()
    defer mu.Unlock()
    if c, ok := clients[key]; ok {
        return c
    }
    c := redis.NewClient(&redis.Options{Addr: addr, DB: db})
    clients[key] = c
    return c
}
'''))])

case('go-ok-09-rate-store-client-built-once', 'https://github.com/zeromicro/go-zero/issues/1221',
     'clean: the rate-limit store builds its redis client inside sync.Once and reuses it for every request',
     files=[f('ratelimit/store.go', new=gofile('ratelimit', ['context', 'sync', 'time', '', 'github.com/redis/go-redis/v9'], r'''
type Store struct {
    addr   string
    once   sync.Once
    client *redis.Client
}

func (s *Store) rdb() *redis.Client {
    s.once.Do(func() {
        s.client = redis.NewClient(&redis.Options{Addr: s.addr, PoolSize: 32})
    })
    return s.client
}

func (s *Store) Allow(ctx context.Context, key string, limit int64, window time.Duration) (bool, error) {
    n, err := s.rdb().Incr(ctx, key).Result()
    if err != nil {
        return false, err
    }
    if n == 1 {
        s.rdb().Expire(ctx, key, window)
    }
    return n <= limit, nil
}
'''))])

case('go-28-bytestream-dials-grpc-per-stream', 'https://github.com/buildbuddy-io/buildbuddy/pull/5388',
     'a byte-stream proxy dials a new gRPC client connection for every streaming request (closing it afterwards) instead of reusing one',
     files=[f('proxy/bytestream.go', new=gofile('proxy', ['io', '', 'google.golang.org/grpc', 'google.golang.org/grpc/credentials/insecure', 'google.golang.org/genproto/googleapis/bytestream'], r'''
func (p *Proxy) Read(req *bytestream.ReadRequest, stream bytestream.ByteStream_ReadServer) error {
    conn, err := grpc.NewClient(p.target, grpc.WithTransportCredentials(insecure.NewCredentials())) //@RES-04
    if err != nil {
        return err
    }
    defer conn.Close()
    upstream, err := bytestream.NewByteStreamClient(conn).Read(stream.Context(), req)
    if err != nil {
        return err
    }
    for {
        msg, err := upstream.Recv()
        if err == io.EOF {
            return nil
        }
        if err != nil {
            return err
        }
        if err := stream.Send(msg); err != nil {
            return err
        }
    }
}
'''))])

case('go-29-api-server-internal-conn-per-call-never-closed', 'https://github.com/pachyderm/pachyderm/pull/591',
     'the API server dials the internal server for each request through a helper and never closes the connection',
     files=[
         f('server/pfs/conn.go', new=gofile('pfs', ['google.golang.org/grpc', 'google.golang.org/grpc/credentials/insecure'], r'''
func (a *apiServer) internalClient(addr string) (InternalAPIClient, error) {
    conn, err := grpc.Dial(addr, grpc.WithTransportCredentials(insecure.NewCredentials())) //@RES-04|RES-01
    if err != nil {
        return nil, err
    }
    return NewInternalAPIClient(conn), nil
}
''')),
         f('server/pfs/api.go', new=gofile('pfs', ['context'], r'''
func (a *apiServer) InspectFile(ctx context.Context, req *InspectFileRequest) (*FileInfo, error) {
    client, err := a.internalClient(a.router.Owner(req.File.Path))
    if err != nil {
        return nil, err
    }
    return client.InspectFile(ctx, req)
}
''')),
     ])

case('go-ok-10-telemetry-dials-once-per-device', 'https://github.com/nileshsimaria/jtimon/issues/37',
     'clean: the telemetry collector dials each device once when it is added, keeps the connection in the device struct and closes it in Close',
     files=[f('collector/device.go', new=gofile('collector', ['context', '', 'google.golang.org/grpc', 'google.golang.org/grpc/credentials/insecure'], r'''
type Device struct {
    conn *grpc.ClientConn
    api  TelemetryClient
}

func Dial(addr string) (*Device, error) {
    conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
    if err != nil {
        return nil, err
    }
    return &Device{conn: conn, api: NewTelemetryClient(conn)}, nil
}

func (d *Device) Subscribe(ctx context.Context, paths []string) (Telemetry_SubscribeClient, error) {
    return d.api.Subscribe(ctx, &SubscriptionRequest{Paths: paths})
}

func (d *Device) Close() error { return d.conn.Close() }
'''))])

case('go-30-event-push-builds-kafka-writer-per-message', 'https://github.com/segmentio/kafka-go/issues/1358',
     'Push builds a kafka-go Writer (and transport) for every message and closes it afterwards; each call leaves transport goroutines behind and pays a fresh connection',
     files=[f('events/push.go', new=gofile('events', ['context', '', 'github.com/segmentio/kafka-go'], r'''
func (c *Client) Push(ctx context.Context, topic string, msg kafka.Message) error {
    w := &kafka.Writer{ //@RES-04
        Addr:      kafka.TCP(c.brokers...),
        Topic:     topic,
        Balancer:  &kafka.Murmur2Balancer{},
        Transport: &kafka.Transport{TLS: c.tls},
    }
    defer func() {
        if err := w.Close(); err != nil {
            c.log.Warn("close writer", "topic", topic, "err", err)
        }
    }()
    return w.WriteMessages(ctx, msg)
}
'''))])

case('go-ok-11-vendored-kafka-bump', 'https://github.com/segmentio/kafka-go/pull/691',
     'clean: a dependency bump changes go.mod, vendor/modules.txt and a vendored kafka-go file whose example code opens a reader per call; vendored code is not reviewed',
     files=[
         f('go.mod', old=gomod('events', '1.22', ['github.com/segmentio/kafka-go v0.4.46']), new=gomod('events', '1.22', ['github.com/segmentio/kafka-go v0.4.47'])),
         f('vendor/modules.txt', old='# github.com/segmentio/kafka-go v0.4.46\n## explicit; go 1.15\ngithub.com/segmentio/kafka-go\n',
           new='# github.com/segmentio/kafka-go v0.4.47\n## explicit; go 1.15\ngithub.com/segmentio/kafka-go\n'),
         f('vendor/github.com/segmentio/kafka-go/example_reader.go', new=gofile('kafka', ['context', 'fmt', 'time'], r'''
// ExampleReadOne shows a reader used for a single message.
func ExampleReadOne() {
    r := NewReader(ReaderConfig{Brokers: []string{"localhost:9092"}, Topic: "topic-A", MaxWait: time.Second})
    m, err := r.ReadMessage(context.Background())
    if err != nil {
        fmt.Println(err)
        return
    }
    fmt.Println(string(m.Value))
}
''')),
     ])

# ===================================================================== TMO-03: more lost cancels
case('go-31-tunnel-dial-cancels-only-after-success', 'https://github.com/projectcalico/calico/pull/6187',
     'a tunnel dialer derives a timeout context and calls cancel after a successful dial; the error return above it skips the cancel',
     files=[f('tunnel/dial.go', new=gofile('tunnel', ['context', 'fmt', 'net', 'time'], r'''
func (d *Dialer) Open(parent context.Context, addr string) (net.Conn, error) {
    ctx, cancel := context.WithTimeout(parent, d.timeout) //@TMO-03
    conn, err := d.dialer.DialContext(ctx, "tcp", addr)
    if err != nil {
        return nil, fmt.Errorf("dial %s: %w", addr, err)
    }
    cancel()
    if err := conn.SetDeadline(time.Now().Add(d.idle)); err != nil {
        conn.Close()
        return nil, err
    }
    return conn, nil
}
'''))])

case('go-32-runner-serve-error-skips-cancel', 'https://github.com/ollama/ollama/pull/9431',
     'the model runner cancels its background context after Serve returns normally; when Serve fails the function returns early and the cancel never runs',
     files=[f('runner/server.go', new=gofile('runner', ['context', 'net', 'net/http'], r'''
func (s *Server) Run(parent context.Context, ln net.Listener) error {
    ctx, cancel := context.WithCancel(parent) //@TMO-03
    s.startBatcher(ctx)
    srv := &http.Server{Handler: s.routes()}
    if err := srv.Serve(ln); err != nil && err != http.ErrServerClosed {
        return err
    }
    cancel()
    return nil
}
'''))])

case('go-33-config-wait-derives-timeout-per-attempt', 'https://github.com/siderolabs/talos/pull/8230',
     'a retry loop derives a fresh timeout context on every attempt and never calls its cancel; each attempt leaves a timer behind until it fires',
     files=[f('machinery/wait.go', new=gofile('machinery', ['context', 'time'], r'''
func (c *Client) WaitReady(ctx context.Context, node string) error {
    var err error
    for attempt := 0; attempt < c.attempts; attempt++ {
        attemptCtx, _ := context.WithTimeout(ctx, c.perAttempt) //@TMO-03
        if err = c.api.Ready(attemptCtx, node); err == nil {
            return nil
        }
        select {
        case <-ctx.Done():
            return ctx.Err()
        case <-time.After(c.backoff):
        }
    }
    return err
}
'''))])

case('go-ok-12-query-timeout-deferred-cancel-in-helper', 'https://github.com/bytebase/bytebase/pull/11044',
     'clean: each attempt runs in its own function whose deferred cancel releases the attempt\'s timeout context',
     files=[f('syncer/attempt.go', new=gofile('syncer', ['context', 'time'], r'''
func (s *Syncer) tryOnce(ctx context.Context, db string, limit time.Duration) error {
    ctx, cancel := context.WithTimeout(ctx, limit)
    defer cancel()
    return s.driver.SyncSchema(ctx, db)
}

func (s *Syncer) Sync(ctx context.Context, db string) error {
    var err error
    for i := 0; i < 3; i++ {
        if err = s.tryOnce(ctx, db, 20*time.Second); err == nil {
            return nil
        }
    }
    return err
}
'''))])

# ===================================================================== TX-01 / TX-02
case('go-34-bridge-claim-tx-missing-rollback-on-update-error', 'https://github.com/0xPolygon/zkevm-bridge-service/issues/425',
     'a claim handler begins a pgx transaction and rolls back after the first failing statement but not after the second; that error return leaves the transaction (and its connection) open',
     files=[f('db/pgstorage/claim.go', new=gofile('pgstorage', ['context', 'fmt'], r'''
func (p *Storage) MarkClaimed(ctx context.Context, depositID uint64, txHash string) error {
    tx, err := p.pool.Begin(ctx) //@TX-01
    if err != nil {
        return err
    }
    if _, err := tx.Exec(ctx, "UPDATE deposits SET ready_for_claim = false WHERE id = $1", depositID); err != nil {
        tx.Rollback(ctx)
        return fmt.Errorf("deposit %d: %w", depositID, err)
    }
    if _, err := tx.Exec(ctx, "INSERT INTO claims (deposit_id, tx_hash) VALUES ($1, $2)", depositID, txHash); err != nil {
        return fmt.Errorf("claim %d: %w", depositID, err)
    }
    return tx.Commit(ctx)
}
'''))])

DISC_OLD = r'''
// Save replaces the discovered resources of one cluster.
func (r *Reconciler) Save(ctx context.Context, cluster string, resources []Resource) error {
    tx, err := r.db.BeginTx(ctx, nil)
    if err != nil {
        return err
    }
    defer tx.Rollback()
    if _, err := tx.ExecContext(ctx, "DELETE FROM resources WHERE cluster = ?", cluster); err != nil {
        return err
    }
    for _, res := range resources {
        if !res.Valid() {
            r.log.Info("skipping invalid resource", "cluster", cluster, "name", res.Name)
            continue
        }
        if _, err := tx.ExecContext(ctx, insertResource, cluster, res.Kind, res.Namespace, res.Name, res.Version); err != nil {
            return fmt.Errorf("insert %s/%s: %w", res.Namespace, res.Name, err)
        }
    }
    return tx.Commit()
}
'''
DISC_NEW = DISC_OLD.replace('''    tx, err := r.db.BeginTx(ctx, nil)
    if err != nil {
        return err
    }
    defer tx.Rollback()
    if _, err := tx.ExecContext(ctx, "DELETE FROM resources WHERE cluster = ?", cluster); err != nil {
        return err
    }''', '''    tx, err := r.db.BeginTx(ctx, nil) //@TX-01
    if err != nil {
        return fmt.Errorf("begin save of %s: %w", cluster, err)
    }
    if _, err := tx.ExecContext(ctx, "DELETE FROM resources WHERE cluster = ?", cluster); err != nil {
        tx.Rollback()
        return err
    }''')
case('go-35-discovery-save-drops-deferred-rollback', 'https://github.com/migtools/mig-controller/pull/493',
     'inside an existing Save, the deferred Rollback is deleted in favour of an explicit one after the DELETE; the insert error inside the loop now returns with the transaction still open (the Begin stays in context)',
     files=[f('pkg/discovery/save.go', old=gofile('discovery', ['context', 'fmt'], DISC_OLD),
              new=gofile('discovery', ['context', 'fmt'], DISC_NEW))],
     deletion=True)

case('go-36-group-insert-discards-begin-error', 'https://github.com/go-gorp/gorp/pull/31',
     'a group insert starts its transaction with tx, _ := dbmap.Begin(), so a failed Begin leaves tx nil and the next line panics',
     files=[f('models/group.go', new=gofile('models', ['fmt'], r'''
func (s *Store) InsertGroup(g *Group, members []Member) error {
    tx, _ := s.dbmap.Begin() //@TX-02|ERR-01
    if err := tx.Insert(g); err != nil {
        tx.Rollback()
        return fmt.Errorf("insert group %q: %w", g.Name, err)
    }
    for i := range members {
        members[i].GroupID = g.ID
        if err := tx.Insert(&members[i]); err != nil {
            tx.Rollback()
            return err
        }
    }
    return tx.Commit()
}
'''))])

case('go-ok-13-claim-with-begin-func', 'https://github.com/0xPolygon/zkevm-bridge-service/issues/425',
     'clean: the claim is written through pgx.BeginFunc, which commits when the callback returns nil and rolls back otherwise',
     files=[f('db/pgstorage/claim.go', new=gofile('pgstorage', ['context', '', 'github.com/jackc/pgx/v5'], r'''
func (p *Storage) MarkClaimed(ctx context.Context, depositID uint64, txHash string) error {
    return pgx.BeginFunc(ctx, p.pool, func(tx pgx.Tx) error {
        if _, err := tx.Exec(ctx, "UPDATE deposits SET ready_for_claim = false WHERE id = $1", depositID); err != nil {
            return err
        }
        _, err := tx.Exec(ctx, "INSERT INTO claims (deposit_id, tx_hash) VALUES ($1, $2)", depositID, txHash)
        return err
    })
}
'''))])

case('go-ok-14-tx-helper-owned-by-caller', 'https://github.com/migtools/mig-controller/pull/493',
     'clean: a helper receives the caller\'s *sql.Tx and neither commits nor rolls back; the caller (in the same change) defers the rollback and returns Commit\'s error',
     files=[
         f('pkg/discovery/insert.go', new=gofile('discovery', ['context', 'database/sql'], r'''
// insertAll writes resources inside the caller's transaction; the caller ends it.
func insertAll(ctx context.Context, tx *sql.Tx, cluster string, resources []Resource) error {
    for _, res := range resources {
        if _, err := tx.ExecContext(ctx, insertResource, cluster, res.Kind, res.Namespace, res.Name, res.Version); err != nil {
            return err
        }
    }
    return nil
}
''')),
         f('pkg/discovery/save.go', new=gofile('discovery', ['context'], r'''
func (r *Reconciler) Save(ctx context.Context, cluster string, resources []Resource) error {
    tx, err := r.db.BeginTx(ctx, nil)
    if err != nil {
        return err
    }
    defer tx.Rollback()
    if _, err := tx.ExecContext(ctx, "DELETE FROM resources WHERE cluster = ?", cluster); err != nil {
        return err
    }
    if err := insertAll(ctx, tx, cluster, resources); err != nil {
        return err
    }
    return tx.Commit()
}
''')),
     ])

# ===================================================================== MEM-02: pooled buffers
case('go-37-message-writer-logs-buffer-after-put', 'https://github.com/syncthing/syncthing/pull/7409',
     'a protocol writer returns its marshalling buffer to the pool and then uses it for a debug line; another writer may already be filling it',
     files=[f('lib/protocol/writer.go', new=gofile('protocol', ['fmt', 'io'], r'''
func (w *Writer) WriteMessage(out io.Writer, msg Message) error {
    buf := BufferPool.Get(msg.ProtoSize())
    n, err := msg.MarshalTo(buf)
    if err != nil {
        BufferPool.Put(buf)
        return fmt.Errorf("marshal %T: %w", msg, err)
    }
    _, err = out.Write(buf[:n])
    BufferPool.Put(buf) //@MEM-02
    l.Debugf("wrote %T (%d bytes): %x", msg, n, buf[:min(n, 32)])
    return err
}
'''))])

case('go-38-rpc-codec-returns-pooled-buffer-bytes', 'https://github.com/yarpc/yarpc-go/pull/1408',
     'an encoder takes a bytes.Buffer from the pool, defers putting it back, and returns buf.Bytes(), which aliases the buffer the next caller will overwrite',
     files=[f('encoding/json/codec.go', new=gofile('json', ['bytes', 'encoding/json', 'sync'], r'''
var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func Encode(v any) ([]byte, error) {
    buf := bufPool.Get().(*bytes.Buffer)
    buf.Reset()
    defer bufPool.Put(buf)
    if err := json.NewEncoder(buf).Encode(v); err != nil {
        return nil, err
    }
    return buf.Bytes(), nil //@MEM-02
}
'''))])

case('go-39-flow-record-queued-then-returned-to-pool', 'https://github.com/golang/go/issues/17306',
     'a flow collector sends a pooled record to the exporter channel and puts it back in the pool right away; the exporter reads a record that is already being reused',
     files=[f('collector/flows.go', new=gofile('collector', ['sync'], r'''
var recordPool = sync.Pool{New: func() any { return new(FlowRecord) }}

func (c *Collector) handlePacket(p Packet) {
    rec := recordPool.Get().(*FlowRecord)
    rec.Src, rec.Dst, rec.Bytes, rec.Proto = p.Src, p.Dst, p.Len, p.Proto
    c.export <- rec //@MEM-02
    recordPool.Put(rec)
}
'''))])

case('go-ok-15-proxy-copies-before-put', 'https://github.com/caddyserver/forwardproxy/pull/76',
     'clean: the proxy takes a buffer from the pool, defers Put, and copies exactly the used bytes before they leave the function',
     files=[f('forwardproxy/peek.go', new=gofile('forwardproxy', ['bytes', 'io', 'sync'], r'''
var peekPool = sync.Pool{New: func() any { return make([]byte, 16<<10) }}

// peekHeader reads up to the first 16 KiB and returns a private copy.
func peekHeader(r io.Reader) ([]byte, error) {
    buf := peekPool.Get().([]byte)
    defer peekPool.Put(buf)
    n, err := io.ReadAtLeast(r, buf, 1)
    if err != nil {
        return nil, err
    }
    return bytes.Clone(buf[:n]), nil
}
'''))])

# ===================================================================== MEM-01: unsafe
case('go-40-ebpf-map-key-pointer-kept-as-uintptr', 'https://github.com/aws/aws-ebpf-sdk-go/pull/162',
     'a map-update helper stores the key\'s address as a uintptr in an attribute struct and passes the struct to a plain Go function before the syscall; the stack may move in between',
     files=[f('pkg/maps/update.go', new=gofile('maps', ['unsafe', '', 'golang.org/x/sys/unix'], r'''
type mapAttr struct {
    fd    uint32
    _     uint32
    key   uintptr
    value uintptr
    flags uint64
}

func (m *Map) Update(key, value []byte) error {
    attr := mapAttr{
        fd:    uint32(m.fd),
        key:   uintptr(unsafe.Pointer(&key[0])), //@MEM-01
        value: uintptr(unsafe.Pointer(&value[0])),
    }
    return m.sys(unix.BPF_MAP_UPDATE_ELEM, &attr)
}
'''))])

case('go-41-lua-allocator-slice-header-arithmetic', 'https://github.com/yuin/gopher-lua/issues/254',
     'a value allocator reaches its float slots through reflect.SliceHeader and uintptr arithmetic instead of indexing the slice',
     files=[f('alloc.go', new=gofile('lua', ['reflect', 'unsafe'], r'''
type allocator struct {
    fptrs   []float64
    fheader *reflect.SliceHeader
}

func newAllocator(size int) *allocator {
    al := &allocator{fptrs: make([]float64, 0, size)}
    al.fheader = (*reflect.SliceHeader)(unsafe.Pointer(&al.fptrs)) //@~MEM-01
    return al
}

func (al *allocator) number(f float64) *float64 {
    if cap(al.fptrs) == len(al.fptrs) {
        al.fptrs = make([]float64, 0, cap(al.fptrs))
        al.fheader = (*reflect.SliceHeader)(unsafe.Pointer(&al.fptrs)) //@~MEM-01
    }
    al.fptrs = append(al.fptrs, f)
    fptr := (*float64)(unsafe.Pointer(al.fheader.Data + uintptr(len(al.fptrs)-1)*unsafe.Sizeof(f))) //@MEM-01
    return fptr
}
'''))])

# ===================================================================== LOG-01: loops over input
case('go-42-user-import-zap-info-per-row', 'https://github.com/go-eagle/eagle/pull/167',
     'a CSV user import logs an Info line with the whole row for every record it inserts',
     files=[f('internal/service/import.go', new=gofile('service', ['context', 'encoding/csv', 'io', '', 'go.uber.org/zap'], r'''
func (s *UserService) Import(ctx context.Context, r io.Reader) (int, error) {
    cr := csv.NewReader(r)
    n := 0
    for {
        row, err := cr.Read()
        if err == io.EOF {
            return n, nil
        }
        if err != nil {
            return n, err
        }
        u := parseUser(row)
        if err := s.repo.Create(ctx, u); err != nil {
            return n, err
        }
        s.logger.Info("imported user", zap.Strings("row", row), zap.String("email", u.Email)) //@LOG-01
        n++
    }
}
'''))])

case('go-43-resource-sync-sugared-log-per-item', 'https://github.com/cloudquery/cloudquery/issues/27',
     'a cloud inventory sync writes an Infow line per discovered resource across every region',
     files=[f('providers/aws/sync.go', new=gofile('aws', ['context'], r'''
func (p *Provider) SyncInstances(ctx context.Context, regions []string) error {
    for _, region := range regions {
        instances, err := p.ec2(region).ListInstances(ctx)
        if err != nil {
            return err
        }
        for _, inst := range instances {
            if err := p.store.Upsert(ctx, toRow(region, inst)); err != nil {
                return err
            }
            p.log.Infow("synced instance", "region", region, "id", inst.ID, "type", inst.Type, "state", inst.State) //@LOG-01
        }
    }
    return nil
}
'''))])

case('go-44-event-validator-warns-per-invalid-event', 'https://github.com/sirupsen/logrus/issues/975',
     'an ingest validator logs a logrus Warn with fields for every invalid event of a batch; a bad producer floods the logs (file has Windows line ends)',
     files=[f('ingest/validate.go', crlf=True, new=gofile('ingest', ['', 'github.com/sirupsen/logrus'], r'''
func (v *Validator) Filter(batch []Event) []Event {
    valid := batch[:0]
    for _, ev := range batch {
        if err := v.check(ev); err != nil {
            logrus.WithFields(logrus.Fields{"event": ev.ID, "source": ev.Source, "err": err}).Warn("dropping invalid event") //@LOG-01
            continue
        }
        valid = append(valid, ev)
    }
    return valid
}
'''))])

case('go-ok-16-batch-summary-and-sampled-warning', 'https://github.com/cardinalhq/lakerunner/pull/143',
     'clean: a compaction loop counts outcomes, logs the first failure per batch at warn, and writes one slog summary line after the loop',
     files=[f('compact/batch.go', new=gofile('compact', ['context', 'log/slog'], r'''
func (c *Compactor) Run(ctx context.Context, segments []Segment) error {
    var ok, failed int
    var firstErr error
    for _, seg := range segments {
        if err := c.compact(ctx, seg); err != nil {
            failed++
            if firstErr == nil {
                firstErr = err
                slog.WarnContext(ctx, "compaction failed", "segment", seg.ID, "err", err)
            }
            continue
        }
        ok++
    }
    slog.InfoContext(ctx, "compaction batch done", "ok", ok, "failed", failed, "segments", len(segments))
    return nil
}
'''))])

case('go-ok-17-page-loop-paced-by-network', 'https://github.com/cardinalhq/lakerunner/pull/143',
     'clean: a paginated export logs once per page; each iteration is a remote call returning up to 1000 records, so the log rate is bounded by the network round trips, not by input size',
     files=[f('export/pages.go', new=gofile('export', ['context', 'log/slog'], r'''
func (e *Exporter) ExportAll(ctx context.Context) error {
    token := ""
    for page := 1; ; page++ {
        resp, err := e.api.ListRecords(ctx, token, 1000)
        if err != nil {
            return err
        }
        if err := e.sink.Write(ctx, resp.Records); err != nil {
            return err
        }
        slog.InfoContext(ctx, "exported page", "page", page, "records", len(resp.Records))
        if resp.NextToken == "" {
            return nil
        }
        token = resp.NextToken
    }
}
'''))])

# ===================================================================== HTTP-01: middleware
case('go-45-timestamp-server-middleware-closes-request-body', 'https://github.com/decred/dcrtime/issues/85',
     'a route helper wraps every handler in a middleware that closes the request body after the handler; the server owns and closes it already',
     files=[f('dcrtimed/routes.go', new=gofile('main', ['net/http'], r'''
// closeBody runs the handler and then closes the request body.
func closeBody(next http.HandlerFunc) http.HandlerFunc {
    return func(w http.ResponseWriter, r *http.Request) {
        defer r.Body.Close() //@HTTP-01
        next(w, r)
    }
}

func (d *Daemon) addRoute(method, route string, handler http.HandlerFunc) {
    d.router.HandleFunc(route, closeBody(logging(handler))).Methods(method)
}
'''))])

case('go-46-audit-middleware-blocks-on-channel-send', 'https://github.com/m3db/m3/pull/69',
     'an audit middleware sends every request\'s record on an unbuffered channel in its defer; when the audit writer is slow every request goroutine parks there after its response',
     files=[f('server/audit.go', new=gofile('server', ['net/http', 'time'], r'''
type Audit struct {
    records chan Record
}

func NewAudit() *Audit { return &Audit{records: make(chan Record)} }

func (a *Audit) Middleware(next http.Handler) http.Handler {
    return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
        start := time.Now()
        rw := &statusWriter{ResponseWriter: w}
        defer func() {
            a.records <- Record{Path: r.URL.Path, Status: rw.status, Took: time.Since(start)} //@HTTP-01
        }()
        next.ServeHTTP(rw, r)
    })
}
'''))])

case('go-ok-18-function-handler-reads-and-closes-own-body', 'https://github.com/openfaas/golang-http-template/pull/10',
     'clean: a single function handler (not a middleware) reads the request body and defers its close; redundant but harmless and not a middleware releasing what it does not own',
     files=[f('function/handler.go', new=gofile('function', ['fmt', 'io', 'net/http'], r'''
func Handle(w http.ResponseWriter, r *http.Request) {
    var input []byte
    if r.Body != nil {
        defer r.Body.Close()
        body, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
        input = body
    }
    w.WriteHeader(http.StatusOK)
    fmt.Fprintf(w, "received %d bytes", len(input))
}
'''))])

# ===================================================================== CONC-02 / CONC-03
case('go-47-peer-clients-cached-in-plain-map', 'https://github.com/olric-data/olric/pull/223',
     'a peer client cache is a plain map read and written from every request goroutine without a lock',
     files=[f('client/peers.go', new=gofile('client', ['', 'github.com/redis/go-redis/v9'], r'''
type Peers struct {
    clients map[string]*redis.Client
    opts    redis.Options
}

func (p *Peers) Get(addr string) *redis.Client {
    if c, ok := p.clients[addr]; ok {
        return c
    }
    opts := p.opts
    opts.Addr = addr
    c := redis.NewClient(&opts)
    p.clients[addr] = c //@CONC-03
    return c
}
'''))])

case('go-48-connector-goroutine-per-message', 'https://github.com/nevalang/neva/issues/329',
     'the runtime connector forwards each incoming message to its receivers from a new goroutine, with no bound and no recover',
     files=[f('internal/runtime/connector.go', new=gofile('runtime', ['context'], r'''
func (c *Connector) Run(ctx context.Context, in <-chan Msg) {
    for {
        select {
        case <-ctx.Done():
            return
        case msg := <-in:
            go c.broadcast(ctx, msg) //@CONC-02|CONC-01
        }
    }
}
'''))])

case('go-ok-19-hub-semaphore-bounded-guarded', 'https://github.com/dedis/popstellar/pull/407',
     'clean: the hub acquires a weighted semaphore slot before starting each handler through a recovering helper, so at most N run and a panic is logged',
     files=[f('hub/hub.go', new=gofile('hub', ['context', 'log/slog', '', 'golang.org/x/sync/semaphore'], r'''
func (h *Hub) Start(ctx context.Context) {
    sem := semaphore.NewWeighted(h.workers)
    for {
        select {
        case <-ctx.Done():
            return
        case msg := <-h.incoming:
            if err := sem.Acquire(ctx, 1); err != nil {
                return
            }
            h.spawn(func() {
                defer sem.Release(1)
                h.handle(ctx, msg)
            })
        }
    }
}

func (h *Hub) spawn(fn func()) {
    go func() {
        defer func() {
            if p := recover(); p != nil {
                slog.Error("hub handler panicked", "panic", p)
            }
        }()
        fn()
    }()
}
'''))])

# ===================================================================== generated code and tests beside the change
case('go-ok-20-generated-queries-beside-handwritten-caller', 'https://github.com/chakchat/chakchat-backend/pull/213',
     'clean: a regenerated sqlc file (DO NOT EDIT) changes beside a handwritten caller that closes what it opens; generated code is not reviewed',
     files=[
         f('internal/db/queries.sql.go', new=gofile('db', ['context'], r'''
const listChats = `SELECT id, title FROM chats WHERE owner = $1`

func (q *Queries) ListChats(ctx context.Context, owner int64) ([]Chat, error) {
    rows, err := q.db.Query(ctx, listChats, owner)
    if err != nil {
        return nil, err
    }
    var items []Chat
    for rows.Next() {
        var i Chat
        if err := rows.Scan(&i.ID, &i.Title); err != nil {
            return nil, err
        }
        items = append(items, i)
    }
    return items, nil
}
''', header='// Code generated by sqlc. DO NOT EDIT.\n// versions:\n//   sqlc v1.26.0\n\n')),
         f('internal/chats/service.go', new=gofile('chats', ['context', '', 'example.com/chat/internal/db'], r'''
func (s *Service) Titles(ctx context.Context, owner int64) ([]string, error) {
    chats, err := s.q.ListChats(ctx, owner)
    if err != nil {
        return nil, err
    }
    titles := make([]string, len(chats))
    for i, c := range chats {
        titles[i] = c.Title
    }
    return titles, nil
}
''')),
     ])

case('go-ok-21-fix-with-test-that-leaks-response', 'https://github.com/mihasya/go-metrics-librato/pull/7',
     'clean: the reporter fix closes and drains every response; the test added beside it reads a response from httptest without closing it (test code is not reviewed)',
     files=[
         f('librato/send.go', new=gofile('librato', ['fmt', 'io', 'net/http'], r'''
func (r *Reporter) send(req *http.Request) error {
    resp, err := r.client.Do(req)
    if err != nil {
        return fmt.Errorf("submit metrics: %w", err)
    }
    defer resp.Body.Close()
    defer io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
    if resp.StatusCode/100 != 2 {
        return fmt.Errorf("submit metrics: status %d", resp.StatusCode)
    }
    return nil
}
''')),
         f('librato/send_test.go', new=gofile('librato', ['net/http', 'net/http/httptest', 'testing'], r'''
func TestSendAcceptsNoContent(t *testing.T) {
    srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
        w.WriteHeader(http.StatusNoContent)
    }))
    defer srv.Close()
    resp, err := http.Get(srv.URL)
    if err != nil || resp.StatusCode != http.StatusNoContent {
        t.Fatalf("probe: %v", err)
    }
    r := NewReporter(srv.URL, "u", "t")
    req, _ := http.NewRequest(http.MethodPost, srv.URL+"/v1/metrics", nil)
    if err := r.send(req); err != nil {
        t.Fatal(err)
    }
}
''')),
     ])


# ===================================================================== pull-request shape
# Most features land in a file that already exists. For every case whose only code file is new and holds more than
# one top-level declaration, the file is turned into a modification: the old text is the same file without the
# declarations that carry an expectation (or, for clean cases, without its last function), so the diff shows the
# added function as a hunk with git's three lines of context, the rest of the file unchanged around it.
def _decls(text):
    lines = text.split('\n')
    starts = [i for i, l in enumerate(lines) if l and not l[0].isspace() and not l.startswith(('}', ')', 'package', 'import', '//')) and (i == 0 or lines[i - 1] == '' or lines[i - 1].startswith('//'))]
    blocks = []
    for n, s in enumerate(starts):
        while s > 0 and lines[s - 1].startswith('//'):
            s -= 1
        e = (starts[n + 1] if n + 1 < len(starts) else len(lines))
        while e > 0 and e - 1 > s and (lines[e - 1] == '' or lines[e - 1].startswith('//')):
            e -= 1
        blocks.append((s, e))
    return lines, blocks


def _as_addition(c):
    fs = c.get('files', [])
    code = [x for x in fs if x['path'].endswith('.go')]
    if len(code) != 1 or 'old' in code[0] or code[0]['path'].endswith('_test.go') or 'DO NOT EDIT' in code[0]['new'][:80] or '/vendor/' in code[0]['path'] or code[0]['path'].startswith('vendor/'):
        return
    f0 = code[0]
    lines, blocks = _decls(f0['new'])
    body = [(s, e) for s, e in blocks if not lines[s].startswith(('import',))]
    if len(body) < 2:
        return
    marked = [(s, e) for s, e in body if any('//@' in lines[i] for i in range(s, e))]
    drop = marked if marked else [body[-1]]
    if len(drop) == len(body):
        return
    keep = []
    for i, l in enumerate(lines):
        if any(s <= i < e for s, e in drop):
            continue
        keep.append(l)
    old = '\n'.join(keep)
    while '\n\n\n' in old:
        old = old.replace('\n\n\n', '\n\n')
    f0['old'] = old.replace('//@', '// was ')  # no markers can be left in old text (there are none: dropped)


for _c in CASES:
    _as_addition(_c)
