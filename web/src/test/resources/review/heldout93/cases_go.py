"""Round-93 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- TMO-01 / RES-02: HTTP transport of a ClickHouse driver (go-clickhouse)
CHHTTP = template('go-clickhouse-http-transport', r'''
const httpTransportBodyType = "text/plain"

// HttpTransport sends queries to a ClickHouse server over its HTTP interface. ClickHouse keeps running a query whose
// client went away, so a request that never answers must give up on its own instead of holding the caller forever.
type HttpTransport struct {
    timeout time.Duration
    client  *http.Client
}

// NewHttpTransport returns a transport whose requests fail after timeout.
func NewHttpTransport(timeout time.Duration) HttpTransport {
    return HttpTransport{
        timeout: timeout,
02|        client:  &http.Client{Timeout: timeout},
1|        client:  &http.Client{}, //@TMO-01
    }
}

// Exec runs one statement: read-only statements go as GET with the query in the URL, everything else as POST.
func (t HttpTransport) Exec(conn *Conn, q Query, readOnly bool) (string, error) {
    query := prepareHttp(q.Stmt, q.args)
    var req *http.Request
    var err error
    if readOnly {
        if len(query) > 0 {
            query = "?query=" + url.QueryEscape(query)
        }
        req, err = http.NewRequest("GET", conn.Host+query, nil)
    } else {
        req, err = http.NewRequest("POST", conn.Host, strings.NewReader(query))
    }
    if err != nil {
        return "", err
    }
    req.Header.Set("Content-Type", httpTransportBodyType)

    resp, err := t.client.Do(req)
    if err != nil { //@{2}RES-02
        return "", err
    }
01|    defer resp.Body.Close()

    buf, err := ioutil.ReadAll(resp.Body)
    if err != nil {
        return "", err
    }
    if resp.StatusCode != http.StatusOK {
        return "", errors.New(strings.TrimSpace(string(buf)))
    }
2|    resp.Body.Close()
    return string(buf), nil
}
''')
cases_of(case, GH + 'roistat/go-clickhouse/pull/13', 'http.go',
         G('clickhouse', ['errors', 'io/ioutil', 'net/http', 'net/url', 'strings', 'time'])(CHHTTP), [
             (1, 'go-00-go-clickhouse-transport-client-without-timeout',
              'an edit builds the transport\'s HTTP client without its timeout, so a ClickHouse server that accepts '
              'the connection and never answers holds every caller of Exec forever', 'edit'),
             (2, 'go-00-go-clickhouse-transport-body-closed-only-on-success',
              'an edit closes the response body only after a successful status, so every query ClickHouse rejects '
              'leaves its connection out of the pool', 'edit'),
             (0, 'go-ok-00-go-clickhouse-transport-client-with-timeout',
              'clean: the fix gives the transport\'s client its timeout back', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / TMO-02: API calls of a time-series database client (influxdb3-go)
INFLUX3 = template('influxdb3-go-api-call', r'''
type httpParams struct {
    endpointURL *url.URL
    queryParams url.Values
    httpMethod  string
    headers     http.Header
    body        io.Reader
}

// makeAPICall sends one request to the server and hands the response to the caller, who must close its body. A
// response with an error status is turned into an error here, so its body is closed here too.
func (c *Client) makeAPICall(ctx context.Context, params httpParams) (*http.Response, error) {
    urlObj := *params.endpointURL
    urlObj.RawQuery = params.queryParams.Encode()

01|    req, err := http.NewRequestWithContext(ctx, params.httpMethod, urlObj.String(), params.body)
2|    req, err := http.NewRequest(params.httpMethod, urlObj.String(), params.body) //@TMO-02
    if err != nil {
        return nil, fmt.Errorf("error calling %s: %w", urlObj.String(), err)
    }
    for k, v := range c.config.Headers {
        for _, i := range v {
            req.Header.Add(k, i)
        }
    }
    for k, v := range params.headers {
        for _, i := range v {
            req.Header.Add(k, i)
        }
    }
    req.Header.Set("User-Agent", userAgent)
    if c.authorization != "" {
        req.Header.Add("Authorization", c.authorization)
    }

    resp, err := c.config.HTTPClient.Do(req)
    if err != nil {
        return nil, fmt.Errorf("error calling %s: %w", urlObj.String(), err) //@{1}RES-02
    }
    if err := c.resolveHTTPError(resp); err != nil {
02|        if cerr := resp.Body.Close(); cerr != nil {
02|            slog.Warn("failed to close response body after HTTP error", "url", urlObj.String(), "error", cerr)
02|        }
        return nil, err
    }
    return resp, nil
}
''')
cases_of(case, GH + 'InfluxCommunity/influxdb3-go/pull/106', 'influxdb3/client.go',
         GV('influxdb3', {0: ['context', 'fmt', 'io', 'log/slog', 'net/http', 'net/url'],
                          1: ['context', 'fmt', 'io', 'net/http', 'net/url'],
                          2: ['context', 'fmt', 'io', 'log/slog', 'net/http', 'net/url']})(INFLUX3), [
             (1, 'go-00-influxdb3-go-error-response-body-not-closed',
              'an edit returns the error of a failed API call without closing its response body, so a server that '
              'answers writes with 4xx or 5xx leaks one connection per rejected batch', 'edit'),
             (2, 'go-00-influxdb3-go-request-without-caller-context',
              'an edit builds the API request without the caller\'s context, so a write or query the caller cancels '
              'or times out keeps running until the server answers', 'edit'),
             (0, 'go-ok-00-influxdb3-go-error-response-body-closed',
              'clean: the fix closes the body of an error response and logs a failed close', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / ERR-01: Go map store of a key-value abstraction (gokv), renamed file
GOKV = template('gokv-gomap-store', r'''
// Store is a gokv.Store implementation for a Go map with a sync.RWMutex for concurrent access.
type Store struct {
    m     map[string][]byte
    lock  *sync.RWMutex
    codec encoding.Codec
}

// Set stores the given value for the given key.
// Values are automatically marshalled to JSON or gob (depending on the configuration).
func (s Store) Set(k string, v interface{}) error {
    if err := util.CheckKeyAndValue(k, v); err != nil {
        return err
    }

    data, err := s.codec.Marshal(v)
    if err != nil {
        return err
    }

    s.lock.Lock()
    s.m[k] = data
    s.lock.Unlock()
    return nil
}

// Get retrieves the stored value for the given key and unmarshals it into v.
// If no value is found it returns false and v stays untouched.
func (s Store) Get(k string, v interface{}) (found bool, err error) {
    if err := util.CheckKey(k); err != nil {
        return false, err
    }

    s.lock.RLock()
    data, found := s.m[k]
    s.lock.RUnlock()
    if !found {
        return false, nil
    }

01|    return true, s.codec.Unmarshal(data, v)
2|    _ = s.codec.Unmarshal(data, v) //@ERR-01
2|    return true, nil
}

// Delete deletes the stored value for the given key.
// Deleting a non-existing key-value pair does NOT lead to an error.
func (s Store) Delete(k string) error {
    if err := util.CheckKey(k); err != nil {
        return err
    }

02|    s.lock.Lock()
    delete(s.m, k) //@{1}CONC-03
02|    s.lock.Unlock()
    return nil
}

// Close closes the store.
// When called, the store's pointer to the internal Go map is set to nil,
// leading to the map being free for garbage collection.
func (s *Store) Close() error {
    s.m = nil
    return nil
}
''')
cases_of(case, GH + 'philippgille/gokv/pull/90', 'gomap/store.go',
         G('gomap', ['sync', '', 'github.com/philippgille/gokv/encoding', 'github.com/philippgille/gokv/util'])(GOKV), [
             (1, 'go-00-gokv-renamed-gomap-delete-without-lock',
              'a PR renames the Go map store\'s file and deletes keys without taking the store\'s lock, so a Delete '
              'running beside a Set crashes the program with a concurrent map write', 'rename'),
             (2, 'go-00-gokv-renamed-gomap-get-drops-unmarshal-error',
              'a PR renames the Go map store\'s file and drops the error of unmarshalling a stored value, so Get '
              'reports a found key while the caller\'s value stays empty or half filled', 'rename'),
             (0, 'go-ok-00-gokv-renamed-gomap-store',
              'clean: the rename alone; Delete takes the lock and Get returns the unmarshal error', 'rename'),
         ], rename_from='gomap/gomap.go')


# ---------------------------------------------------------------- TMO-02 / CONC-01: context support of an embedded SQLite driver (go-libsql), new file
LIBSQL = template('go-libsql-do-context', r'''
// The native calls of libsql block and cannot be interrupted. doContext runs one on a goroutine of its own and
// returns as soon as ctx is done; the goroutine then finishes the call in the background and its result is dropped.
// The channel is buffered, so the late goroutine never blocks on a send nobody receives.
func doContext[T any](ctx context.Context, f func() (T, error)) (T, error) {
    type result struct {
        val T
        err error
    }
    done := make(chan result, 1)
    go func() { //@{2}CONC-01
01|        defer func() {
01|            if r := recover(); r != nil {
01|                done <- result{err: fmt.Errorf("libsql: native call panicked: %v", r)}
01|            }
01|        }()
        val, err := f()
        done <- result{val: val, err: err}
    }()

    select {
    case r := <-done:
        return r.val, r.err
    case <-ctx.Done():
        var zero T
        return zero, ctx.Err()
    }
}

// ExecContext runs a statement that returns no rows, giving up when ctx is done.
func (c *conn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
02|    return doContext(ctx, func() (driver.Result, error) {
1|    return doContext(context.Background(), func() (driver.Result, error) { //@TMO-02
        return c.execute(query, args)
    })
}

// QueryContext runs a statement that returns rows, giving up when ctx is done.
func (c *conn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
    return doContext(ctx, func() (driver.Rows, error) {
        return c.query(query, args)
    })
}

// NewEmbeddedReplicaConnectorContext is NewEmbeddedReplicaConnector that gives up when ctx is done, for a primary
// that does not answer the first sync.
func NewEmbeddedReplicaConnectorContext(ctx context.Context, dbPath string, primaryUrl string, opts ...Option) (*Connector, error) {
    return doContext(ctx, func() (*Connector, error) {
        return NewEmbeddedReplicaConnector(dbPath, primaryUrl, opts...)
    })
}
''')
cases_of(case, GH + 'tursodatabase/go-libsql/pull/51', 'context.go',
         GV('libsql', {0: ['context', 'database/sql/driver', 'fmt'],
                       1: ['context', 'database/sql/driver', 'fmt'],
                       2: ['context', 'database/sql/driver']})(LIBSQL), [
             (1, 'go-00-go-libsql-new-exec-context-ignores-caller-context',
              'a new file gives the driver context support but runs ExecContext under a background context, so a '
              'statement the caller cancels or times out keeps the caller waiting for the native call', 'new'),
             (2, 'go-00-go-libsql-new-do-context-goroutine-without-recover',
              'a new file runs each native call on a goroutine without a recover, so a panic in the cgo wrapper '
              'takes down the program that embeds the database', 'new'),
             (0, 'go-ok-00-go-libsql-new-do-context',
              'clean: a new helper that recovers in its goroutine and passes the caller\'s context everywhere', 'new'),
         ])


# ---------------------------------------------------------------- TMO-03 / LOG-01: session pool of an Oracle driver (godror)
GODROR = template('godror-pool-ping', r'''
// acquire hands out an idle session of the pool, pinging it first when it sat idle longer than the ping interval, or
// opens a new one when none is left. Every statement of every caller goes through here.
func (p *connPool) acquire(ctx context.Context) (*conn, error) {
    for {
        c := p.popIdle()
        if c == nil {
            return p.open(ctx)
        }
2|        p.logger.Info("reusing idle session", "sid", c.sid, "idle", time.Since(c.released)) //@LOG-01
        if time.Since(c.released) < p.params.PingInterval {
            return c, nil
        }
        if err := p.ping(ctx, c); err != nil {
            p.logger.Debug("dropping dead idle session", "sid", c.sid, "error", err)
            c.closeSession()
            continue
        }
        return c, nil
    }
}

// ping checks a session that sat idle, bounded by the pool's ping timeout, so that a dead network path does not hold
// the caller until the operating system gives up on the socket.
func (p *connPool) ping(ctx context.Context, c *conn) error {
02|    ctx, cancel := context.WithTimeout(ctx, p.params.PingTimeout)
02|    defer cancel()
1|    ctx, _ = context.WithTimeout(ctx, p.params.PingTimeout) //@TMO-03
    if err := c.pingContext(ctx); err != nil {
        return fmt.Errorf("ping session %d: %w", c.sid, err)
    }
    c.released = time.Now()
    return nil
}

// release puts a session back into the pool, or closes it when the pool is full or the session is broken.
func (p *connPool) release(c *conn) {
    if c.broken || !p.pushIdle(c) {
        c.closeSession()
        return
    }
    c.released = time.Now()
}
''')
cases_of(case, GH + 'godror/godror/issues/292', 'pool.go',
         G('godror', ['context', 'fmt', 'time'])(GODROR), [
             (1, 'go-00-godror-pool-ping-cancel-discarded',
              'an edit discards the cancel of the idle-session ping\'s timeout, so every ping of a busy pool leaves a '
              'timer and a context behind until the ping timeout fires', 'edit'),
             (2, 'go-00-godror-pool-logs-every-idle-reuse',
              'an edit logs at info level every idle session the pool hands out, so a busy service writes a log line '
              'for every statement it runs', 'edit'),
             (0, 'go-ok-00-godror-pool-ping-cancels',
              'clean: the fix cancels the ping\'s timeout when the ping returns', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / LOG-03: MySQL connections of a federated query connector (fq-connector-go)
FQMYSQL = template('fq-connector-mysql-connection', r'''
var _ rdbms_utils.ConnectionManager = (*connectionManager)(nil)

type connectionManager struct {
    rdbms_utils.ConnectionManagerBase
    cfg *config.TMySQLConfig
}

// Make opens one connection to the MySQL instance of the request. A connection that fails any step after the dial is
// closed here: the caller only ever sees connections that are ready to read.
func (c *connectionManager) Make(params *rdbms_utils.ConnectionParams) ([]rdbms_utils.Connection, error) {
    dsi, ctx, logger := params.DataSourceInstance, params.Ctx, params.Logger
    if dsi.GetCredentials().GetBasic() == nil {
        return nil, fmt.Errorf("currently only basic auth is supported")
    }

    endpoint := dsi.GetEndpoint()
    addr := fmt.Sprintf("%s:%d", endpoint.GetHost(), endpoint.GetPort())
    user, password := dsi.GetCredentials().GetBasic().GetUsername(), dsi.GetCredentials().GetBasic().GetPassword()
    dialer := &net.Dialer{Timeout: common.MustDurationFromString(c.cfg.OpenConnectionTimeout)}

    conn, err := client.ConnectWithDialer(ctx, "tcp", addr, user, password, dsi.GetDatabase(), dialer.DialContext)
    if err != nil {
        return nil, fmt.Errorf("connect to %s: %w", addr, err) //@{1}RES-01
    }
    if err := conn.SetCharset("utf8mb4"); err != nil {
02|        conn.Close()
        return nil, fmt.Errorf("set charset: %w", err)
    }
    conn.SetTLSConfig(nil)

01|    logger.Debug("connected to MySQL", zap.String("address", addr), zap.String("database", dsi.GetDatabase()))
2|    c.Logger.Debug("connected to MySQL", zap.String("address", addr), zap.String("database", dsi.GetDatabase())) //@LOG-03

    return []rdbms_utils.Connection{&connection{conn: conn, logger: c.QueryLoggerFactory.Make(logger)}}, nil
}

// Release closes the connections of a finished request.
func (c *connectionManager) Release(_ context.Context, logger *zap.Logger, cs []rdbms_utils.Connection) {
    for _, cs := range cs {
        if err := cs.Close(); err != nil {
            logger.Error("close connection", zap.Error(err))
        }
    }
}
''')
cases_of(case, GH + 'ydb-platform/fq-connector-go/pull/196', 'app/server/datasource/rdbms/mysql/connection_manager.go',
         G('mysql', ['context', 'fmt', 'net', '', 'github.com/go-mysql-org/go-mysql/client', 'go.uber.org/zap', '',
                     'github.com/ydb-platform/fq-connector-go/app/config',
                     'github.com/ydb-platform/fq-connector-go/app/server/datasource/rdbms/utils',
                     'github.com/ydb-platform/fq-connector-go/common'])(FQMYSQL), [
             (1, 'go-00-fq-connector-mysql-connection-left-open-on-charset-error',
              'an edit returns the error of setting the connection\'s charset without closing the connection, so a '
              'server that refuses utf8mb4 leaves one open connection and its reader goroutine per request', 'edit'),
             (2, 'go-00-fq-connector-mysql-connect-logged-without-request-logger',
              'an edit logs the new connection with the manager\'s logger instead of the request\'s, so the line '
              'carries no request id and cannot be matched to the query that opened it', 'edit'),
             (0, 'go-ok-00-fq-connector-mysql-connection-closed-on-charset-error',
              'clean: the fix closes the connection when setting its charset fails', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / TMO-03: backend pool of a sharding router (spqr)
SPQR = template('spqr-shard-pool', r'''
// Connection returns a backend connection to the shard host, waiting up to the pool's acquire timeout. When no idle
// connection is left and the pool is below its limit, a new connection is dialled in the background; at most
// maxDials dials run at once, so that a burst of clients does not open a connection storm against the shard.
func (p *shardPool) Connection(clientID uint, shardKey kr.ShardKey) (shard.Shard, error) {
01|    ctx, cancel := context.WithTimeout(context.Background(), p.acquireTimeout)
01|    defer cancel()
2|    ctx, _ := context.WithTimeout(context.Background(), p.acquireTimeout) //@TMO-03

    for {
        if sh := p.popIdle(); sh != nil {
            return sh, nil
        }
        if p.tryReserve() {
02|            select {
02|            case p.dialSem <- struct{}{}:
02|            case <-ctx.Done():
02|                p.unreserve()
02|                return nil, fmt.Errorf("shard %s: no dial slot within %v: %w", p.host, p.acquireTimeout, ctx.Err())
02|            }
            go p.dialOne(shardKey) //@{1}CONC-02
        }
        select {
        case <-p.idleSignal:
        case <-ctx.Done():
            return nil, fmt.Errorf("shard %s: no connection within %v: %w", p.host, p.acquireTimeout, ctx.Err())
        }
    }
}

// dialOne opens one backend connection and hands it to the waiters through the idle list.
func (p *shardPool) dialOne(shardKey kr.ShardKey) {
02|    defer func() { <-p.dialSem }()
    defer func() {
        if r := recover(); r != nil {
            spqrlog.Zero.Error().Interface("panic", r).Str("host", p.host).Msg("dialling shard connection panicked")
            p.unreserve()
        }
    }()
    sh, err := p.alloc(shardKey, p.host, p.rule)
    if err != nil {
        spqrlog.Zero.Error().Err(err).Str("host", p.host).Msg("failed to dial shard connection")
        p.unreserve()
        return
    }
    p.pushIdle(sh)
}
''')
cases_of(case, GH + 'pg-sharding/spqr/pull/2852', 'pkg/pool/shardpool.go',
         G('pool', ['context', 'fmt', '', 'github.com/pg-sharding/spqr/pkg/models/kr',
                    'github.com/pg-sharding/spqr/pkg/shard', 'github.com/pg-sharding/spqr/pkg/spqrlog'])(SPQR), [
             (1, 'go-00-spqr-shard-pool-dials-without-bound',
              'an edit drops the semaphore around the background dials of the shard pool, so a burst of clients '
              'starts one dialling goroutine each and opens a connection storm against a slow shard', 'edit'),
             (2, 'go-00-spqr-shard-pool-acquire-cancel-discarded',
              'an edit discards the cancel of the acquire timeout, so every connection the router hands out leaves a '
              'timer and a context behind until the acquire timeout fires', 'edit'),
             (0, 'go-ok-00-spqr-shard-pool-dials-bounded',
              'clean: the fix bounds the background dials with a semaphore', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / RES-03: bucket ids and index rebuild of an embedded key-value store (nutsdb)
NUTS = template('nutsdb-bucket-ids-and-index', r'''
// bucketID returns the id of a bucket, caching the name lookup. Transactions of many goroutines call it.
func (db *DB) bucketID(ds Ds, name BucketName) (BucketId, error) {
    db.bucketIDsMu.RLock()
    id, ok := db.bucketIDs[ds][name]
    db.bucketIDsMu.RUnlock()
    if ok {
        return id, nil
    }

    b, err := db.bm.GetBucket(ds, name)
    if err != nil {
        return 0, err
    }
02|    db.bucketIDsMu.Lock()
    db.bucketIDs[ds][name] = b.Id //@{1}CONC-03
02|    db.bucketIDsMu.Unlock()
    return b.Id, nil
}

// buildIndexes reads every data file from the oldest on and rebuilds the in-memory indexes. A store keeps hundreds
// of data files, so each one is closed as soon as it has been read.
func (db *DB) buildIndexes(fids []int64) error {
    for _, fid := range fids {
        path := getDataPath(fid, db.opt.Dir)
        fd, err := os.Open(path)
        if err != nil {
            return fmt.Errorf("open data file %d: %w", fid, err)
        }
2|        defer fd.Close() //@RES-03
        r := bufio.NewReaderSize(fd, int(db.opt.BufferSizeOfRecovery))

        var off int64
        for {
            entry, err := readEntry(r, off)
            if err == io.EOF {
                break
            }
            if err != nil {
01|                fd.Close()
                return fmt.Errorf("read data file %d at %d: %w", fid, off, err)
            }
            if err := db.applyEntry(fid, off, entry); err != nil {
01|                fd.Close()
                return err
            }
            off += entry.Size()
        }
01|        if err := fd.Close(); err != nil {
01|            return fmt.Errorf("close data file %d: %w", fid, err)
01|        }
    }
    return nil
}
''')
cases_of(case, GH + 'nutsdb/nutsdb/pull/509', 'db.go',
         G('nutsdb', ['bufio', 'fmt', 'io', 'os'])(NUTS), [
             (1, 'go-00-nutsdb-bucket-id-cache-written-without-lock',
              'an edit fills the bucket id cache without its lock, so two transactions that look up new buckets at '
              'once crash the program with a concurrent map write', 'edit'),
             (2, 'go-00-nutsdb-index-rebuild-defers-close-in-loop',
              'an edit closes each data file of the index rebuild with a defer inside the loop, so opening a store '
              'with many data files holds every one of them open until the rebuild ends', 'edit'),
             (0, 'go-ok-00-nutsdb-bucket-id-cache-written-under-lock',
              'clean: the fix fills the bucket id cache under its lock', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / TX-02: transactional SQL file runner (sqlfile), CRLF file
SQLFILE = template('sqlfile-exec', r'''
// SqlFile holds the statements of the loaded SQL files, in the order they were read.
type SqlFile struct {
    files   []string
    queries []string
}

// New returns an empty SqlFile.
func New() *SqlFile {
    return &SqlFile{}
}

// File loads the statements of one SQL file, split at the semicolons that end a line.
func (s *SqlFile) File(file string) error {
    queries, err := load(file)
    if err != nil {
        return err
    }
    s.files = append(s.files, file)
    s.queries = append(s.queries, queries...)
    return nil
}

// Exec runs every loaded statement in one transaction: either all of them take effect or none does.
func (s *SqlFile) Exec(db *sql.DB) ([]sql.Result, error) {
    tx, err := db.Begin()
    if err != nil { //@{1}TX-01
        return nil, err
    }
02|    // Rolling back after a successful Commit does nothing (sql.ErrTxDone), so this only undoes a failed run.
02|    defer tx.Rollback()

    rs := make([]sql.Result, 0, len(s.queries))
    for _, q := range s.queries {
        r, err := tx.Exec(q)
        if err != nil {
            return nil, fmt.Errorf("%s: %w", q, err)
        }
        rs = append(rs, r)
    }
01|    if err := tx.Commit(); err != nil {
01|        return nil, err
01|    }
2|    tx.Commit() //@TX-02
    return rs, nil
}
''')
cases_of(case, GH + 'tanimutomo/sqlfile/issues/2', 'sqlfile.go',
         G('sqlfile', ['database/sql', 'fmt'])(SQLFILE), [
             (1, 'go-00-sqlfile-exec-no-rollback-on-failed-statement',
              'an edit drops the deferred rollback of the statements\' transaction, so a statement that fails leaves '
              'the transaction open and its connection and locks held', 'edit'),
             (2, 'go-00-sqlfile-exec-commit-error-dropped',
              'an edit ignores the error of committing the transaction, so a commit the server refuses reports every '
              'statement as applied', 'edit'),
             (0, 'go-ok-00-sqlfile-exec-rolls-back',
              'clean: the fix defers the rollback that undoes a failed run', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- TMO-01 / RES-04: scrape client of a ClickHouse exporter (clickhouse_exporter)
CHEXP = template('clickhouse-exporter-scrape', r'''
// Exporter collects clickhouse stats from the given URI and exports them using
// the prometheus metrics package.
type Exporter struct {
    metricsURI      string
    asyncMetricsURI string
    eventsURI       string
    partsURI        string
    client          *http.Client

    scrapeFailures prometheus.Counter

    user     string
    password string
}

// NewExporter returns an initialized Exporter. A scrape must end well inside Prometheus' own scrape timeout, or a
// ClickHouse server that hangs leaves stuck connections behind on every scrape.
func NewExporter(uri url.URL, insecure bool, user, password string) *Exporter {
    q := uri.Query()
    metricsURI := uri
    q.Set("query", "select metric, value from system.metrics")
    metricsURI.RawQuery = q.Encode()

    return &Exporter{
        metricsURI: metricsURI.String(),
        scrapeFailures: prometheus.NewCounter(prometheus.CounterOpts{
            Namespace: namespace,
            Name:      "exporter_scrape_failures_total",
            Help:      "Number of errors while scraping clickhouse.",
        }),
        client: &http.Client{ //@{1}TMO-01
02|            Timeout: 30 * time.Second,
            Transport: &http.Transport{
                TLSClientConfig: &tls.Config{InsecureSkipVerify: insecure},
            },
        },
        user:     user,
        password: password,
    }
}

func (e *Exporter) response(uri string) ([]byte, error) {
    req, err := http.NewRequest("GET", uri, nil)
    if err != nil {
        return nil, err
    }
    if e.user != "" && e.password != "" {
        req.Header.Set("X-ClickHouse-User", e.user)
        req.Header.Set("X-ClickHouse-Key", e.password)
    }
01|    resp, err := e.client.Do(req)
2|    client := &http.Client{Transport: &http.Transport{}, Timeout: 30 * time.Second} //@RES-04
2|    resp, err := client.Do(req)
    if err != nil {
        return nil, fmt.Errorf("error scraping clickhouse: %v", err)
    }
    defer resp.Body.Close()

    data, err := ioutil.ReadAll(resp.Body)
    if err != nil {
        return nil, fmt.Errorf("error reading clickhouse response: %v", err)
    }
    if resp.StatusCode < 200 || resp.StatusCode >= 400 {
        return nil, fmt.Errorf("status %s (%d): %s", resp.Status, resp.StatusCode, data)
    }
    return data, nil
}
''')
cases_of(case, GH + 'ClickHouse/clickhouse_exporter/pull/27', 'exporter/exporter.go',
         G('exporter', ['crypto/tls', 'fmt', 'io/ioutil', 'net/http', 'net/url', 'time', '',
                        'github.com/prometheus/client_golang/prometheus'])(CHEXP), [
             (1, 'go-00-clickhouse-exporter-client-without-timeout',
              'an edit builds the exporter\'s HTTP client without its timeout, so a ClickHouse server that stops '
              'answering leaves one stuck connection behind on every Prometheus scrape', 'edit'),
             (2, 'go-00-clickhouse-exporter-client-per-scrape',
              'an edit builds a new HTTP client with its own transport for every scraped query, so each scrape opens '
              'new connections and leaves the old ones idle until the transport is collected', 'edit'),
             (0, 'go-ok-00-clickhouse-exporter-client-with-timeout',
              'clean: the fix gives the shared client its timeout back', 'fix'),
         ])
