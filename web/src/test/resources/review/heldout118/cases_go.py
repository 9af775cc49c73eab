"""Round-118 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- TMO-02 / TMO-03: Redis connector of an RPC proxy's cache (erpc)
ERPCREDIS = template('erpc-redis-connector-deadlines', r'''
// RedisConnector keeps cached responses and shared state in Redis. Every call is bounded twice: by the deadline of
// the request being served and by the connector's own get or set timeout, whichever ends first.
type RedisConnector struct {
    id         string
    logger     *zerolog.Logger
    client     *redis.Client
    getTimeout time.Duration
    setTimeout time.Duration
}

func NewRedisConnector(ctx context.Context, logger *zerolog.Logger, id string, cfg *common.RedisConnectorConfig) (*RedisConnector, error) {
    opts, err := redis.ParseURL(cfg.URI)
    if err != nil {
        return nil, fmt.Errorf("parsing redis uri of connector %s: %w", id, err)
    }
    if cfg.TLS != nil && cfg.TLS.Enabled {
        opts.TLSConfig = &tls.Config{MinVersion: tls.VersionTLS12}
    }
    opts.PoolSize = cfg.ConnPoolSize
    opts.DialTimeout = cfg.InitTimeout.Duration()
    opts.ReadTimeout = cfg.GetTimeout.Duration()
    opts.WriteTimeout = cfg.SetTimeout.Duration()
    // Let a context deadline cut a command already on the wire, not only the wait for a pooled connection.
    opts.ContextTimeoutEnabled = true

    r := &RedisConnector{
        id:         id,
        logger:     logger,
        client:     redis.NewClient(opts),
        getTimeout: cfg.GetTimeout.Duration(),
        setTimeout: cfg.SetTimeout.Duration(),
    }
    pingCtx, cancel := context.WithTimeout(ctx, cfg.InitTimeout.Duration())
    defer cancel()
    if err := r.client.Ping(pingCtx).Err(); err != nil {
        return nil, fmt.Errorf("connecting redis connector %s: %w", id, err)
    }
    return r, nil
}

func (r *RedisConnector) Id() string {
    return r.id
}

func (r *RedisConnector) Get(ctx context.Context, index, partitionKey, rangeKey string) ([]byte, error) {
    key := fmt.Sprintf("%s:%s", partitionKey, rangeKey)
02|    ctx, cancel := context.WithTimeout(ctx, r.getTimeout)
1|    ctx, cancel := context.WithTimeout(context.Background(), r.getTimeout) //@TMO-02
    defer cancel()

    value, err := r.client.Get(ctx, key).Bytes()
    if errors.Is(err, redis.Nil) {
        return nil, common.NewErrRecordNotFound(partitionKey, rangeKey, RedisDriverName)
    }
    if err != nil {
        return nil, fmt.Errorf("redis get %s: %w", key, err)
    }
    return value, nil
}

func (r *RedisConnector) Set(ctx context.Context, partitionKey, rangeKey string, value []byte, ttl *time.Duration) error {
    key := fmt.Sprintf("%s:%s", partitionKey, rangeKey)
01|    ctx, cancel := context.WithTimeout(ctx, r.setTimeout)
01|    defer cancel()
2|    ctx, _ = context.WithTimeout(ctx, r.setTimeout) //@TMO-03

    expiration := time.Duration(0)
    if ttl != nil {
        expiration = *ttl
    }
    if err := r.client.Set(ctx, key, value, expiration).Err(); err != nil {
        return fmt.Errorf("redis set %s on connector %s: %w", key, r.id, err)
    }
    return nil
}

func (r *RedisConnector) Delete(ctx context.Context, partitionKey, rangeKey string) error {
    key := fmt.Sprintf("%s:%s", partitionKey, rangeKey)
    ctx, cancel := context.WithTimeout(ctx, r.setTimeout)
    defer cancel()
    return r.client.Del(ctx, key).Err()
}
''')
_ERPC = ['context', 'crypto/tls', 'errors', 'fmt', 'time', '', 'github.com/erpc/erpc/common',
         'github.com/redis/go-redis/v9', 'github.com/rs/zerolog']
cases_of(case, GH + 'erpc/erpc/pull/1113', 'data/redis.go', G('data', _ERPC)(ERPCREDIS), [
    (1, 'go-00-erpc-redis-get-detached-from-request-deadline',
     'an edit bounds the cache read with a fresh background context, so the request\'s own deadline no longer cuts '
     'a slow Redis GET', 'edit'),
    (2, 'go-00-erpc-redis-set-timeout-cancel-dropped',
     'an edit discards the cancel function of the cache write\'s timeout context', 'edit'),
    (0, 'go-ok-00-erpc-redis-calls-bounded-by-request-deadline',
     'clean: the fix derives every Redis call\'s timeout from the caller\'s context', 'fix'),
])


# ---------------------------------------------------------------- TIME-01 / ERR-01: timestamp columns of a Db2 driver (go_ibm_db), CRLF file
IBMTIME = template('go-ibm-db-timestamp-columns', r'''
const db2TimestampLayout = "2006-01-02-15.04.05.000000"

// timestampFromStruct turns a TIMESTAMP column, which Db2 stores without a time zone, into a time.Time. The value
// is read as UTC so that the same row gives the same instant on every machine the driver runs on.
func timestampFromStruct(ts *api.SQL_TIMESTAMP_STRUCT) time.Time {
    return time.Date(int(ts.Year), time.Month(ts.Month), int(ts.Day),
        int(ts.Hour), int(ts.Minute), int(ts.Second), int(ts.Fraction),
02|        time.UTC)
1|        time.Local) //@TIME-01
}

// parseTimestampText reads a timestamp that the server sent as character data (a CHAR column or a cast).
func parseTimestampText(b []byte) (time.Time, error) {
    s := strings.TrimSpace(string(b))
    t, err := time.ParseInLocation(db2TimestampLayout, s, time.UTC)
    if err != nil { //@{2}ERR-01
01|        return time.Time{}, fmt.Errorf("go_ibm_db: parsing timestamp %q: %w", s, err)
2|        return time.Time{}, nil
    }
    return t, nil
}

// Value converts the bound buffer of one column of the current row into the driver value database/sql expects.
func (c *BindableColumn) Value(buf []byte) (driver.Value, error) {
    if c.IsVariableWidth && c.Len.IsNull() {
        return nil, nil
    }
    switch c.CType {
    case api.SQL_C_TYPE_TIMESTAMP:
        ts := (*api.SQL_TIMESTAMP_STRUCT)(unsafe.Pointer(&buf[0]))
        return timestampFromStruct(ts), nil
    case api.SQL_C_CHAR:
        if c.SQLType == api.SQL_TYPE_TIMESTAMP {
            return parseTimestampText(buf[:c.Len])
        }
        return string(buf[:c.Len]), nil
    case api.SQL_C_SBIGINT:
        return *(*int64)(unsafe.Pointer(&buf[0])), nil
    case api.SQL_C_DOUBLE:
        return *(*float64)(unsafe.Pointer(&buf[0])), nil
    default:
        return nil, fmt.Errorf("go_ibm_db: unsupported column C type %d", c.CType)
    }
}
''')
_IBM = ['database/sql/driver', 'fmt', 'strings', 'time', 'unsafe', '', 'github.com/ibmdb/go_ibm_db/api']
cases_of(case, GH + 'ibmdb/go_ibm_db/pull/268', 'column_time.go', G('go_ibm_db', _IBM)(IBMTIME), [
    (1, 'go-00-go-ibm-db-timestamp-read-in-local-zone',
     'an edit builds TIMESTAMP column values in the machine\'s local zone, so the same row reads as a different '
     'instant on every host; CRLF file', 'edit'),
    (2, 'go-00-go-ibm-db-timestamp-text-parse-error-dropped',
     'an edit returns a zero time and no error when a character timestamp does not parse; CRLF file', 'edit'),
    (0, 'go-ok-00-go-ibm-db-timestamp-read-as-utc',
     'clean: the fix reads zone-less TIMESTAMP values as UTC; CRLF file', 'fix'),
], crlf=True)


# ---------------------------------------------------------------- OPS-02 / TMO-01: readiness probe of a project tracker's API (devlane)
DEVLANEHEALTH = template('devlane-readiness-probe', r'''
0|// readinessTimeout bounds the database ping, so a hung connection cannot hold the probe open whatever deadline the
0|// orchestrator's own request carries.
0|const readinessTimeout = 3 * time.Second
0|
var startedAt = time.Now()

// Liveness reports that the process is up; it never touches a dependency, so a database outage does not restart
// the pod.
func Liveness(c *gin.Context) {
    c.JSON(http.StatusOK, gin.H{"status": "ok", "uptime": time.Since(startedAt).Round(time.Second).String()})
}

// NewReadinessHandler reports whether this instance can serve traffic: it is ready only while Postgres, its one
// hard dependency, answers a ping. Optional infrastructure (Redis, RabbitMQ, MinIO) is left out on purpose.
func NewReadinessHandler(db *gorm.DB) gin.HandlerFunc {
    return func(c *gin.Context) {
02|        sqlDB, err := db.DB()
02|        if err != nil {
02|            c.JSON(http.StatusServiceUnavailable, gin.H{"status": "not_ready"})
02|            return
02|        }
0|        ctx, cancel := context.WithTimeout(c.Request.Context(), readinessTimeout)
0|        defer cancel()
0|        if err := sqlDB.PingContext(ctx); err != nil {
2|        if err := sqlDB.PingContext(c.Request.Context()); err != nil { //@TMO-01
02|            c.JSON(http.StatusServiceUnavailable, gin.H{"status": "not_ready"})
02|            return
02|        }
        c.JSON(http.StatusOK, gin.H{"status": "ready"}) //@{1}OPS-02
    }
}
''')
_DEVH = ['context', 'net/http', 'time', '', 'github.com/gin-gonic/gin', 'gorm.io/gorm']
_DEVH12 = [i for i in _DEVH if i != 'context']
DEVLANE_TEST = f('apps/api/internal/handler/health_test.go', new=go('handler', [
    'net/http', 'net/http/httptest', 'testing', '', 'github.com/gin-gonic/gin', 'gorm.io/gorm'], r'''
func TestReadiness_DBUnreachable(t *testing.T) {
    gin.SetMode(gin.TestMode)
    // A *gorm.DB whose ConnPool is not a *sql.DB makes db.DB() fail, which stands for a pool that cannot be reached.
    db := &gorm.DB{Config: &gorm.Config{}, Statement: &gorm.Statement{}}

    rec := httptest.NewRecorder()
    c, _ := gin.CreateTestContext(rec)
    c.Request = httptest.NewRequest(http.MethodGet, "/ready", nil)

    NewReadinessHandler(db)(c)

    if rec.Code != http.StatusServiceUnavailable {
        t.Fatalf("status = %d, want %d", rec.Code, http.StatusServiceUnavailable)
    }
}
'''))
cases_of(case, GH + 'Devlaner/devlane/pull/241', 'apps/api/internal/handler/health.go',
         GV('handler', {0: _DEVH, 1: _DEVH12, 2: _DEVH12})(DEVLANEHEALTH), [
             (1, 'go-00-devlane-readiness-reports-ready-without-database',
              'an edit makes the readiness handler answer ready without pinging Postgres, so an instance whose database '
              'is down keeps receiving traffic', 'edit'),
             (2, 'go-00-devlane-readiness-ping-without-timeout',
              'an edit pings the database with the probe request\'s context alone, dropping the three-second bound; the '
              'change adds a test beside it', 'edit', [DEVLANE_TEST]),
             (0, 'go-ok-00-devlane-readiness-pings-database-with-timeout',
              'clean: the fix pings Postgres within a three-second timeout and answers 503 when it fails', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / TMO-02: session cache of an Athena database/sql driver (athenadriver)
ATHENACONN = template('athenadriver-connector-sessions', r'''
// SQLConnector is the driver.Connector that database/sql shares between every goroutine using one *sql.DB. AWS
// sessions are cached per region, so the cache is guarded: Connect runs concurrently whenever the pool grows.
type SQLConnector struct {
    config *Config
    tracer *DriverTracer

    mu       sync.Mutex
    sessions map[string]*session.Session
}

func NewConnector(cfg *Config) *SQLConnector {
    return &SQLConnector{
        config:   cfg,
        tracer:   NewDefaultObservability(cfg),
        sessions: make(map[string]*session.Session),
    }
}

func (c *SQLConnector) Driver() driver.Driver {
    return &SQLDriver{}
}

// Connect opens one logical connection. It checks the work group once, within the caller's deadline, so a pool that
// grows while Athena is unreachable fails fast instead of stacking blocked opens.
func (c *SQLConnector) Connect(ctx context.Context) (driver.Conn, error) {
    region := c.config.GetRegion()
    awsSession, err := c.session(region)
    if err != nil {
        c.tracer.Scope().Counter(DriverName + ".failure.connect.session").Inc(1)
        return nil, err
    }
    athenaAPI := athena.New(awsSession)
    wg := c.config.GetWorkgroup()
01|    if _, err := athenaAPI.GetWorkGroupWithContext(ctx, &athena.GetWorkGroupInput{WorkGroup: aws.String(wg.Name)}); err != nil {
2|    if _, err := athenaAPI.GetWorkGroupWithContext(context.Background(), &athena.GetWorkGroupInput{WorkGroup: aws.String(wg.Name)}); err != nil { //@TMO-02
        return nil, fmt.Errorf("athenadriver: checking work group %s: %w", wg.Name, err)
    }
    return &Connection{athenaAPI: athenaAPI, connector: c}, nil
}

// session returns the cached AWS session of a region, creating it on first use.
func (c *SQLConnector) session(region string) (*session.Session, error) {
02|    c.mu.Lock()
02|    defer c.mu.Unlock()
    if s, ok := c.sessions[region]; ok { //@{1}CONC-03
        return s, nil
    }
    s, err := session.NewSession(&aws.Config{
        Region:      aws.String(region),
        Credentials: c.config.Credentials(),
    })
    if err != nil {
        return nil, fmt.Errorf("athenadriver: creating AWS session for %s: %w", region, err)
    }
    c.sessions[region] = s
    return s, nil
}
''')
_ATH = ['context', 'database/sql/driver', 'fmt', 'sync', '', 'github.com/aws/aws-sdk-go/aws',
        'github.com/aws/aws-sdk-go/aws/session', 'github.com/aws/aws-sdk-go/service/athena']
cases_of(case, GH + 'uber/athenadriver/issues/54', 'go/connector.go', G('athenadriver', _ATH)(ATHENACONN), [
    (1, 'go-00-athenadriver-session-cache-written-unlocked',
     'an edit drops the mutex around the per-region session cache, so concurrent Connect calls read and write the map '
     'at once', 'edit'),
    (2, 'go-00-athenadriver-workgroup-check-detached-from-caller',
     'an edit checks the work group with a background context instead of the caller\'s', 'edit'),
    (0, 'go-ok-00-athenadriver-session-cache-locked',
     'clean: the fix guards the session cache with the connector\'s mutex', 'fix'),
])


# ---------------------------------------------------------------- LOG-03 / LOG-01: slog logger of an ORM (slog-gorm)
SLOGGORM = template('slog-gorm-trace', r'''
// Trace is called by gorm after every statement. Errors and slow statements are always logged; other statements
// only when tracing all queries was asked for. Each record carries the context values the logger was configured
// with (a request or trace id), so a query can be joined to the request that ran it.
func (l logger) Trace(ctx context.Context, begin time.Time, fc func() (sql string, rowsAffected int64), err error) {
    elapsed := time.Since(begin)
    switch {
    case err != nil && (!errors.Is(err, gorm.ErrRecordNotFound) || !l.ignoreRecordNotFoundError):
        sql, rows := fc()
        attrs := []slog.Attr{
            slog.Any(l.errorField, err),
            slog.String(l.queryField, sql),
            slog.Duration(l.durationField, elapsed),
            slog.Int64(l.rowsField, rows),
        }
02|        attrs = l.appendContextAttributes(ctx, attrs)
        l.log(ctx, l.errorLevel, err.Error(), attrs...) //@{1}LOG-03

    case l.slowThreshold != 0 && elapsed > l.slowThreshold:
        sql, rows := fc()
        attrs := append(l.queryAttrs(ctx, sql, rows, elapsed), slog.Duration("threshold", l.slowThreshold))
        l.log(ctx, l.slowThresholdLevel, "slow sql query", attrs...)

01|    case l.traceAll:
2|    default:
        sql, rows := fc()
        l.log(ctx, l.traceAllLevel, "sql query executed", l.queryAttrs(ctx, sql, rows, elapsed)...) //@{2}LOG-01
    }
}

// queryAttrs describes a statement that succeeded, with the configured context values.
func (l logger) queryAttrs(ctx context.Context, sql string, rows int64, elapsed time.Duration) []slog.Attr {
    attrs := []slog.Attr{
        slog.String(l.queryField, sql),
        slog.Duration(l.durationField, elapsed),
        slog.Int64(l.rowsField, rows),
    }
    return l.appendContextAttributes(ctx, attrs)
}

// appendContextAttributes adds, for every configured context key present in ctx, an attribute under its slog key.
func (l logger) appendContextAttributes(ctx context.Context, attrs []slog.Attr) []slog.Attr {
    if ctx == nil {
        return attrs
    }
    for slogKey, ctxKey := range l.contextKeys {
        if v := ctx.Value(ctxKey); v != nil {
            attrs = append(attrs, slog.Any(slogKey, v))
        }
    }
    return attrs
}

func (l logger) log(ctx context.Context, level slog.Level, msg string, attrs ...slog.Attr) {
    if !l.slogger.Enabled(ctx, level) {
        return
    }
    l.slogger.LogAttrs(ctx, level, msg, attrs...)
}
''')
_SLG = ['context', 'errors', 'log/slog', 'time', '', 'gorm.io/gorm']
cases_of(case, GH + 'orandin/slog-gorm/pull/8', 'logger.go', G('slogGorm', _SLG)(SLOGGORM), [
    (1, 'go-00-slog-gorm-failed-query-logged-without-request-context',
     'an edit logs failed statements without the context attributes, so the error record no longer carries the '
     'request or trace id', 'edit'),
    (2, 'go-00-slog-gorm-every-query-logged',
     'an edit logs every successful statement whether or not tracing all queries was asked for', 'edit'),
    (0, 'go-ok-00-slog-gorm-failed-query-carries-request-context',
     'clean: the fix adds the configured context values to the failed statement\'s record', 'fix'),
])


# ---------------------------------------------------------------- RES-02 / RES-04: batch writes of a time-series database client (influxdb-client-go)
INFLUXWRITE = template('influxdb-client-write-batch', r'''
// Service writes line-protocol batches to one bucket. It shares the client's HTTP connection pool, so every
// response body is closed, read or not, and the connection goes back to the pool.
type Service struct {
    org        string
    bucket     string
    writeURL   string
    authToken  string
    httpClient *http.Client
    retries    *RetryPolicy
}

func NewService(org, bucket, serverURL, authToken string, httpClient *http.Client, retries *RetryPolicy) *Service {
    params := url.Values{}
    params.Set("org", org)
    params.Set("bucket", bucket)
    params.Set("precision", "ns")
    return &Service{
        org:        org,
        bucket:     bucket,
        writeURL:   serverURL + "/api/v2/write?" + params.Encode(),
        authToken:  authToken,
        httpClient: httpClient,
        retries:    retries,
    }
}

// WriteBatch sends one batch; a retryable failure is kept for the retry queue by the caller.
func (w *Service) WriteBatch(ctx context.Context, batch *Batch) error {
    req, err := http.NewRequestWithContext(ctx, http.MethodPost, w.writeURL, strings.NewReader(batch.Batch))
    if err != nil {
        return fmt.Errorf("building write request: %w", err)
    }
    req.Header.Set("Authorization", "Token "+w.authToken)
    req.Header.Set("Content-Type", "text/plain; charset=utf-8")

01|    resp, err := w.httpClient.Do(req)
2|    client := &http.Client{Timeout: 20 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 4}} //@RES-04
2|    resp, err := client.Do(req)
    if err != nil { //@{1}RES-02
        return &RetryableError{Err: fmt.Errorf("writing batch to %s: %w", w.bucket, err)}
    }
02|    defer resp.Body.Close()

    switch {
    case resp.StatusCode == http.StatusNoContent:
        return nil
    case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable:
        return &RetryableError{Err: fmt.Errorf("write to %s: server answered %d", w.bucket, resp.StatusCode),
            RetryAfter: w.retries.retryAfter(resp.Header.Get("Retry-After"))}
    default:
        msg, err := io.ReadAll(io.LimitReader(resp.Body, 4<<10))
        if err != nil {
            return fmt.Errorf("write to %s: server answered %d (reading body: %w)", w.bucket, resp.StatusCode, err)
        }
        return fmt.Errorf("write to %s: server answered %d: %s", w.bucket, resp.StatusCode, strings.TrimSpace(string(msg)))
    }
}
''')
_INF = ['context', 'fmt', 'io', 'net/http', 'net/url', 'strings']
cases_of(case, GH + 'influxdata/influxdb-client-go/pull/300', 'internal/write/service.go',
         GV('write', {0: _INF, 1: _INF, 2: ['context', 'fmt', 'io', 'net/http', 'net/url', 'strings', 'time']})(INFLUXWRITE), [
             (1, 'go-00-influxdb-client-write-response-left-open',
              'an edit drops the close of the write response, so every batch that is answered 204 keeps its connection '
              'out of the pool', 'edit'),
             (2, 'go-00-influxdb-client-http-client-per-batch',
              'an edit builds a new HTTP client with its own transport for every batch instead of the shared one',
              'edit'),
             (0, 'go-ok-00-influxdb-client-write-response-closed',
              'clean: the fix closes the write response on every path', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / CONC-02: table workers of a MySQL to PostgreSQL migrator (MySQL2PG), new file
M2PGWORKERS = template('mysql2pg-table-workers', r'''
// syncTables copies every table with at most concurrency tables in flight. A panic while converting one table's
// rows (a bad slice bound, a failed type assertion on driver data) becomes that table's error, with the table name
// and the stack, instead of ending the whole migration.
func syncTables(ctx context.Context, tables []mysql.TableInfo, concurrency int,
    syncOne func(context.Context, mysql.TableInfo) error, progress func()) []error {
    var (
        wg   sync.WaitGroup
        mu   sync.Mutex
        errs []error
    )
    record := func(err error) {
        mu.Lock()
        errs = append(errs, err)
        mu.Unlock()
    }

01|    semaphore := make(chan struct{}, concurrency)
    for _, table := range tables {
01|        semaphore <- struct{}{}
        wg.Add(1)
        go func(table mysql.TableInfo) { //@{1}CONC-01 //@{2}CONC-02
            defer func() {
01|                <-semaphore
                progress()
                wg.Done()
            }()
02|            defer func() {
02|                if r := recover(); r != nil {
02|                    record(fmt.Errorf("table %s: panic: %v\n%s", table.Name, r, debug.Stack()))
02|                }
02|            }()
            if err := syncOne(ctx, table); err != nil {
                record(fmt.Errorf("table %s: %w", table.Name, err))
            }
        }(table)
    }
    wg.Wait()
    return errs
}
''')
_M2P = ['context', 'fmt', 'runtime/debug', 'sync', '', 'github.com/xfg0218/MySQL2PG/internal/mysql']
cases_of(case, GH + 'xfg0218/MySQL2PG/issues/172', 'internal/converter/table_workers.go',
         GV('converter', {0: _M2P, 1: [i for i in _M2P if i != 'runtime/debug'], 2: _M2P})(M2PGWORKERS), [
             (1, 'go-00-mysql2pg-table-worker-without-recover',
              'a new file runs each table\'s copy in a goroutine without a recover, so one panic on driver data ends the '
              'whole migration', 'new'),
             (2, 'go-00-mysql2pg-table-workers-unbounded',
              'a new file starts one goroutine per table with no bound on how many copy at once', 'new'),
             (0, 'go-ok-00-mysql2pg-table-workers-bounded-and-recovered',
              'clean: a bounded worker per table whose panic becomes that table\'s error', 'new'),
         ])


# ---------------------------------------------------------------- ERR-01 / RES-03: migration checksums of a Cassandra query builder (gocqlx), renamed file
GOCQLXSUM = template('gocqlx-migrate-checksums', r'''
// fileChecksum returns the hex MD5 of one migration file. A file that cannot be opened or read is an error of its
// own, so a filesystem fault is never reported as a migration that was tampered with.
func fileChecksum(f fs.FS, path string) (string, error) {
    file, err := f.Open(path)
    if err != nil { //@{1}ERR-01
02|        return "", fmt.Errorf("open %s: %w", path, err)
1|        return "", nil
    }
    defer file.Close()

    h := md5.New()
    if _, err := io.Copy(h, file); err != nil {
        return "", fmt.Errorf("read %s: %w", path, err)
    }
    return hex.EncodeToString(h.Sum(nil)), nil
}

// checksums computes the checksum of every migration to be compared with the ones recorded in gocqlx_migrate.
func checksums(f fs.FS, names []string) (map[string]string, error) {
    out := make(map[string]string, len(names))
    for _, name := range names {
01|        sum, err := fileChecksum(f, name)
01|        if err != nil {
01|            return nil, err
01|        }
2|        file, err := f.Open(name)
2|        if err != nil {
2|            return nil, fmt.Errorf("open %s: %w", name, err)
2|        }
2|        defer file.Close() //@RES-03
2|        h := md5.New()
2|        if _, err := io.Copy(h, file); err != nil {
2|            return nil, fmt.Errorf("read %s: %w", name, err)
2|        }
2|        sum := hex.EncodeToString(h.Sum(nil))
        out[name] = sum
    }
    return out, nil
}
''')
_CQX = ['crypto/md5', 'encoding/hex', 'fmt', 'io', 'io/fs']
cases_of(case, GH + 'scylladb/gocqlx/pull/396', 'migrate/fs_checksum.go', G('migrate', _CQX)(GOCQLXSUM), [
    (1, 'go-00-gocqlx-renamed-checksum-open-error-dropped',
     'a move of the checksum helpers into their own file that also returns an empty checksum and no error when a '
     'migration file cannot be opened', 'rename'),
    (2, 'go-00-gocqlx-renamed-checksums-close-deferred-in-loop',
     'a move of the checksum helpers that also inlines the file reading into the loop, deferring every close to the '
     'end of the function', 'rename'),
    (0, 'go-ok-00-gocqlx-renamed-checksum-helpers',
     'clean: the move alone; an unreadable file is an error and each file is closed by its own helper', 'rename'),
], rename_from='migrate/checksum.go')


# ---------------------------------------------------------------- TX-01 / TX-02: database/sql transactor (transactor)
TRANSACTOR = template('transactor-within-transaction', r'''
// Transactor runs a function in a database/sql transaction carried by the context, so repositories reach the
// transaction through DBGetter without taking it as a parameter.
type Transactor struct {
    db DB
}

func NewTransactor(db DB) (*Transactor, DBGetter) {
    return &Transactor{db: db}, func(ctx context.Context) DB {
        if tx := txFromContext(ctx); tx != nil {
            return tx
        }
        return db
    }
}

// WithinTransaction commits when txFunc returns nil. The deferred rollback ends the transaction on every other path
// (an error from txFunc, a failed commit, a panic); after a successful commit it is a no-op.
func (t *Transactor) WithinTransaction(ctx context.Context, txFunc func(context.Context) error) (err error) {
    if txFromContext(ctx) != nil {
        return txFunc(ctx)
    }
    tx, err := t.db.BeginTx(ctx, nil)
    if err != nil { //@{1}TX-01
        return fmt.Errorf("begin transaction: %w", err)
    }
02|    defer func() {
02|        if rbErr := tx.Rollback(); rbErr != nil && !errors.Is(rbErr, sql.ErrTxDone) {
02|            err = errors.Join(err, fmt.Errorf("rollback transaction: %w", rbErr))
02|        }
02|    }()

    if err := txFunc(withTx(ctx, tx)); err != nil {
        return err
    }
01|    if err := tx.Commit(); err != nil {
01|        return fmt.Errorf("commit transaction: %w", err)
01|    }
2|    tx.Commit() //@TX-02
    return nil
}

func IsWithinTransaction(ctx context.Context) bool {
    return txFromContext(ctx) != nil
}
''')
_TRX = ['context', 'database/sql', 'errors', 'fmt']
cases_of(case, GH + 'Thiht/transactor/pull/4', 'stdlib/transactor.go',
         GV('stdlib', {0: _TRX, 1: ['context', 'fmt'], 2: _TRX})(TRANSACTOR), [
             (1, 'go-00-transactor-rollback-not-deferred',
              'an edit drops the deferred rollback, so a transaction whose function fails or panics is never ended',
              'edit'),
             (2, 'go-00-transactor-commit-error-dropped',
              'an edit ignores the error of the commit and reports success', 'edit'),
             (0, 'go-ok-00-transactor-rollback-deferred',
              'clean: the fix defers a rollback that is a no-op after a successful commit', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / TMO-02: database preparation of an embedded Postgres (embedded-postgres)
EMBEDDEDPG = template('embedded-postgres-prepare-database', r'''
// defaultCreateDatabase creates the configured database through the default "postgres" database. The handle is
// closed on every path, so the start of a test suite does not leave a connection per test database behind.
func defaultCreateDatabase(port uint32, username, password, database string) (err error) {
    if database == "postgres" {
        return nil
    }
    conn, err := openDatabaseConnection(port, username, password, "postgres")
    if err != nil {
        return errorCustomDatabase(database, err)
    }
    db := sql.OpenDB(conn) //@{1}RES-01
02|    defer func() {
02|        err = connectionClose(db, err)
02|    }()

    if _, err := db.Exec(fmt.Sprintf("CREATE DATABASE \"%s\"", database)); err != nil {
        return errorCustomDatabase(database, err)
    }
    return nil
}

// healthCheckDatabaseOrTimeout polls until the database answers or ctx (bounded by the configured start timeout)
// ends.
func healthCheckDatabaseOrTimeout(ctx context.Context, port uint32, database, username, password string) error {
    ticker := time.NewTicker(100 * time.Millisecond)
    defer ticker.Stop()
    for {
        if err := healthCheckDatabase(ctx, port, database, username, password); err == nil {
            return nil
        }
        select {
        case <-ctx.Done():
            return fmt.Errorf("timed out waiting for database %s to become available: %w", database, ctx.Err())
        case <-ticker.C:
        }
    }
}

func healthCheckDatabase(ctx context.Context, port uint32, database, username, password string) (err error) {
    conn, err := openDatabaseConnection(port, username, password, database)
    if err != nil {
        return err
    }
    db := sql.OpenDB(conn)
    defer func() {
        err = connectionClose(db, err)
    }()
01|    if _, err := db.ExecContext(ctx, "SELECT 1"); err != nil {
2|    if _, err := db.ExecContext(context.Background(), "SELECT 1"); err != nil { //@TMO-02
        return err
    }
    return nil
}
''')
_EPG = ['context', 'database/sql', 'fmt', 'time']
cases_of(case, GH + 'fergusstrange/embedded-postgres/issues/58', 'prepare_database.go',
         G('embeddedpostgres', _EPG)(EMBEDDEDPG), [
             (1, 'go-00-embedded-postgres-create-database-handle-left-open',
              'an edit drops the close of the handle used to create the test database', 'edit'),
             (2, 'go-00-embedded-postgres-health-check-detached-from-start-timeout',
              'an edit runs the health check\'s query with a background context, so the start timeout no longer '
              'bounds it', 'edit'),
             (0, 'go-ok-00-embedded-postgres-create-database-handle-closed',
              'clean: the fix closes the creation handle on every path', 'fix'),
         ])
