"""Round-72 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- RES-02 / TMO-02: object reads of a Delta Lake client's S3 store (delta-go)
DELTAS3 = template('delta-go-s3store-get', r'''
// S3ObjectStore keeps a Delta table's log and data files under one prefix of an S3 bucket.
type S3ObjectStore struct {
    Client  S3Client
    baseURI storage.Path
    bucket  string
    path    string
}

// Head reports the size and modification time of the object at location.
func (s *S3ObjectStore) Head(ctx context.Context, location storage.Path) (storage.ObjectMeta, error) {
    key, err := url.JoinPath(s.path, location.Raw)
    if err != nil {
        return storage.ObjectMeta{}, errors.Join(storage.ErrURLJoinPath, err)
    }
    out, err := s.Client.HeadObject(ctx, &s3.HeadObjectInput{Bucket: aws.String(s.bucket), Key: aws.String(key)})
    if err != nil {
        return storage.ObjectMeta{}, translateS3Error(err)
    }
    return storage.ObjectMeta{Location: location, LastModified: aws.ToTime(out.LastModified), Size: aws.ToInt64(out.ContentLength)}, nil
}

// Get reads the whole object at location; a missing key is reported as storage.ErrObjectDoesNotExist.
func (s *S3ObjectStore) Get(ctx context.Context, location storage.Path) ([]byte, error) {
    key, err := url.JoinPath(s.path, location.Raw)
    if err != nil {
        return nil, errors.Join(storage.ErrURLJoinPath, err)
    }
01|    out, err := s.Client.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String(s.bucket), Key: aws.String(key)})
2|    out, err := s.Client.GetObject(context.Background(), &s3.GetObjectInput{Bucket: aws.String(s.bucket), Key: aws.String(key)}) //@TMO-02
    if err != nil { //@{1}RES-02
        return nil, translateS3Error(err)
    }
02|    defer out.Body.Close()

    data, err := io.ReadAll(out.Body)
    if err != nil {
        return nil, errors.Join(storage.ErrReadObject, err)
    }
    return data, nil
}

// translateS3Error maps the SDK's not-found errors to the storage package's sentinel.
func translateS3Error(err error) error {
    var noKey *types.NoSuchKey
    var notFound *types.NotFound
    if errors.As(err, &noKey) || errors.As(err, &notFound) {
        return storage.ErrObjectDoesNotExist
    }
    return errors.Join(storage.ErrGetObject, err)
}
''')
cases_of(case, GH + 'rivian/delta-go/pull/262', 'storage/s3store/s3store.go',
         G('s3store', ['context', 'errors', 'io', 'net/url', '', 'github.com/aws/aws-sdk-go-v2/aws',
                       'github.com/aws/aws-sdk-go-v2/service/s3', 'github.com/aws/aws-sdk-go-v2/service/s3/types',
                       'github.com/rivian/delta-go/storage'])(DELTAS3), [
             (1, 'go-00-delta-go-s3-get-body-never-closed',
              'an edit drops the deferred close of the GetObject body, so every log file read keeps an HTTP '
              'connection out of the SDK\'s pool until the table commit loop stalls', 'edit'),
             (2, 'go-00-delta-go-s3-get-on-background-context',
              'an edit reads the object on context.Background instead of the caller\'s context, so a cancelled '
              'table read keeps downloading a large checkpoint', 'edit'),
             (0, 'go-ok-00-delta-go-s3-get-body-closed',
              'clean: the fix closes the GetObject body by defer after the error check', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / TMO-03: background writes of a generic cache with a Redis backend (cachier)
CACHIER = template('cachier-store-async', r'''
// Cache puts a fast local layer in front of a shared backend such as Redis.
type Cache[T any] struct {
    backend      Backend[T]
    logger       Logger
    writeTimeout time.Duration
    computeLocks sync.Map
}

// GetOrCompute returns the cached value of key, or computes it with evaluator, stores it and returns it.
func (c *Cache[T]) GetOrCompute(key string, evaluator func() (*T, error)) (*T, error) {
    if v, err := c.backend.Get(key); err == nil {
        return v, nil
    } else if !errors.Is(err, ErrNotFound) {
        c.logger.Error("cachier: get %s: %v", key, err)
    }

    lock, _ := c.computeLocks.LoadOrStore(key, &sync.Mutex{})
    mu := lock.(*sync.Mutex)
    mu.Lock()
    defer mu.Unlock()

    value, err := evaluator()
    if err != nil {
        return nil, err
    }
    c.storeAsync(key, value)
    return value, nil
}

// storeAsync writes value to the backend in the background so the caller does not wait for Redis.
func (c *Cache[T]) storeAsync(key string, value *T) {
    go func() { //@{1}CONC-01
02|        defer func() {
02|            if r := recover(); r != nil {
02|                c.logger.Error("cachier: panic while storing %s: %v", key, r)
02|            }
02|        }()
01|        ctx, cancel := context.WithTimeout(context.Background(), c.writeTimeout)
01|        defer cancel()
2|        ctx, _ := context.WithTimeout(context.Background(), c.writeTimeout) //@TMO-03
        if err := c.backend.Set(ctx, key, value); err != nil {
            c.logger.Error("cachier: set %s: %v", key, err)
        }
    }()
}
''')
cases_of(case, GH + 'datasapiens/cachier/pull/8', 'cache.go',
         G('cachier', ['context', 'errors', 'sync', 'time'])(CACHIER), [
             (1, 'go-00-cachier-store-goroutine-without-recover',
              'an edit drops the recover of the background store goroutine, so a panicking serializer or Redis '
              'client takes the whole service down instead of costing one cache write', 'edit'),
             (2, 'go-00-cachier-store-timeout-cancel-discarded',
              'an edit discards the cancel function of the store\'s timeout context, so every cache write leaves a '
              'timer behind until the write timeout passes', 'edit'),
             (0, 'go-ok-00-cachier-store-goroutine-recovers',
              'clean: the fix recovers and logs a panic in the background store goroutine', 'fix'),
         ])


# ---------------------------------------------------------------- RES-03 / ERR-01: backup tarball extraction of a Kubernetes backup tool (velero)
VELERO = template('velero-backup-extractor', r'''
// Extractor unpacks a backup tarball into a scratch directory for the restore to read.
type Extractor struct {
    log logrus.FieldLogger
    fs  filesystem.Interface
}

// UnzipAndExtractBackup writes every regular file of the gzipped tarball under a new temporary directory.
func (e *Extractor) UnzipAndExtractBackup(src io.Reader) (string, error) {
    gzr, err := gzip.NewReader(src)
    if err != nil {
        e.log.Infof("error creating gzip reader: %v", err)
        return "", err
    }
    defer gzr.Close()

    return e.readBackup(tar.NewReader(gzr))
}

func (e *Extractor) readBackup(tarRdr *tar.Reader) (string, error) {
    dir, err := e.fs.TempDir("", "")
    if err != nil {
        e.log.Infof("error creating temp dir: %v", err)
        return "", err
    }

    for {
        header, err := tarRdr.Next()
        if err == io.EOF {
            break
        }
        if err != nil {
            e.log.Infof("error reading tar: %v", err)
            return "", err
        }

        target := filepath.Join(dir, header.Name) //nolint:gosec // the backup was written by velero
        switch header.Typeflag {
        case tar.TypeDir:
            if err := e.fs.MkdirAll(target, header.FileInfo().Mode()); err != nil {
                e.log.Infof("mkdirall error: %v", err)
                return "", err
            }
        case tar.TypeReg:
02|            if err := e.writeFile(target, header, tarRdr); err != nil {
02|                return "", err
02|            }
1|            if err := e.fs.MkdirAll(filepath.Dir(target), header.FileInfo().Mode()); err != nil {
1|                e.log.Infof("mkdirall error: %v", err)
1|                return "", err
1|            }
1|            file, err := e.fs.Create(target)
1|            if err != nil {
1|                return "", err
1|            }
1|            defer file.Close() //@RES-03
1|            if _, err := io.Copy(file, tarRdr); err != nil {
1|                e.log.Infof("error copying: %v", err)
1|                return "", err
1|            }
        }
    }
    return dir, nil
}

02|// writeFile copies one regular file of the tarball to target and closes it before the next one is opened.
02|func (e *Extractor) writeFile(target string, header *tar.Header, tarRdr *tar.Reader) error {
02|    if err := e.fs.MkdirAll(filepath.Dir(target), header.FileInfo().Mode()); err != nil {
02|        e.log.Infof("mkdirall error: %v", err)
02|        return err
02|    }
02|    file, err := e.fs.Create(target)
02|    if err != nil {
02|        return err
02|    }
02|    defer file.Close()
0|    if _, err := io.Copy(file, tarRdr); err != nil {
0|        e.log.Infof("error copying: %v", err)
0|        return err
0|    }
2|    io.Copy(file, tarRdr) //@ERR-01
02|    return nil
02|}
''')
cases_of(case, GH + 'velero-io/velero/pull/1261', 'pkg/archive/extractor.go',
         G('archive', ['archive/tar', 'compress/gzip', 'io', 'path/filepath', '', 'github.com/sirupsen/logrus',
                       '', 'github.com/vmware-tanzu/velero/pkg/util/filesystem'])(VELERO), [
             (1, 'go-00-velero-extract-defer-close-in-loop',
              'a PR folds the per-file helper into the extraction loop and keeps its deferred close, so a restore '
              'of a backup with thousands of manifests holds every file open and fails with too many open files',
              'edit'),
             (2, 'go-00-velero-extract-copy-error-dropped',
              'an edit ignores the error of copying a file out of the tarball, so a truncated backup restores '
              'empty or partial manifests without a word', 'edit'),
             (0, 'go-ok-00-velero-extract-file-helper',
              'clean: the fix writes each file in its own helper, so its deferred close runs once per file', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / CONC-03: commits of a git-backed document database (gitdb)
GITDB = template('gitdb-commit-queue', r'''
// gitdb is a document store whose records are JSON files in a git repository.
type gitdb struct {
    config    Config
    gitDriver dbDriver
    mu        sync.Mutex
    pending   map[string]string
    events    chan *dbEvent
}

// queueCommit remembers a written file so the next sync commits it with its message.
func (g *gitdb) queueCommit(filePath string, msg string) {
01|    g.mu.Lock()
01|    defer g.mu.Unlock()
    g.pending[filePath] = msg //@{2}CONC-03
}

// flushPending commits every queued file under its own message and pushes once.
func (g *gitdb) flushPending(user *DbUser) error {
    g.mu.Lock()
    queued := g.pending
    g.pending = make(map[string]string)
    g.mu.Unlock()

    for filePath, msg := range queued {
        g.gitCommit(filePath, msg, user)
    }
    if len(queued) == 0 {
        return nil
    }
    return g.gitPush()
}

func (g *gitdb) gitCommit(filePath string, msg string, user *DbUser) {
02|    if err := g.gitDriver.commit(filePath, msg, user); err != nil {
02|        logError(fmt.Sprintf("commit %s failed: %s", filePath, err))
02|        g.events <- newWriteErrorEvent(filePath, err)
02|        return
02|    }
1|    g.gitDriver.commit(filePath, msg, user) //@ERR-01
    log(fmt.Sprintf("new changes committed: %s", filePath))
}

func (g *gitdb) gitPush() error {
    if err := g.gitDriver.push(); err != nil {
        return fmt.Errorf("push to %s: %w", g.config.OnlineRemote, err)
    }
    return nil
}
''')
cases_of(case, GH + 'fobilow/gitdb/pull/2', 'git.go',
         G('db', ['fmt', 'sync'])(GITDB), [
             (1, 'go-00-gitdb-commit-error-dropped',
              'an edit calls the git driver\'s commit without looking at its error, so a failed commit is logged '
              'as committed and the record is silently missing from the next push', 'edit'),
             (2, 'go-00-gitdb-pending-written-without-lock',
              'an edit records queued commits in the shared pending map without taking the mutex the sync loop '
              'swaps it under, so concurrent inserts crash with concurrent map writes', 'edit'),
             (0, 'go-ok-00-gitdb-commit-error-reported',
              'clean: the fix reports a failed commit instead of logging it as done', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-01: connections of a memcached binary-protocol client (gomemcached)
GOMEMCACHED = template('gomemcached-connect', r'''
// DefaultConnectTimeout bounds a dial when ConnectTimeout is left at zero.
const DefaultConnectTimeout = 1 * time.Second

// ConnectTimeout bounds how long Connect waits for a server to accept a connection.
var ConnectTimeout time.Duration

func connectTimeout() time.Duration {
    if ConnectTimeout > 0 {
        return ConnectTimeout
    }
    return DefaultConnectTimeout
}

// Connect opens a connection to a memcached server speaking the binary protocol.
func Connect(prot, dest string) (rv *Client, err error) {
02|    conn, err := net.DialTimeout(prot, dest, connectTimeout())
1|    conn, err := net.Dial(prot, dest) //@TMO-01
    if err != nil {
        return nil, err
    }
    return Wrap(conn)
}

// Probe reports whether the server at dest answers a no-op within the connect timeout.
func Probe(prot, dest string) error {
    c, err := Connect(prot, dest)
    if err != nil { //@{2}RES-01
        return err
    }
01|    defer c.Close()
    if err := c.SetDeadline(time.Now().Add(connectTimeout())); err != nil {
        return err
    }
    _, err = c.Send(&gomemcached.MCRequest{Opcode: gomemcached.NOOP})
    return err
}
''')
cases_of(case, GH + 'couchbase/gomemcached/pull/1', 'client/mc.go',
         G('memcached', ['net', 'time', '', 'github.com/couchbase/gomemcached'])(GOMEMCACHED), [
             (1, 'go-00-gomemcached-connect-dial-without-timeout',
              'an edit dials the server with net.Dial and no timeout, so a node that drops SYNs hangs every caller '
              'of Connect for the kernel\'s minutes-long connect timeout', 'edit'),
             (2, 'go-00-gomemcached-probe-connection-never-closed',
              'an edit drops the deferred close of the probe\'s connection, so every health probe leaks a socket '
              'to the memcached node', 'edit'),
             (0, 'go-ok-00-gomemcached-connect-dial-bounded',
              'clean: the fix dials with net.DialTimeout and the configurable connect timeout', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / TX-02: config and apply loop of an unprivileged PostgreSQL replicator (pg-dump-upsert)
PGREPL = template('pg-unprivileged-replication', r'''
type config struct {
    Source      string        `json:"source"`
    Target      string        `json:"target"`
    Tables      []string      `json:"tables"`
    Interval    time.Duration `json:"interval"`
    SyncColumn  string        `json:"sync_column"`
}

// loadConfig reads the replicator's JSON configuration file.
func loadConfig(path string) (*config, error) {
02|    f, err := os.Open(path)
1|    f, err := os.OpenFile(path, os.O_RDONLY, 0) //@RES-01
    if err != nil {
        return nil, fmt.Errorf("open config %s: %w", path, err)
    }
02|    defer f.Close()

    var c config
    if err := json.NewDecoder(f).Decode(&c); err != nil {
        return nil, fmt.Errorf("decode config %s: %w", path, err)
    }
    if c.Interval <= 0 {
        c.Interval = time.Minute
    }
    return &c, nil
}

// applyChanges upserts one table's changed rows into the target in a single transaction.
func applyChanges(ctx context.Context, target *sql.DB, table string, rows []change) error {
    tx, err := target.BeginTx(ctx, nil)
    if err != nil {
        return fmt.Errorf("begin %s: %w", table, err)
    }
    defer tx.Rollback() //nolint:errcheck // a no-op after Commit

    for _, r := range rows {
        if _, err := tx.ExecContext(ctx, r.upsertSQL, r.values...); err != nil {
            return fmt.Errorf("upsert into %s: %w", table, err)
        }
    }
01|    return tx.Commit()
2|    tx.Commit() //@TX-02
2|    return nil
}
''')
cases_of(case, GH + 'tomyl/pg-dump-upsert/pull/4', 'cmds/pg_unprivileged_replication/replicate.go',
         G('main', ['context', 'database/sql', 'encoding/json', 'fmt', 'os', 'time'])(PGREPL), [
             (1, 'go-00-pg-replication-config-file-never-closed',
              'an edit opens the configuration file with os.OpenFile and no longer closes it, so every reload of '
              'the long-running replicator leaks a file descriptor', 'edit'),
             (2, 'go-00-pg-replication-commit-error-dropped',
              'an edit ignores the error of committing the upsert transaction, so a failed commit advances the sync '
              'position and the changed rows never reach the target', 'edit'),
             (0, 'go-ok-00-pg-replication-config-file-closed',
              'clean: the fix reads the configuration with os.Open and closes it by defer', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / RES-02: HTTP cache of a document database client (ravendb-go-client)
RAVENCACHE = template('ravendb-http-cache', r'''
// httpCache keeps the last response of each GET by URL so the client can send If-None-Match.
type httpCache struct {
    mu         sync.RWMutex
    items      map[string]*httpCacheItem
    generation atomic.Int32
}

func (c *httpCache) get(url string) (*httpCacheItem, bool) {
    c.mu.RLock()
    defer c.mu.RUnlock()
    item, ok := c.items[url]
    return item, ok
}

func (c *httpCache) set(url string, changeVector string, payload []byte) {
    item := &httpCacheItem{
        changeVector:     changeVector,
        payload:          payload,
        lastServerUpdate: time.Now(),
        generation:       c.generation.Load(),
    }
02|    c.mu.Lock()
02|    defer c.mu.Unlock()
    c.items[url] = item //@{1}CONC-03
}

// fetchCached sends req with the cached change vector and serves the cached payload on 304 Not Modified.
func (re *RequestExecutor) fetchCached(req *http.Request, url string) ([]byte, error) {
    cached, ok := re.cache.get(url)
    if ok {
        req.Header.Set("If-None-Match", `"`+cached.changeVector+`"`)
    }
    resp, err := re.httpClient.Do(req)
    if err != nil { //@{2}RES-02
        return nil, err
    }
01|    defer resp.Body.Close()

    if resp.StatusCode == http.StatusNotModified && ok {
        cached.notModified()
        return cached.payload, nil
    }
    if resp.StatusCode != http.StatusOK {
        return nil, newHTTPError(resp)
    }
    payload, err := io.ReadAll(resp.Body)
2|    resp.Body.Close()
    if err != nil {
        return nil, err
    }
    re.cache.set(url, resp.Header.Get("ETag"), payload)
    return payload, nil
}
''')
cases_of(case, GH + 'ravendb/ravendb-go-client/pull/160', 'http_cache.go',
         G('ravendb', ['io', 'net/http', 'sync', 'sync/atomic', 'time'])(RAVENCACHE), [
             (1, 'go-00-ravendb-http-cache-written-without-lock',
              'an edit stores responses in the shared HTTP cache map without the write lock that readers take, so '
              'parallel sessions crash the client with concurrent map writes', 'edit'),
             (2, 'go-00-ravendb-http-cache-body-closed-on-success-only',
              'an edit closes the response body only after a full read, so every 304 and error answer leaves its '
              'connection out of the transport\'s pool', 'edit'),
             (0, 'go-ok-00-ravendb-http-cache-written-under-lock',
              'clean: the fix stores responses under the cache\'s write lock', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / TX-01: migration execution of a SQL schema migration tool moved to its own file (sql-migrate)
SQLMIGRATE = template('sql-migrate-exec', r'''
// applyMigration runs one planned migration and records it, in one transaction unless the migration disables it.
func (ms MigrationSet) applyMigration(ctx context.Context, db *sql.DB, dialect Dialect, m *PlannedMigration, dir MigrationDirection) error {
    if m.DisableTransactionUp && dir == Up || m.DisableTransactionDown && dir == Down {
        for _, stmt := range m.Queries {
02|            if _, err := db.ExecContext(ctx, stmt); err != nil {
1|            if _, err := db.Exec(stmt); err != nil { //@TMO-02
                return newTxError(m, err)
            }
        }
        return ms.recordMigration(ctx, db, dialect, m, dir)
    }

    tx, err := db.BeginTx(ctx, nil)
    if err != nil { //@{2}TX-01
        return newTxError(m, err)
    }
01|    defer tx.Rollback() //nolint:errcheck // a no-op once committed

    for _, stmt := range m.Queries {
        if _, err := tx.ExecContext(ctx, stmt); err != nil {
            return newTxError(m, err)
        }
    }
    if err := ms.recordMigration(ctx, tx, dialect, m, dir); err != nil {
        return newTxError(m, err)
    }
    return tx.Commit()
}

// recordMigration adds or removes the migration's row in the migrations table.
func (ms MigrationSet) recordMigration(ctx context.Context, exec execer, dialect Dialect, m *PlannedMigration, dir MigrationDirection) error {
    table := dialect.QuotedTableForQuery(ms.SchemaName, ms.getTableName())
    if dir == Up {
        query := fmt.Sprintf("INSERT INTO %s (id, applied_at) VALUES (%s, %s)", table, dialect.BindVar(0), dialect.BindVar(1))
        _, err := exec.ExecContext(ctx, query, m.Id, time.Now())
        return err
    }
    query := fmt.Sprintf("DELETE FROM %s WHERE id = %s", table, dialect.BindVar(0))
    _, err := exec.ExecContext(ctx, query, m.Id)
    return err
}
''')
cases_of(case, GH + 'rubenv/sql-migrate/pull/247', 'exec.go',
         G('migrate', ['context', 'database/sql', 'fmt', 'time'])(SQLMIGRATE), [
             (1, 'go-00-sql-migrate-moved-exec-without-context',
              'a PR moves migration execution into its own file and runs non-transactional statements with Exec, '
              'so a cancelled or timed-out migration keeps running a long ALTER TABLE', 'rename'),
             (2, 'go-00-sql-migrate-moved-exec-not-rolled-back',
              'a PR moves migration execution into its own file and drops the deferred rollback, so a failing '
              'statement leaves the migration\'s transaction open on a pooled connection', 'rename'),
             (0, 'go-ok-00-sql-migrate-moved-exec',
              'clean: the move alone; statements run on the caller\'s context and the transaction is rolled back '
              'on failure', 'rename'),
         ], rename_from='migrate.go')


# ---------------------------------------------------------------- TX-01 / TX-02: batch writes of an embedded SQL database's Badger engine (chai)
CHAI = template('chai-badger-put-batch', r'''
// Engine stores chai's tables in a Badger key-value store.
type Engine struct {
    db *badger.DB
}

// KV is one key and value of a batch.
type KV struct {
    Key   []byte
    Value []byte
}

// Get returns a copy of the value stored under key.
func (e *Engine) Get(key []byte) ([]byte, error) {
    var value []byte
    err := e.db.View(func(txn *badger.Txn) error {
        item, err := txn.Get(key)
        if err != nil {
            return err
        }
        value, err = item.ValueCopy(nil)
        return err
    })
    if errors.Is(err, badger.ErrKeyNotFound) {
        return nil, engine.ErrKeyNotFound
    }
    return value, err
}

// PutBatch stores every pair in one transaction, so a reader sees all of them or none.
func (e *Engine) PutBatch(ctx context.Context, pairs []KV) error {
    txn := e.db.NewTransaction(true) //@{1}TX-01
02|    defer txn.Discard()

    for _, kv := range pairs {
        if err := ctx.Err(); err != nil {
            return err
        }
        if err := txn.Set(kv.Key, kv.Value); err != nil {
            return fmt.Errorf("badgerengine: set %q: %w", kv.Key, err)
        }
    }
01|    return txn.Commit()
2|    txn.Commit() //@TX-02
2|    return nil
}
''')
cases_of(case, GH + 'chaisql/chai/issues/454', 'engine/badgerengine/engine.go',
         G('badgerengine', ['context', 'errors', 'fmt', '', 'github.com/chaisql/chai/internal/engine',
                            'github.com/dgraph-io/badger/v4'])(CHAI), [
             (1, 'go-00-chai-badger-batch-never-discarded',
              'an edit drops the deferred Discard of the batch transaction, so every failed or cancelled batch '
              'keeps its pending writes and blocks Badger\'s garbage collection', 'edit'),
             (2, 'go-00-chai-badger-batch-commit-unchecked',
              'an edit ignores the error of committing the batch, so a conflicting write is reported as stored', 'edit'),
             (0, 'go-ok-00-chai-badger-batch-discarded',
              'clean: the fix discards the batch transaction by defer', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-01 / CONC-03: request logging middleware of an S3-compatible gateway (storj edge)
STORJLOG = template('storj-gateway-log-responses', r'''
// bucketCounts counts requests per bucket for the usage report.
type bucketCounts struct {
    mu sync.Mutex
    n  map[string]int64
}

func (c *bucketCounts) add(bucket string) {
01|    c.mu.Lock()
01|    defer c.mu.Unlock()
    c.n[bucket]++ //@{2}CONC-03
}

// statusRecorder remembers the status code a handler wrote.
type statusRecorder struct {
    http.ResponseWriter
    status int
}

func (r *statusRecorder) WriteHeader(code int) {
    r.status = code
    r.ResponseWriter.WriteHeader(code)
}

// LogResponses logs failed requests at error level and, when debug logging is on, a one-line summary of the rest.
func LogResponses(log *zap.Logger, counts *bucketCounts, next http.Handler) http.Handler {
    return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
        rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
        start := time.Now()
        next.ServeHTTP(rec, r)
        counts.add(bucketOf(r))

        if rec.status >= http.StatusInternalServerError {
            log.Error("request failed", zap.String("method", r.Method), zap.String("path", r.URL.Path),
                zap.Int("status", rec.status), zap.Duration("took", time.Since(start)))
            return
        }
02|        if ce := log.Check(zap.DebugLevel, "request"); ce != nil {
02|            ce.Write(zap.String("method", r.Method), zap.Int("status", rec.status), zap.Duration("took", time.Since(start)))
02|        }
1|        log.Info("request", zap.String("method", r.Method), zap.String("url", r.URL.String()), zap.Any("request_headers", r.Header), zap.Any("response_headers", rec.Header()), zap.Int("status", rec.status), zap.Duration("took", time.Since(start))) //@LOG-01
    })
}

// bucketOf is the bucket of a path-style request, or "" for service-level requests.
func bucketOf(r *http.Request) string {
    path := strings.TrimPrefix(r.URL.Path, "/")
    bucket, _, _ := strings.Cut(path, "/")
    return bucket
}
''')
cases_of(case, GH + 'storj/edge/issues/71', 'pkg/server/middleware/logresponses.go',
         G('middleware', ['net/http', 'strings', 'sync', 'time', '', 'go.uber.org/zap'])(STORJLOG), [
             (1, 'go-00-storj-gateway-new-middleware-logs-every-request',
              'a new middleware logs every request at info level with its full URL and both header sets, so a busy '
              'gateway writes gigabytes of request logs a day', 'new'),
             (2, 'go-00-storj-gateway-new-middleware-counts-without-lock',
              'a new middleware counts requests per bucket in a shared map without its mutex, so concurrent '
              'requests crash the gateway with concurrent map writes', 'new'),
             (0, 'go-ok-00-storj-gateway-new-middleware',
              'clean: a new middleware that logs failures and, at debug level only, a short summary of each request',
              'new'),
         ])
