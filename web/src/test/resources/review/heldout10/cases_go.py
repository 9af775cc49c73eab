"""Round-10 Go cases (written for this corpus; see SOURCES.md). //@ITEM markers are stripped by make_cases.py."""
from cases_common import go, f, edit

CASES = []


def case(name, source, desc, **kw):
    d = {'name': name, 'source': source, 'desc': desc}
    d.update(kw)
    CASES.append(d)


def gomod(name, reqs, version='1.22'):
    return 'module example.com/%s\n\ngo %s\n\nrequire (\n%s)\n' % (name, version, ''.join('\t%s\n' % r for r in reqs))


def changed(path, pkg, imports, body, added, more_imports=(), crlf=False, rename_from=None, header=''):
    """An existing Go file (`body` holds the line `// <new>`) that the change extends by `added`."""
    old = go(pkg, imports, body.replace('// <new>\n', ''), header)
    new_imports = list(imports) + [i for i in more_imports if i not in imports]
    new = go(pkg, sorted(new_imports, key=lambda i: i.split(' ')[-1]), body.replace('// <new>\n', added.strip('\n') + '\n'), header)
    d = f(path, old=old, new=new, crlf=crlf)
    if rename_from:
        d['rename_from'] = rename_from
    return d


# ============================================================== RES-01: database/sql, sqlx, badger, mongo
TRIALS = r'''
// Repo reads and writes experiment trials.
type Repo struct {
    db *sqlx.DB
}

func NewRepo(db *sqlx.DB) *Repo {
    return &Repo{db: db}
}

// Trial loads one trial by id.
func (r *Repo) Trial(ctx context.Context, id int64) (*Trial, error) {
    var t Trial
    if err := r.db.GetContext(ctx, &t, `SELECT id, state, started_at FROM trials WHERE id = $1`, id); err != nil {
        return nil, fmt.Errorf("trial %d: %w", id, err)
    }
    return &t, nil
}

// <new>
'''
case('go-01-trial-repo-named-statement-leaks-on-select-error', 'https://github.com/determined-ai/determined/pull/5320',
     'a sqlx repository gains a query by state that prepares a named statement and closes it only on the success path; a failing select returns with the statement open',
     files=[changed('master/internal/db/trials.go', 'db', ['context', 'fmt', 'github.com/jmoiron/sqlx'], TRIALS, r'''
// TrialsByState lists the trials in one state.
func (r *Repo) TrialsByState(ctx context.Context, state State) ([]Trial, error) {
    stmt, err := r.db.PrepareNamedContext(ctx, `SELECT id, state, started_at FROM trials WHERE state = :state`) //@RES-01
    if err != nil {
        return nil, err
    }
    var out []Trial
    if err := stmt.SelectContext(ctx, &out, map[string]any{"state": state}); err != nil {
        return nil, fmt.Errorf("trials in state %s: %w", state, err)
    }
    return out, stmt.Close()
}
''')])

case('go-02-proxy-backend-defers-rows-close-before-error-check', 'https://github.com/XiaoMi/Gaea/pull/290',
     'a proxy backend lists the server variables with a query whose rows are closed by a defer placed before the error check: on a failed query the deferred close runs on a nil value',
     files=[f('backend/variables.go', new=go('backend', ['context', 'database/sql'], r'''
// ServerVariables reads the variables the proxy needs to mirror from one backend.
func ServerVariables(ctx context.Context, db *sql.DB, names []string) (map[string]string, error) {
    rows, err := db.QueryContext(ctx, "SHOW VARIABLES") //@RES-01
    defer rows.Close()
    if err != nil {
        return nil, err
    }
    wanted := make(map[string]bool, len(names))
    for _, n := range names {
        wanted[n] = true
    }
    out := make(map[string]string, len(names))
    for rows.Next() {
        var name, value string
        if err := rows.Scan(&name, &value); err != nil {
            return nil, err
        }
        if wanted[name] {
            out[name] = value
        }
    }
    return out, rows.Err()
}
'''))])

case('go-03-user-insert-returning-rows-never-closed-before-commit', 'https://github.com/lib/pq/issues/225',
     'a user store inserts with RETURNING through tx.QueryContext, scans the single row and commits without closing the rows, leaving the connection busy (the transaction itself is rolled back by a defer)',
     files=[f('store/users.go', new=go('store', ['context', 'database/sql', 'fmt', '', '_ github.com/lib/pq'], r'''
// CreateUser inserts a user and returns its generated id.
func CreateUser(ctx context.Context, db *sql.DB, name string, age int) (int64, error) {
    tx, err := db.BeginTx(ctx, nil)
    if err != nil {
        return 0, err
    }
    defer tx.Rollback()

    rows, err := tx.QueryContext(ctx, `INSERT INTO users(id, name, age) VALUES (DEFAULT, $1, $2) RETURNING id`, name, age) //@RES-01
    if err != nil {
        return 0, fmt.Errorf("insert user: %w", err)
    }
    var id int64
    if rows.Next() {
        if err := rows.Scan(&id); err != nil {
            return 0, err
        }
    }
    if err := tx.Commit(); err != nil {
        return 0, fmt.Errorf("commit user: %w", err)
    }
    return id, nil
}
'''))])

THINGS = r'''
// ThingRepo stores things in PostgreSQL.
type ThingRepo struct {
    db *sqlx.DB
}

// Save inserts the things of one owner in a single transaction.
func (tr ThingRepo) Save(ctx context.Context, things ...Thing) ([]Thing, error) {
    tx, err := tr.db.BeginTxx(ctx, nil)
    if err != nil {
        return nil, errors.Wrap(ErrCreateEntity, err)
    }
// <old-tx-body>
    for _, th := range things {
        dbth, err := toDBThing(th)
        if err != nil {
            return nil, errors.Wrap(ErrCreateEntity, err)
        }
        if _, err := tx.NamedExecContext(ctx, insertThing, dbth); err != nil {
            return nil, errors.Wrap(ErrCreateEntity, err)
        }
        if err := tr.saveMetadata(ctx, tx, th); err != nil {
            return nil, err
        }
    }
    if err := tx.Commit(); err != nil {
        return nil, errors.Wrap(ErrCreateEntity, err)
    }
    return things, nil
}
'''
THINGS_OLD_TX = r'''    defer func() {
        if err != nil {
            tx.Rollback()
        }
    }()
'''
case('go-04-thing-repo-rollback-guard-deleted-from-save', 'https://github.com/MainfluxLabs/mainflux/issues/859',
     'an edit inside a long Save asks for READ COMMITTED and removes the deferred rollback guard after BeginTxx (it looked redundant); every early return in the loop now leaves the transaction open',
     files=[f('things/postgres/things.go',
              old=go('postgres', ['context', '', 'github.com/MainfluxLabs/mainflux/pkg/errors', 'github.com/jmoiron/sqlx'], THINGS.replace('// <old-tx-body>\n', THINGS_OLD_TX)),
              new=go('postgres', ['context', 'database/sql', '', 'github.com/MainfluxLabs/mainflux/pkg/errors', 'github.com/jmoiron/sqlx'], THINGS.replace('    tx, err := tr.db.BeginTxx(ctx, nil)\n', '    tx, err := tr.db.BeginTxx(ctx, &sql.TxOptions{Isolation: sql.LevelReadCommitted}) //@TX-01\n').replace('// <old-tx-body>\n', '')))])

case('go-ok-01-thing-repo-defers-rollback-after-begin', 'https://github.com/MainfluxLabs/mainflux/issues/859',
     'clean: the same Save with `defer tx.Rollback()` on the line after the error check of BeginTxx (a no-op once Commit succeeded)',
     files=[f('things/postgres/things.go',
              old=go('postgres', ['context', '', 'github.com/MainfluxLabs/mainflux/pkg/errors', 'github.com/jmoiron/sqlx'], THINGS.replace('// <old-tx-body>\n', THINGS_OLD_TX)),
              new=go('postgres', ['context', '', 'github.com/MainfluxLabs/mainflux/pkg/errors', 'github.com/jmoiron/sqlx'], THINGS.replace('// <old-tx-body>\n', '    defer tx.Rollback() //nolint:errcheck // ErrTxDone after a successful Commit\n')))])

case('go-05-ledger-commit-error-dropped', 'https://github.com/taikoxyz/taiko-mono/pull/21235',
     'an event indexer stores block metadata in a transaction and calls tx.Commit() without looking at its error, so a failed commit reports the new id as stored',
     files=[f('eventindexer/repo/metadata.go', new=go('repo', ['context', 'database/sql', 'fmt'], r'''
// MetadataRepo stores block metadata.
type MetadataRepo struct {
    db *sql.DB
}

// Save stores one metadata row and its blob hashes, returning the new id.
func (r *MetadataRepo) Save(ctx context.Context, m Metadata) (int64, error) {
    tx, err := r.db.BeginTx(ctx, nil)
    if err != nil {
        return 0, err
    }
    defer tx.Rollback()

    var id int64
    err = tx.QueryRowContext(ctx, `INSERT INTO metadata (block_id, proposer) VALUES ($1, $2) RETURNING id`, m.BlockID, m.Proposer).Scan(&id)
    if err != nil {
        return 0, fmt.Errorf("insert metadata: %w", err)
    }
    for _, h := range m.BlobHashes {
        if _, err := tx.ExecContext(ctx, `INSERT INTO blob_hashes (metadata_id, hash) VALUES ($1, $2)`, id, h); err != nil {
            return 0, fmt.Errorf("insert blob hash: %w", err)
        }
    }
    tx.Commit() //@TX-02
    return id, nil
}
'''))])

# ---------------------------------------------------------------- mongo change streams
WATCHER_HEAD = r'''
// Event is one change of an order document.
type Event struct {
    OperationType string `bson:"operationType"`
    FullDocument  Order  `bson:"fullDocument"`
}

// Watcher streams order changes to a channel.
type Watcher struct {
    coll *mongo.Collection
    log  *slog.Logger
}
'''
case('go-06-order-watcher-change-stream-never-closed', 'https://github.com/mongodb/mongo-go-driver/pull/200',
     'an order watcher opens a MongoDB change stream and returns from the loop on a decode error, on cancellation and at the end without ever closing the stream (its server-side cursor stays open)',
     files=[f('internal/orders/watch.go', new=go('orders', ['context', 'fmt', 'log/slog', '', 'go.mongodb.org/mongo-driver/mongo', 'go.mongodb.org/mongo-driver/mongo/options'], WATCHER_HEAD + r'''
// Run forwards every change until ctx ends.
func (w *Watcher) Run(ctx context.Context, out chan<- Event) error {
    cs, err := w.coll.Watch(ctx, mongo.Pipeline{}, options.ChangeStream().SetFullDocument(options.UpdateLookup)) //@RES-01
    if err != nil {
        return fmt.Errorf("watch orders: %w", err)
    }
    for cs.Next(ctx) {
        var ev Event
        if err := cs.Decode(&ev); err != nil {
            return fmt.Errorf("decode change: %w", err)
        }
        select {
        case out <- ev:
        case <-ctx.Done():
            return ctx.Err()
        }
    }
    return cs.Err()
}
'''))])

case('go-ok-02-order-watcher-closes-stream-with-fresh-context', 'https://github.com/mongodb/mongo-go-driver/pull/200',
     'clean: the watcher defers closing the change stream with a short context of its own (the caller\'s may already be cancelled, which would skip killCursors)',
     files=[f('internal/orders/watch.go', new=go('orders', ['context', 'fmt', 'log/slog', 'time', '', 'go.mongodb.org/mongo-driver/mongo', 'go.mongodb.org/mongo-driver/mongo/options'], WATCHER_HEAD + r'''
// Run forwards every change until ctx ends.
func (w *Watcher) Run(ctx context.Context, out chan<- Event) error {
    cs, err := w.coll.Watch(ctx, mongo.Pipeline{}, options.ChangeStream().SetFullDocument(options.UpdateLookup))
    if err != nil {
        return fmt.Errorf("watch orders: %w", err)
    }
    defer func() {
        closeCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
        defer cancel()
        if err := cs.Close(closeCtx); err != nil {
            w.log.Warn("close change stream", "err", err)
        }
    }()
    for cs.Next(ctx) {
        var ev Event
        if err := cs.Decode(&ev); err != nil {
            return fmt.Errorf("decode change: %w", err)
        }
        select {
        case out <- ev:
        case <-ctx.Done():
            return ctx.Err()
        }
    }
    return cs.Err()
}
'''))])

# ---------------------------------------------------------------- badger
case('go-07-badger-prefix-iterator-drops-its-transaction', 'https://github.com/onflow/flow-go/pull/7254',
     'a storage layer builds a prefix iterator over a read-only badger transaction it never discards: Close closes the iterator only, and the transaction pins its read timestamp',
     files=[f('storage/badgerimpl/iterator.go', new=go('badgerimpl', ['github.com/dgraph-io/badger/v4'], r'''
// Iterator walks the keys under one prefix.
type Iterator struct {
    it     *badger.Iterator
    prefix []byte
}

// NewPrefixIterator opens an iterator positioned at the first key of prefix.
func NewPrefixIterator(db *badger.DB, prefix []byte) *Iterator {
    txn := db.NewTransaction(false) //@RES-01|TX-01
    it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix, PrefetchValues: false})
    it.Seek(prefix)
    return &Iterator{it: it, prefix: prefix}
}

func (i *Iterator) Valid() bool { return i.it.ValidForPrefix(i.prefix) }
func (i *Iterator) Next()       { i.it.Next() }
func (i *Iterator) Key() []byte { return i.it.Item().KeyCopy(nil) }

// Close releases the iterator.
func (i *Iterator) Close() error {
    i.it.Close()
    return nil
}
'''))])

case('go-ok-03-badger-iterator-owns-and-discards-its-transaction', 'https://github.com/ipfs/go-ds-badger/pull/31',
     'clean: the iterator keeps the implicit transaction it created and discards it in Close after closing the iterator (ownership handed to the returned value)',
     files=[f('storage/badgerimpl/iterator.go', new=go('badgerimpl', ['github.com/dgraph-io/badger/v4'], r'''
// Iterator walks the keys under one prefix; it owns the read transaction it was opened on.
type Iterator struct {
    txn    *badger.Txn
    it     *badger.Iterator
    prefix []byte
}

// NewPrefixIterator opens an iterator positioned at the first key of prefix. Callers must Close it.
func NewPrefixIterator(db *badger.DB, prefix []byte) *Iterator {
    txn := db.NewTransaction(false)
    it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix, PrefetchValues: false})
    it.Seek(prefix)
    return &Iterator{txn: txn, it: it, prefix: prefix}
}

func (i *Iterator) Valid() bool { return i.it.ValidForPrefix(i.prefix) }
func (i *Iterator) Next()       { i.it.Next() }
func (i *Iterator) Key() []byte { return i.it.Item().KeyCopy(nil) }

// Close releases the iterator, then the transaction under it (in that order, as badger requires).
func (i *Iterator) Close() error {
    i.it.Close()
    i.txn.Discard()
    return nil
}
'''))])

INDEX = r'''
// Index keeps secondary index entries in badger.
type Index struct {
    db *badger.DB
}

// Put adds one index entry.
func (x *Index) Put(key, docID []byte) error {
    return x.db.Update(func(txn *badger.Txn) error {
        return txn.Set(append(append([]byte{}, key...), docID...), nil)
    })
}

// <new>
'''
case('go-08-index-scan-returns-inside-view-with-iterator-open', 'https://github.com/sourcenetwork/defradb/issues/2875',
     'an index gains a limited scan that returns from inside db.View when the limit is reached, before the iterator is closed (badger panics with "Unclosed iterator at time of Txn.Discard")',
     files=[changed('datastore/index.go', 'datastore', ['github.com/dgraph-io/badger/v4'], INDEX, r'''
// Scan returns up to limit document ids stored under prefix.
func (x *Index) Scan(prefix []byte, limit int) ([][]byte, error) {
    var ids [][]byte
    err := x.db.View(func(txn *badger.Txn) error {
        it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix}) //@RES-01
        for it.Seek(prefix); it.ValidForPrefix(prefix); it.Next() {
            if len(ids) >= limit {
                return nil
            }
            key := it.Item().KeyCopy(nil)
            ids = append(ids, key[len(prefix):])
        }
        it.Close()
        return nil
    })
    return ids, err
}
''')])

# ---------------------------------------------------------------- compressors
case('go-09-box-decompress-gzip-reader-never-closed', 'https://github.com/gobuffalo/packr/issues/154',
     'an embedded-asset box decompresses stored files through gzip.NewReader and reads it to the end without closing the reader',
     files=[f('box/decompress.go', new=go('box', ['bytes', 'compress/gzip', 'io'], r'''
// decompress returns the plain bytes of a gzip-compressed asset.
func decompress(b []byte) ([]byte, error) {
    zr, err := gzip.NewReader(bytes.NewReader(b)) //@RES-01
    if err != nil {
        return nil, err
    }
    return io.ReadAll(zr)
}
'''))])

case('go-ok-04-chart-loader-closes-gzip-and-each-entry-in-helper', 'https://github.com/helm/helm/pull/8510',
     'clean: a chart loader opens the archive, defers the file and gzip reader closes, and writes each tar entry through a helper that defers its own close (no defer in the loop)',
     files=[f('pkg/chart/loader/archive.go', new=go('loader', ['archive/tar', 'compress/gzip', 'errors', 'fmt', 'io', 'os', 'path/filepath', 'strings'], r'''
// ExtractArchive unpacks a .tgz chart into dir.
func ExtractArchive(path, dir string) error {
    f, err := os.Open(path)
    if err != nil {
        return err
    }
    defer f.Close()
    zr, err := gzip.NewReader(f)
    if err != nil {
        return fmt.Errorf("%s: %w", path, err)
    }
    defer zr.Close()
    tr := tar.NewReader(zr)
    for {
        hdr, err := tr.Next()
        if errors.Is(err, io.EOF) {
            return nil
        }
        if err != nil {
            return err
        }
        if hdr.Typeflag != tar.TypeReg {
            continue
        }
        if err := writeEntry(dir, hdr, tr); err != nil {
            return err
        }
    }
}

// writeEntry copies one archive member below dir.
func writeEntry(dir string, hdr *tar.Header, r io.Reader) error {
    target := filepath.Join(dir, filepath.Clean(hdr.Name))
    if !strings.HasPrefix(target, filepath.Clean(dir)+string(os.PathSeparator)) {
        return fmt.Errorf("entry %q escapes the chart directory", hdr.Name)
    }
    if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
        return err
    }
    out, err := os.OpenFile(target, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
    if err != nil {
        return err
    }
    defer out.Close()
    _, err = io.Copy(out, io.LimitReader(r, 32<<20))
    return err
}
'''))])

case('go-ok-05-select-reader-keeps-gzip-reader-closed-in-close', 'https://github.com/minio/minio/pull/11302',
     'clean: an S3 Select progress reader stores the gzip reader it opens in a field and closes it in its own Close (ownership handed to the struct)',
     files=[f('internal/s3select/progress.go', new=go('s3select', ['compress/gzip', 'errors', 'io', 'sync'], r'''
// progressReader counts the scanned and processed bytes of a possibly compressed object.
type progressReader struct {
    rc        io.ReadCloser
    scanned   *countReader
    processed *countReader
    gzr       *gzip.Reader
    closeOnce sync.Once
}

func newProgressReader(rc io.ReadCloser, compressed bool) (*progressReader, error) {
    scanned := &countReader{r: rc}
    pr := &progressReader{rc: rc, scanned: scanned}
    var r io.Reader = scanned
    if compressed {
        gzr, err := gzip.NewReader(scanned)
        if err != nil {
            if errors.Is(err, gzip.ErrHeader) || errors.Is(err, gzip.ErrChecksum) {
                return nil, errInvalidGZIP(err)
            }
            return nil, errTruncatedInput(err)
        }
        pr.gzr = gzr
        r = gzr
    }
    pr.processed = &countReader{r: r}
    return pr, nil
}

func (pr *progressReader) Read(p []byte) (int, error) { return pr.processed.Read(p) }

// Close closes the decompressor (if any) and the object stream, once.
func (pr *progressReader) Close() error {
    var err error
    pr.closeOnce.Do(func() {
        if pr.gzr != nil {
            err = pr.gzr.Close()
        }
        if cerr := pr.rc.Close(); err == nil {
            err = cerr
        }
    })
    return err
}
'''))])

case('go-10-deb-reader-wraps-zstd-decoder-in-nop-closer', 'https://github.com/paultag/go-debian/pull/140',
     'a .deb reader adds zstd members and hands the decoder back wrapped in io.NopCloser, so the caller\'s Close never reaches the decoder (its goroutine and window buffers live on)',
     files=[changed('deb/tarfile.go', 'deb', ['compress/gzip', 'fmt', 'io', 'strings'], r'''
type decompressor func(io.Reader) (io.ReadCloser, error)

func gzipNewReader(r io.Reader) (io.ReadCloser, error) {
    return gzip.NewReader(r)
}

// <new>

func decompressorFor(name string) (decompressor, error) {
    switch {
    case strings.HasSuffix(name, ".gz"):
        return gzipNewReader, nil
    default:
        return nil, fmt.Errorf("deb: unknown compression of %q", name)
    }
}
''', r'''
func zstdNewReader(r io.Reader) (io.ReadCloser, error) {
    dec, err := zstd.NewReader(r) //@RES-01
    if err != nil {
        return nil, err
    }
    return io.NopCloser(dec), nil
}
''', more_imports=['github.com/klauspost/compress/zstd'])])

# ---------------------------------------------------------------- etcd sessions, watches, cancels
case('go-11-etcd-locker-session-per-lock-never-closed', 'https://github.com/go-micro/plugins/pull/48',
     'an etcd-backed locker creates a concurrency session (a lease kept alive by a goroutine) for every Lock and never closes it, not even when acquiring the mutex fails',
     files=[f('sync/etcd/etcd.go', new=go('etcd', ['context', 'path', 'sync', '', 'go.etcd.io/etcd/client/v3', 'go.etcd.io/etcd/client/v3/concurrency'], r'''
// Locker hands out named distributed locks.
type Locker struct {
    client *clientv3.Client
    prefix string

    mtx   sync.Mutex
    locks map[string]*concurrency.Mutex
}

// Lock blocks until the lock named id is held.
func (l *Locker) Lock(ctx context.Context, id string) error {
    s, err := concurrency.NewSession(l.client, concurrency.WithTTL(15)) //@RES-01
    if err != nil {
        return err
    }
    m := concurrency.NewMutex(s, path.Join(l.prefix, id))
    if err := m.Lock(ctx); err != nil {
        return err
    }
    l.mtx.Lock()
    l.locks[id] = m
    l.mtx.Unlock()
    return nil
}

// Unlock releases the lock named id.
func (l *Locker) Unlock(ctx context.Context, id string) error {
    l.mtx.Lock()
    m, ok := l.locks[id]
    delete(l.locks, id)
    l.mtx.Unlock()
    if !ok {
        return ErrNotLocked
    }
    return m.Unlock(ctx)
}
'''))])

case('go-ok-06-etcd-lock-returns-session-owned-by-handle', 'https://github.com/projecteru2/core/issues/399',
     'clean: the lock closes the session itself when acquiring the mutex fails, and otherwise returns a handle that owns the session and closes it in Unlock',
     files=[f('store/etcdv3/lock.go', new=go('etcdv3', ['context', 'fmt', '', 'go.etcd.io/etcd/client/v3', 'go.etcd.io/etcd/client/v3/concurrency'], r'''
// Mutex is a held distributed lock; Unlock releases the lock and its lease.
type Mutex struct {
    session *concurrency.Session
    mutex   *concurrency.Mutex
}

// CreateLock acquires the lock at key with a lease of ttl seconds.
func CreateLock(ctx context.Context, cli *clientv3.Client, key string, ttl int) (*Mutex, error) {
    session, err := concurrency.NewSession(cli, concurrency.WithTTL(ttl))
    if err != nil {
        return nil, fmt.Errorf("lock %s: session: %w", key, err)
    }
    mutex := concurrency.NewMutex(session, key)
    if err := mutex.Lock(ctx); err != nil {
        session.Close()
        return nil, fmt.Errorf("lock %s: %w", key, err)
    }
    return &Mutex{session: session, mutex: mutex}, nil
}

// Unlock releases the lock, then revokes the session's lease.
func (m *Mutex) Unlock(ctx context.Context) error {
    defer m.session.Close()
    return m.mutex.Unlock(ctx)
}
'''))])

REGISTER = r'''
// registerSession announces this proxy under prefix with a lease of ttl seconds.
func registerSession(lg *zap.Logger, c *clientv3.Client, prefix, addr string, ttl int) (*concurrency.Session, error) {
    ss, err := concurrency.NewSession(c, concurrency.WithTTL(ttl))
    if err != nil {
        return nil, err
    }

    gr := &naming.GRPCResolver{Client: c}
// <register-body>
    lg.Info("registered session with lease", zap.String("addr", addr), zap.Int("lease-ttl", ttl))
    return ss, nil
}
'''
case('go-12-grpc-proxy-register-returns-nil-without-closing-session', 'https://github.com/etcd-io/etcd/pull/15785',
     'an edit inside registerSession ties the session to the client context and adds a metadata marshalling step and returns its error, and the error of the registration, without closing the session created above (context lines)',
     files=[f('server/proxy/grpcproxy/register.go',
              old=go('grpcproxy', ['go.etcd.io/etcd/client/v3', 'go.etcd.io/etcd/client/v3/concurrency', 'go.etcd.io/etcd/client/v3/naming', 'go.uber.org/zap'], REGISTER.replace('// <register-body>\n', '''    if err = gr.Update(c.Ctx(), prefix, naming.Update{Op: naming.Add, Addr: addr}, clientv3.WithLease(ss.Lease())); err != nil {
        ss.Close()
        return nil, err
    }
''')),
              new=go('grpcproxy', ['encoding/json', '', 'go.etcd.io/etcd/client/v3', 'go.etcd.io/etcd/client/v3/concurrency', 'go.etcd.io/etcd/client/v3/naming', 'go.uber.org/zap'], REGISTER.replace('    ss, err := concurrency.NewSession(c, concurrency.WithTTL(ttl))\n', '    ss, err := concurrency.NewSession(c, concurrency.WithTTL(ttl), concurrency.WithContext(c.Ctx())) //@RES-01\n').replace('// <register-body>\n', '''    meta, err := json.Marshal(map[string]string{"addr": addr, "role": "proxy"})
    if err != nil {
        return nil, err
    }
    upd := naming.Update{Op: naming.Add, Addr: addr, Metadata: string(meta)}
    if err = gr.Update(c.Ctx(), prefix, upd, clientv3.WithLease(ss.Lease())); err != nil {
        return nil, err
    }
''')))])

case('go-13-config-watcher-cancel-skipped-on-watch-error', 'https://github.com/kelseyhightower/confd/issues/693',
     'a config backend waits for the next change under a prefix with a cancellable watch context; the cancel is called on the change and end-of-stream paths but not when the watch response carries an error',
     files=[f('backends/etcdv3/watch.go', new=go('etcdv3', ['context', '', 'go.etcd.io/etcd/client/v3'], r'''
// WaitForChange blocks until a key under prefix changes after rev, and returns the next revision to watch from.
func (c *Client) WaitForChange(ctx context.Context, prefix string, rev int64) (int64, error) {
    wctx, cancel := context.WithCancel(ctx) //@TMO-03
    wch := c.cli.Watch(wctx, prefix, clientv3.WithPrefix(), clientv3.WithRev(rev+1))
    for resp := range wch {
        if err := resp.Err(); err != nil {
            return rev, err
        }
        if len(resp.Events) > 0 {
            cancel()
            return resp.Header.Revision, nil
        }
    }
    cancel()
    return rev, ctx.Err()
}
'''))])

case('go-ok-07-rule-watcher-stores-cancel-and-calls-it-in-stop', 'https://github.com/IBM-Cloud/go-etcd-rules/pull/110',
     'clean: a rule watcher derives a cancellable context for its watch channel, keeps the cancel function in a field and calls it from Stop (ownership handed to the struct, like a field closed in Close)',
     files=[f('rules/watcher.go', new=go('rules', ['context', 'sync', '', 'go.etcd.io/etcd/client/v3'], r'''
// watcher feeds etcd changes under a prefix to the rule engine.
type watcher struct {
    cli    *clientv3.Client
    prefix string

    mu     sync.Mutex
    cancel context.CancelFunc
    ch     clientv3.WatchChan
}

// start opens the watch channel; stop must be called to release it.
func (w *watcher) start(parent context.Context) {
    ctx, cancel := context.WithCancel(parent)
    w.mu.Lock()
    w.cancel = cancel
    w.ch = w.cli.Watch(ctx, w.prefix, clientv3.WithPrefix())
    w.mu.Unlock()
}

// stop cancels the watch context, which closes the channel.
func (w *watcher) stop() {
    w.mu.Lock()
    defer w.mu.Unlock()
    if w.cancel != nil {
        w.cancel()
        w.cancel = nil
    }
}
'''))])

case('go-14-wait-prefix-events-watches-with-background-context', 'https://github.com/etcd-io/etcd/issues/9103',
     'a helper that waits for events under a prefix is given the request context but opens its watch on context.Background(), so the watch outlives the caller and is never cancelled',
     files=[f('util/etcd/events.go', new=go('etcd', ['context', 'errors', '', 'go.etcd.io/etcd/api/v3/mvccpb', 'go.etcd.io/etcd/client/v3'], r'''
var ErrNoWatcher = errors.New("etcd: watch channel closed")

// WaitPrefixEvents returns the first event of one of the given types under prefix after rev.
func WaitPrefixEvents(ctx context.Context, c *clientv3.Client, prefix string, rev int64, types ...mvccpb.Event_EventType) (*clientv3.Event, error) {
    wc := c.Watch(context.Background(), prefix, clientv3.WithPrefix(), clientv3.WithRev(rev)) //@TMO-02|TMO-03
    for resp := range wc {
        if err := resp.Err(); err != nil {
            return nil, err
        }
        for _, ev := range resp.Events {
            for _, t := range types {
                if ev.Type == t {
                    return ev, nil
                }
            }
        }
    }
    return nil, ErrNoWatcher
}
'''))])

# ---------------------------------------------------------------- redigo, grpc, docker
case('go-15-session-store-returns-before-deferring-pooled-conn-close', 'https://github.com/rethinkdb/rethinkdb-go/pull/444',
     'a redigo-backed session store starts a MULTI on a pooled connection and returns on its error before the deferred Close that gives the connection back to the pool',
     files=[f('session/redis.go', new=go('session', ['fmt', 'time', '', 'github.com/gomodule/redigo/redis'], r'''
// RedisStore keeps sessions in Redis.
type RedisStore struct {
    pool *redis.Pool
}

// Touch extends the expiry of a session and its index entry in one transaction.
func (s *RedisStore) Touch(id string, ttl time.Duration) error {
    conn := s.pool.Get() //@RES-01
    if _, err := conn.Do("MULTI"); err != nil {
        return fmt.Errorf("touch %s: %w", id, err)
    }
    defer conn.Close()
    secs := int(ttl / time.Second)
    if err := conn.Send("EXPIRE", "session:"+id, secs); err != nil {
        return err
    }
    if err := conn.Send("ZADD", "session:index", time.Now().Add(ttl).Unix(), id); err != nil {
        return err
    }
    _, err := conn.Do("EXEC")
    return err
}
'''))])

case('go-16-rate-daemon-client-dials-grpc-conn-nobody-closes', 'https://github.com/gubernator-io/gubernator/issues/66',
     'a rate-limit daemon gains a Client() that dials a new gRPC connection on every call and returns only the generated client wrapped around it, so nobody can close the connection',
     files=[changed('daemon.go', 'gubernator', ['context', 'net', 'sync'], r'''
// Daemon runs the rate-limit service in process.
type Daemon struct {
    conf     DaemonConfig
    listener net.Listener
    wg       sync.WaitGroup
}

// Close stops the daemon.
func (d *Daemon) Close(ctx context.Context) error {
    err := d.listener.Close()
    d.wg.Wait()
    return err
}

// <new>
''', r'''
// Client returns a client of the daemon's gRPC API.
func (d *Daemon) Client() (V1Client, error) {
    conn, err := grpc.NewClient(d.listener.Addr().String(), grpc.WithTransportCredentials(insecure.NewCredentials())) //@RES-01|RES-04
    if err != nil {
        return nil, err
    }
    return NewV1Client(conn), nil
}
''', more_imports=['google.golang.org/grpc', 'google.golang.org/grpc/credentials/insecure'])])

RECON = r'''
// Reconciler keeps machine containers in the state their resources ask for.
type Reconciler struct {
    log logr.Logger
}

// <new>
'''
case('go-17-reconciler-builds-docker-client-per-inspect', 'https://github.com/PingCAP-QE/Naglfar/pull/34',
     'a Kubernetes reconciler gains a helper that builds a Docker API client for the machine on every call and never closes it (each client keeps its own transport and idle connections)',
     files=[changed('controllers/machine_docker.go', 'controllers', ['github.com/go-logr/logr'], RECON, r'''
// containerState reports the state of one container on a machine.
func (r *Reconciler) containerState(ctx context.Context, host, id string) (string, error) {
    cli, err := client.NewClientWithOpts(client.WithHost("tcp://"+host+":2376"), client.WithAPIVersionNegotiation()) //@RES-04|RES-01
    if err != nil {
        return "", err
    }
    info, err := cli.ContainerInspect(ctx, id)
    if err != nil {
        if client.IsErrNotFound(err) {
            return "absent", nil
        }
        return "", err
    }
    return info.State.Status, nil
}
''', more_imports=['context', 'github.com/docker/docker/client'])])

IMAGES = r'''
// ImageService wraps the Docker API for the dashboard.
type ImageService struct {
    cli *client.Client
}

// Pull fetches an image and waits for the pull to finish.
func (s *ImageService) Pull(ctx context.Context, ref string) error {
    rc, err := s.cli.ImagePull(ctx, ref, image.PullOptions{})
    if err != nil {
        return fmt.Errorf("pull %s: %w", ref, err)
    }
// <close>
    if _, err := io.Copy(io.Discard, rc); err != nil {
        return fmt.Errorf("pull %s: %w", ref, err)
    }
    s.invalidate(ref)
    return nil
}
'''
case('go-18-image-pull-progress-stream-close-deleted', 'https://github.com/RA341/dockman/pull/213',
     'an edit inside ImageService.Pull drops the deferred close of the ImagePull progress stream while rewording the errors; the stream is drained but never closed (acquire in context, release deleted)',
     files=[f('internal/docker/images.go',
              old=go('docker', ['context', 'fmt', 'io', '', 'github.com/docker/docker/api/types/image', 'github.com/docker/docker/client'], IMAGES.replace('// <close>\n', '    defer rc.Close()\n')),
              new=go('docker', ['context', 'fmt', 'io', '', 'github.com/docker/docker/api/types/image', 'github.com/docker/docker/client'], IMAGES.replace('    rc, err := s.cli.ImagePull(ctx, ref, image.PullOptions{})\n', '    rc, err := s.cli.ImagePull(ctx, ref, image.PullOptions{}) //@RES-01\n').replace('// <close>\n', '').replace('"pull %s: %w"', '"image %s: %w"')))])

case('go-19-image-layers-reads-image-save-tar-without-closing', 'https://github.com/RA341/dockman/pull/213',
     'an image inspector reads the layer list out of the ImageSave tar stream and returns from the loop as soon as the manifest is found, never closing the stream (the whole image export stays pinned)',
     files=[f('internal/docker/layers.go', new=go('docker', ['archive/tar', 'context', 'encoding/json', 'errors', 'io', '', 'github.com/docker/docker/client'], r'''
type manifestEntry struct {
    Config string
    Layers []string
}

// ImageLayers lists the layer files of an image from its saved tar.
func ImageLayers(ctx context.Context, cli *client.Client, ref string) ([]string, error) {
    rc, err := cli.ImageSave(ctx, []string{ref}) //@RES-01
    if err != nil {
        return nil, err
    }
    tr := tar.NewReader(rc)
    for {
        hdr, err := tr.Next()
        if errors.Is(err, io.EOF) {
            return nil, errors.New("image tar has no manifest.json")
        }
        if err != nil {
            return nil, err
        }
        if hdr.Name != "manifest.json" {
            continue
        }
        var m []manifestEntry
        if err := json.NewDecoder(tr).Decode(&m); err != nil {
            return nil, err
        }
        if len(m) == 0 {
            return nil, errors.New("empty manifest")
        }
        return m[0].Layers, nil
    }
}
'''))])

# ---------------------------------------------------------------- nats
case('go-20-peer-listener-subscription-never-unsubscribed', 'https://github.com/statechannels/go-nitro/pull/1670',
     'a peer messaging service subscribes to its inbox subject for the life of one connection and returns when the context ends without unsubscribing or draining (the subscription and its handler stay registered on the shared NATS connection)',
     files=[f('node/p2p/nats.go', new=go('p2p', ['context', 'fmt', '', 'github.com/nats-io/nats.go'], r'''
// Service carries peer messages over a shared NATS connection.
type Service struct {
    nc      *nats.Conn
    inbound chan Message
}

// Listen delivers the messages addressed to peer until ctx ends.
func (s *Service) Listen(ctx context.Context, peer string) error {
    sub, err := s.nc.Subscribe("peers."+peer+".inbox", func(m *nats.Msg) { //@RES-01
        msg, err := decodeMessage(m.Data) //@~ERR-01
        if err != nil {
            return
        }
        s.inbound <- msg
    })
    if err != nil {
        return fmt.Errorf("subscribe %s: %w", peer, err)
    }
    if err := sub.SetPendingLimits(1024, 8<<20); err != nil {
        return err
    }
    <-ctx.Done()
    return ctx.Err()
}
'''))])

case('go-ok-08-peer-listener-drains-subscription-on-exit', 'https://github.com/statechannels/go-nitro/pull/1670',
     'clean: the listener defers Drain of its subscription, which stops new messages and lets the handler finish the buffered ones; a decode failure is counted, not swallowed',
     files=[f('node/p2p/nats.go', new=go('p2p', ['context', 'fmt', 'sync/atomic', '', 'github.com/nats-io/nats.go'], r'''
// Service carries peer messages over a shared NATS connection.
type Service struct {
    nc        *nats.Conn
    inbound   chan Message
    malformed atomic.Int64
}

// Listen delivers the messages addressed to peer until ctx ends.
func (s *Service) Listen(ctx context.Context, peer string) error {
    sub, err := s.nc.Subscribe("peers."+peer+".inbox", func(m *nats.Msg) {
        msg, err := decodeMessage(m.Data)
        if err != nil {
            s.malformed.Add(1) // exported as a metric; the sender is told by the protocol's ack timeout
            return
        }
        s.inbound <- msg
    })
    if err != nil {
        return fmt.Errorf("subscribe %s: %w", peer, err)
    }
    defer sub.Drain()
    <-ctx.Done()
    return ctx.Err()
}
'''))])

# ---------------------------------------------------------------- goroutines and periodic work
SAFEGO = r'''
// Go runs fn in a new goroutine; a panic is logged with its stack and counted instead of ending the process.
func Go(log *slog.Logger, name string, fn func()) {
    go func() {
        defer Recover(log, name)
        fn()
    }()
}

// Recover is deferred at the top of a goroutine or of one loop iteration.
func Recover(log *slog.Logger, name string) {
    if r := recover(); r != nil {
        panics.WithLabelValues(name).Inc()
        log.Error("recovered panic", "job", name, "panic", r, "stack", string(debug.Stack()))
    }
}
'''
NODES = r'''
// Syncer pushes traffic counters to every remote node.
type Syncer struct {
    nodes []*Node
    log   *slog.Logger
}

// <new>
'''
case('go-21-node-heartbeat-goroutines-without-recover', 'https://github.com/MHSanaei/3x-ui/pull/5397',
     'a panel gains a per-node heartbeat fan-out: one bare goroutine per configured node doing remote I/O, none with a recover, so one bad node response panics the whole process',
     files=[changed('internal/web/job/node_sync.go', 'job', ['log/slog'], NODES, r'''
// Heartbeat checks every node once, concurrently.
func (s *Syncer) Heartbeat(ctx context.Context) {
    var wg sync.WaitGroup
    for _, n := range s.nodes {
        wg.Add(1)
        go func(n *Node) { //@CONC-01,~CONC-02
            defer wg.Done()
            st, err := n.Status(ctx)
            if err != nil {
                n.MarkDown(err)
                return
            }
            n.MarkUp(st.Version)
        }(n)
    }
    wg.Wait()
}
''', more_imports=['context', 'sync'])])

case('go-ok-09-node-heartbeat-through-recovering-helper', 'https://github.com/MHSanaei/3x-ui/pull/5397',
     'clean: the same fan-out starts each node check through common.Go, a helper added in another file of the change that defers a logging, counting recover (and the node list is bounded by configuration, checked under a semaphore)',
     files=[f('internal/util/common/gorecover.go', new=go('common', ['log/slog', 'runtime/debug', '', 'github.com/prometheus/client_golang/prometheus', 'github.com/prometheus/client_golang/prometheus/promauto'], r'''
var panics = promauto.NewCounterVec(prometheus.CounterOpts{Name: "background_panics_total", Help: "Recovered panics in background goroutines."}, []string{"job"})
''' + SAFEGO)),
            changed('internal/web/job/node_sync.go', 'job', ['log/slog'], NODES, r'''
// Heartbeat checks every node once, at most eight at a time.
func (s *Syncer) Heartbeat(ctx context.Context) {
    var wg sync.WaitGroup
    sem := make(chan struct{}, 8)
    for _, n := range s.nodes {
        n := n
        wg.Add(1)
        sem <- struct{}{}
        common.Go(s.log, "node-heartbeat", func() {
            defer func() { <-sem; wg.Done() }()
            st, err := n.Status(ctx)
            if err != nil {
                n.MarkDown(err)
                return
            }
            n.MarkUp(st.Version)
        })
    }
    wg.Wait()
}
''', more_imports=['context', 'sync', 'github.com/MHSanaei/3x-ui/internal/util/common'])])

SCHED = r'''
// Scheduler runs the tutor's periodic jobs.
type Scheduler struct {
    cron  *cron.Cron
    store Store
    log   *slog.Logger
}

// NewScheduler registers the jobs; Start runs them.
func NewScheduler(store Store, log *slog.Logger) (*Scheduler, error) {
    s := &Scheduler{store: store, log: log}
    s.cron = cron.New(cron.WithLocation(time.UTC)) //@CONC-07|CONC-01
    if _, err := s.cron.AddFunc("0 8,13,21 * * *", s.dispatchQueued); err != nil {
        return nil, err
    }
    if _, err := s.cron.AddFunc("@hourly", s.cleanupExpired); err != nil {
        return nil, err
    }
    return s, nil
}

func (s *Scheduler) Start() { s.cron.Start() }

func (s *Scheduler) dispatchQueued() {
    ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
    defer cancel()
    learners, err := s.store.QueuedLearners(ctx)
    if err != nil {
        s.log.Error("queued learners", "err", err)
        return
    }
    s.log.Info("dispatching queued reminders", "learners", len(learners))
    for _, l := range learners {
        s.send(ctx, l.Snapshot())
    }
}
'''
case('go-22-tutor-scheduler-cron-without-recover-chain', 'https://github.com/ArnaudGuiovanna/tutor-mcp/issues/35',
     'a tutoring service schedules its reminder and cleanup jobs with robfig/cron created without the Recover chain: cron runs each job in its own goroutine, and one panicking job ends the whole process',
     files=[f('engine/scheduler.go', new=go('engine', ['context', 'log/slog', 'time', '', 'github.com/robfig/cron/v3'], SCHED)),
            f('go.mod', new=gomod('tutor', ['github.com/robfig/cron/v3 v3.0.1']))])

case('go-ok-10-tutor-scheduler-cron-with-recover-chain', 'https://github.com/cortexlabs/cortex/issues/355',
     'clean: the scheduler is created with cron.WithChain(cron.Recover(logger)), so a panicking job is logged and the schedule goes on',
     files=[f('engine/scheduler.go', new=go('engine', ['context', 'log/slog', 'time', '', 'github.com/robfig/cron/v3'], SCHED.replace(
         '    s.cron = cron.New(cron.WithLocation(time.UTC)) //@CONC-07|CONC-01\n',
         '    logger := cron.PrintfLogger(slog.NewLogLogger(log.Handler(), slog.LevelError))\n    s.cron = cron.New(cron.WithLocation(time.UTC), cron.WithChain(cron.Recover(logger)))\n')))])

case('go-23-mdns-query-loop-ticker-never-stopped', 'https://github.com/pion/mdns/pull/73',
     'an mDNS connection gains a query loop driven by time.NewTicker that returns when the context ends without stopping the ticker (built with go 1.22, where an unstopped ticker is not collected)',
     files=[changed('conn.go', 'mdns', ['net', 'sync', 'time'], r'''
// Conn answers and sends mDNS queries.
type Conn struct {
    mu            sync.Mutex
    socket        *net.UDPConn
    queryInterval time.Duration
}

// <new>
''', r'''
// queryLoop repeats the question for name until ctx ends.
func (c *Conn) queryLoop(ctx context.Context, name string) {
    t := time.NewTicker(c.queryInterval) //@RES-01
    for {
        select {
        case <-ctx.Done():
            return
        case <-t.C:
            c.sendQuestion(name)
        }
    }
}
''', more_imports=['context']), f('go.mod', new=gomod('mdns', ['golang.org/x/net v0.25.0'], '1.22'))])

WATCHDOG = r'''
// watchdog reports progress while a solve runs.
func (d *display) watchdog(ctx context.Context, interval time.Duration, updates <-chan time.Duration) {
    ticker := time.NewTicker(interval)
    defer ticker.Stop()
    for {
        select {
        case <-ctx.Done():
            return
        case iv := <-updates:
// <swap>
        case <-ticker.C:
            d.print()
        }
    }
}
'''
case('go-24-progress-watchdog-replaces-ticker-deferred-stop-bound-to-first', 'https://github.com/moby/buildkit/pull/2475',
     'an edit makes the progress watchdog accept a new interval by assigning a fresh ticker; the deferred Stop was bound to the first ticker, so every replaced ticker and the last one keep running',
     files=[f('util/progress/progressui/watchdog.go',
              old=go('progressui', ['context', 'time'], WATCHDOG.replace('// <swap>\n', '            _ = iv // interval changes are not supported yet\n')),
              new=go('progressui', ['context', 'time'], WATCHDOG.replace('// <swap>\n', '            ticker = time.NewTicker(iv) //@RES-01\n')))])

case('go-ok-11-progress-watchdog-resets-ticker-in-place', 'https://github.com/moby/buildkit/pull/2475',
     'clean: the watchdog changes the interval with ticker.Reset, so the single deferred Stop covers the one ticker there is',
     files=[f('util/progress/progressui/watchdog.go',
              old=go('progressui', ['context', 'time'], WATCHDOG.replace('// <swap>\n', '            _ = iv // interval changes are not supported yet\n')),
              new=go('progressui', ['context', 'time'], WATCHDOG.replace('// <swap>\n', '            ticker.Reset(iv)\n')))])

# ---------------------------------------------------------------- os/exec
case('go-25-dev-container-sync-starts-process-without-wait', 'https://github.com/nocalhost/nocalhost/pull/1258',
     'a dev-environment CLI daemon starts a file-sync helper process with cmd.Start and returns, never calling Wait: each restart of the sync leaves a zombie and the pipes of the child',
     files=[f('internal/nhctl/syncthing/daemon.go', new=go('syncthing', ['fmt', 'os', 'os/exec', 'path/filepath', 'strconv'], r'''
// StartLocal launches the local sync helper for one dev environment and records its pid.
func (s *Syncthing) StartLocal(home string) (int, error) {
    cmd := exec.Command(s.BinPath, "serve", "--home", home, "--no-browser", "--gui-address", s.GUIAddress)
    cmd.Env = append(os.Environ(), "STNOUPGRADE=1")
    if err := cmd.Start(); err != nil { //@RES-01
        return 0, fmt.Errorf("start sync helper: %w", err)
    }
    pid := cmd.Process.Pid
    if err := os.WriteFile(filepath.Join(home, "syncthing.pid"), []byte(strconv.Itoa(pid)), 0o644); err != nil {
        return 0, err
    }
    return pid, nil
}
'''))])

case('go-ok-12-tun-route-setup-runs-commands-to-completion', 'https://github.com/SagerNet/sing-tun/pull/21',
     'clean: route setup runs each ip(8) command with CombinedOutput (which waits), bounded by a context with a deadline, and wraps the output into the error',
     files=[f('tun_linux_routes.go', new=go('tun', ['context', 'fmt', 'os/exec', 'time'], r'''
// runIP runs one ip(8) command to completion.
func runIP(ctx context.Context, args ...string) error {
    ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
    defer cancel()
    out, err := exec.CommandContext(ctx, "ip", args...).CombinedOutput()
    if err != nil {
        return fmt.Errorf("ip %v: %w: %s", args, err, out)
    }
    return nil
}

// addRoutes installs the tunnel routes.
func addRoutes(ctx context.Context, dev string, prefixes []string) error {
    for _, p := range prefixes {
        if err := runIP(ctx, "route", "replace", p, "dev", dev, "table", "2022"); err != nil {
            return err
        }
    }
    return nil
}
'''))])

# ============================================================== timeouts and contexts
case('go-26-dns-notifier-http-client-without-timeout', 'https://github.com/TimothyYe/godns/pull/124',
     'a dynamic-DNS daemon gains a webhook notifier whose http.Client sets a proxy-aware transport but no Timeout (and no dialer or header timeouts), so a stalled webhook holds the update loop forever',
     files=[f('internal/notification/webhook.go', new=go('notification', ['bytes', 'context', 'fmt', 'net/http'], r'''
// WebhookNotifier posts IP changes to a URL.
type WebhookNotifier struct {
    url    string
    client *http.Client
}

func NewWebhookNotifier(url string) *WebhookNotifier {
    return &WebhookNotifier{
        url:    url,
        client: &http.Client{Transport: &http.Transport{Proxy: http.ProxyFromEnvironment}}, //@TMO-01
    }
}

// Send posts one notification.
func (n *WebhookNotifier) Send(ctx context.Context, domain, ip string) error {
    body := []byte(fmt.Sprintf(`{"domain":%q,"ip":%q}`, domain, ip))
    req, err := http.NewRequestWithContext(ctx, http.MethodPost, n.url, bytes.NewReader(body))
    if err != nil {
        return err
    }
    req.Header.Set("Content-Type", "application/json")
    resp, err := n.client.Do(req)
    if err != nil {
        return err
    }
    defer resp.Body.Close()
    if resp.StatusCode >= 300 {
        return fmt.Errorf("webhook %s: %s", n.url, resp.Status)
    }
    return nil
}
'''))])

case('go-ok-13-dns-notifier-client-with-timeouts', 'https://github.com/TimothyYe/godns/pull/124',
     'clean: the notifier\'s client has an overall Timeout and a transport with dial, TLS and response-header timeouts',
     files=[f('internal/notification/webhook.go', new=go('notification', ['net', 'net/http', 'time'], r'''
// WebhookNotifier posts IP changes to a URL.
type WebhookNotifier struct {
    url    string
    client *http.Client
}

func NewWebhookNotifier(url string) *WebhookNotifier {
    transport := &http.Transport{
        Proxy:                 http.ProxyFromEnvironment,
        DialContext:           (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
        TLSHandshakeTimeout:   5 * time.Second,
        ResponseHeaderTimeout: 10 * time.Second,
    }
    return &WebhookNotifier{url: url, client: &http.Client{Timeout: 20 * time.Second, Transport: transport}}
}
'''))])

FETCH = r'''
// Fetcher downloads package sources for a build.
type Fetcher struct {
    client *http.Client
    dir    string
}

// <new>
'''
case('go-27-source-fetch-builds-request-without-callers-context', 'https://github.com/chainguard-dev/melange/pull/527',
     'a build tool gains a source fetch that takes the build context but builds its request with http.NewRequest, so cancelling the build does not stop the download',
     files=[changed('pkg/build/fetch.go', 'build', ['net/http'], FETCH, r'''
// Fetch downloads uri into the build directory and returns the local path.
func (f *Fetcher) Fetch(ctx context.Context, uri, name string) (string, error) {
    req, err := http.NewRequest(http.MethodGet, uri, nil) //@TMO-02
    if err != nil {
        return "", err
    }
    resp, err := f.client.Do(req)
    if err != nil {
        return "", fmt.Errorf("fetch %s: %w", uri, err)
    }
    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return "", fmt.Errorf("fetch %s: %s", uri, resp.Status)
    }
    dst := filepath.Join(f.dir, name)
    out, err := os.Create(dst)
    if err != nil {
        return "", err
    }
    defer out.Close()
    if _, err := io.Copy(out, resp.Body); err != nil {
        return "", err
    }
    return dst, out.Sync()
}
''', more_imports=['context', 'fmt', 'io', 'os', 'path/filepath'])])

RETRY = r'''
// Client talks to the Web API.
type Client struct {
    http       *http.Client
    baseURL    string
    maxRetries int
}

// <new>
'''
case('go-28-api-client-retry-sleeps-through-cancellation', 'https://github.com/zmb3/spotify/pull/212',
     'an API client gains retries on 429 that sleep for the Retry-After period with time.Sleep, ignoring the request context: a cancelled caller still waits out every backoff',
     files=[changed('spotify.go', 'spotify', ['net/http'], RETRY, r'''
// execute sends req, retrying while the server rate-limits it.
func (c *Client) execute(ctx context.Context, req *http.Request) (*http.Response, error) {
    for attempt := 0; ; attempt++ {
        resp, err := c.http.Do(req.WithContext(ctx))
        if err != nil {
            return nil, err
        }
        if resp.StatusCode != http.StatusTooManyRequests || attempt >= c.maxRetries {
            return resp, nil
        }
        resp.Body.Close()
        wait := retryAfter(resp)
        time.Sleep(wait) //@CONC-05
    }
}

func retryAfter(resp *http.Response) time.Duration {
    if s, err := strconv.Atoi(resp.Header.Get("Retry-After")); err == nil && s > 0 {
        return time.Duration(s) * time.Second
    }
    return time.Second
}
''', more_imports=['context', 'strconv', 'time'])])

SUBSCRIBE = r'''
// subscribeLoop keeps a gNMI subscription open, reconnecting after failures.
func (t *Target) subscribeLoop(ctx context.Context, req *gnmi.SubscribeRequest, retry time.Duration) {
    for {
        err := t.subscribeOnce(ctx, req)
        if err == nil || errors.Is(err, context.Canceled) {
            return
        }
        t.logger.Printf("target %q: subscription failed: %v", t.Config.Name, err)
// <wait>
    }
}
'''
case('go-29-gnmi-subscribe-loop-waits-with-sleep', 'https://github.com/openconfig/gnmic/pull/351',
     'an edit inside the subscription loop of a gNMI collector adds a pause before reconnecting with time.Sleep, which cannot be interrupted by the context the loop otherwise honours',
     files=[f('pkg/target/subscribe.go',
              old=go('target', ['context', 'errors', 'time', '', 'github.com/openconfig/gnmi/proto/gnmi'], SUBSCRIBE.replace('// <wait>\n', '')),
              new=go('target', ['context', 'errors', 'time', '', 'github.com/openconfig/gnmi/proto/gnmi'], SUBSCRIBE.replace('// <wait>\n', '        time.Sleep(retry) //@CONC-05\n')))])

case('go-ok-14-gnmi-subscribe-loop-waits-on-timer-or-context', 'https://github.com/openconfig/gnmic/pull/351',
     'clean: the reconnect pause selects on a timer and on ctx.Done(), stopping the timer when the context wins (the loop is paced by the network call and the pause)',
     files=[f('pkg/target/subscribe.go',
              old=go('target', ['context', 'errors', 'time', '', 'github.com/openconfig/gnmi/proto/gnmi'], SUBSCRIBE.replace('// <wait>\n', '')),
              new=go('target', ['context', 'errors', 'time', '', 'github.com/openconfig/gnmi/proto/gnmi'], SUBSCRIBE.replace('// <wait>\n', '''        timer := time.NewTimer(retry)
        select {
        case <-ctx.Done():
            timer.Stop()
            return
        case <-timer.C:
        }
''')))])

# ============================================================== logging in hot paths
case('go-30-derp-sender-warns-per-dropped-packet', 'https://github.com/tailscale/tailscale/issues/317',
     'a relay sender logs a zap warning for every packet it drops when the peer queue is full, inside the per-packet loop (under load that is one line per packet)',
     files=[f('derp/sender.go', new=go('derp', ['errors', '', 'go.uber.org/zap'], r'''
var errQueueFull = errors.New("too many packets queued")

// sender forwards packets to one peer.
type sender struct {
    log   *zap.Logger
    queue chan []byte
    drops uint64
}

func (s *sender) enqueue(pkt []byte) error {
    select {
    case s.queue <- pkt:
        return nil
    default:
        return errQueueFull
    }
}

// sendBatch forwards a batch of packets read from one client.
func (s *sender) sendBatch(peer string, batch [][]byte) {
    for _, pkt := range batch {
        if err := s.enqueue(pkt); err != nil {
            s.drops++
            s.log.Warn("failed to send data packet", zap.String("peer", peer), zap.Error(err)) //@LOG-01
            continue
        }
    }
}
'''))])

case('go-ok-15-surfacer-counts-drops-and-logs-once-per-interval', 'https://github.com/cloudprober/cloudprober/issues/1190',
     'clean: a metrics surfacer counts the data it drops when its write channel is full and logs one line with the count at most every ten seconds',
     files=[f('internal/surfacers/file/file.go', new=go('file', ['log/slog', 'sync/atomic', 'time'], r'''
// Surfacer writes probe results to a file.
type Surfacer struct {
    writeChan chan *EventMetrics
    log       *slog.Logger

    dropped     atomic.Int64
    lastDropLog atomic.Int64 // unix nanoseconds
}

// Write queues em for writing, dropping it when the writer is behind.
func (s *Surfacer) Write(em *EventMetrics) {
    select {
    case s.writeChan <- em:
        return
    default:
    }
    n := s.dropped.Add(1)
    now := time.Now().UnixNano()
    last := s.lastDropLog.Load()
    if now-last < int64(10*time.Second) || !s.lastDropLog.CompareAndSwap(last, now) {
        return
    }
    s.log.Warn("write channel full, dropping data", "dropped_total", n)
}
'''))])

case('go-31-datasource-logs-whole-frame-per-row', 'https://github.com/HadesArchitect/GrafanaCassandraDatasource/issues/147',
     'a Grafana datasource backend logs, at warn level and for every row it cannot convert, the whole data frame it has built so far (the log grows with the square of the result)',
     files=[f('backend/handler/frames.go', new=go('handler', ['log/slog', '', 'github.com/grafana/grafana-plugin-sdk-go/data'], r'''
// appendRows converts query rows into frame fields, skipping rows of the wrong shape.
func appendRows(log *slog.Logger, frame *data.Frame, rows []map[string]any) {
    for i, row := range rows {
        ts, ok1 := row["time"]
        val, ok2 := row["value"]
        if !ok1 || !ok2 {
            log.Warn("skipping malformed row", "row", i, "frame", frame) //@LOG-01
            continue
        }
        frame.AppendRow(ts, val)
    }
}
'''))])

case('go-ok-16-collector-logs-each-reconnect-paced-by-backoff', 'https://github.com/netdata/netdata/pull/16469',
     'clean: a collector logs one line per reconnection attempt inside its retry loop; the loop is paced by the network dial and an exponential backoff capped at a minute, and gives up when the context ends',
     files=[f('go/plugin/collector/conn.go', new=go('collector', ['context', 'log/slog', 'net', 'time'], r'''
// dialWithBackoff connects to addr, retrying with exponential backoff until ctx ends.
func dialWithBackoff(ctx context.Context, log *slog.Logger, addr string) (net.Conn, error) {
    backoff := time.Second
    d := net.Dialer{Timeout: 5 * time.Second}
    for {
        conn, err := d.DialContext(ctx, "tcp", addr)
        if err == nil {
            return conn, nil
        }
        log.Info("collector endpoint unreachable, retrying", "addr", addr, "in", backoff, "err", err)
        t := time.NewTimer(backoff)
        select {
        case <-ctx.Done():
            t.Stop()
            return nil, ctx.Err()
        case <-t.C:
        }
        backoff = min(2*backoff, time.Minute)
    }
}
'''))])

# ============================================================== pooled buffers
case('go-32-runc-output-returns-pooled-buffer-bytes-after-put', 'https://github.com/containerd/go-runc/issues/57',
     'a runc wrapper collects command output in a pooled bytes.Buffer, returns buf.Bytes() and gives the buffer back to the pool in a defer: the caller reads memory the next command is already writing',
     files=[f('runc.go', new=go('runc', ['bytes', 'fmt', 'os/exec', 'sync'], r'''
var bytesBufferPool = sync.Pool{New: func() any { return bytes.NewBuffer(nil) }}

func getBuf() *bytes.Buffer { return bytesBufferPool.Get().(*bytes.Buffer) }

func putBuf(b *bytes.Buffer) {
    b.Reset()
    bytesBufferPool.Put(b)
}

// cmdOutput runs cmd and returns what it printed.
func cmdOutput(cmd *exec.Cmd, combined bool) ([]byte, error) {
    b := getBuf()
    defer putBuf(b) //@MEM-02
    cmd.Stdout = b
    if combined {
        cmd.Stderr = b
    }
    if err := cmd.Run(); err != nil {
        return nil, fmt.Errorf("%s did not terminate successfully: %w: %s", cmd.Args[0], err, b.String())
    }
    return b.Bytes(), nil //@~MEM-02
}
'''))])

case('go-ok-17-runc-output-clones-before-returning-buffer', 'https://github.com/containerd/go-runc/issues/57',
     'clean: the wrapper returns bytes.Clone(b.Bytes()), a copy of exactly the used length, before the deferred put returns the buffer to the pool',
     files=[f('runc.go', new=go('runc', ['bytes', 'fmt', 'os/exec', 'sync'], r'''
var bytesBufferPool = sync.Pool{New: func() any { return bytes.NewBuffer(nil) }}

func getBuf() *bytes.Buffer { return bytesBufferPool.Get().(*bytes.Buffer) }

func putBuf(b *bytes.Buffer) {
    b.Reset()
    bytesBufferPool.Put(b)
}

// cmdOutput runs cmd and returns a copy of what it printed.
func cmdOutput(cmd *exec.Cmd, combined bool) ([]byte, error) {
    b := getBuf()
    defer putBuf(b)
    cmd.Stdout = b
    if combined {
        cmd.Stderr = b
    }
    if err := cmd.Run(); err != nil {
        return nil, fmt.Errorf("%s did not terminate successfully: %w: %s", cmd.Args[0], err, b.String())
    }
    return bytes.Clone(b.Bytes()), nil
}
'''))])

# ============================================================== pools and clients created per call
case('go-33-shop-handler-opens-database-per-request', 'https://github.com/rofrol/goshop/issues/23',
     'a shop handler opens the database (a whole sql.DB pool) on every request and closes it at the end, instead of sharing one pool opened at start-up',
     files=[f('handlers/products.go', new=go('handlers', ['database/sql', 'encoding/json', 'net/http', '', '_ github.com/lib/pq'], r'''
// Products lists the products of a category.
func Products(dsn string) http.HandlerFunc {
    return func(w http.ResponseWriter, r *http.Request) {
        db, err := sql.Open("postgres", dsn) //@RES-04
        if err != nil {
            http.Error(w, "database unavailable", http.StatusServiceUnavailable)
            return
        }
        defer db.Close()
        rows, err := db.QueryContext(r.Context(), `SELECT id, name, price FROM products WHERE category = $1`, r.URL.Query().Get("category"))
        if err != nil {
            http.Error(w, err.Error(), http.StatusInternalServerError)
            return
        }
        defer rows.Close()
        var out []Product
        for rows.Next() {
            var p Product
            if err := rows.Scan(&p.ID, &p.Name, &p.Price); err != nil {
                http.Error(w, err.Error(), http.StatusInternalServerError)
                return
            }
            out = append(out, p)
        }
        if err := rows.Err(); err != nil {
            http.Error(w, err.Error(), http.StatusInternalServerError)
            return
        }
        w.Header().Set("Content-Type", "application/json")
        json.NewEncoder(w).Encode(out) //@~ERR-01
    }
}
'''))])

case('go-34-registry-storage-opens-gorm-per-action', 'https://github.com/apigee/registry/issues/622',
     'a registry server gains a storage helper that opens a gorm database (and its pool) for each action and closes it afterwards',
     files=[changed('server/registry/actions.go', 'registry', ['context'], r'''
// RegistryServer serves the registry API.
type RegistryServer struct {
    dsn string
}

// <new>
''', r'''
// withDB runs fn against a database handle opened for this action.
func (s *RegistryServer) withDB(ctx context.Context, fn func(*gorm.DB) error) error {
    db, err := gorm.Open(postgres.Open(s.dsn), &gorm.Config{}) //@RES-04
    if err != nil {
        return err
    }
    sqlDB, err := db.DB()
    if err != nil {
        return err
    }
    defer sqlDB.Close()
    return fn(db.WithContext(ctx))
}
''', more_imports=['gorm.io/driver/postgres', 'gorm.io/gorm'])])

case('go-ok-18-message-server-opens-dbr-connection-once', 'https://github.com/gocraft/dbr/issues/87',
     'clean: the server opens the dbr connection (a pool) once in its constructor, sizes it, and each handler takes a cheap session from it',
     files=[f('server/server.go', new=go('server', ['net/http', 'time', '', '_ github.com/go-sql-driver/mysql', 'github.com/gocraft/dbr/v2'], r'''
// Server serves the message API.
type Server struct {
    conn *dbr.Connection
}

// New opens the connection pool once for the life of the server.
func New(dsn string) (*Server, error) {
    conn, err := dbr.Open("mysql", dsn, nil)
    if err != nil {
        return nil, err
    }
    conn.SetMaxOpenConns(40)
    conn.SetMaxIdleConns(10)
    conn.SetConnMaxLifetime(5 * time.Minute)
    return &Server{conn: conn}, nil
}

// Close closes the pool on shutdown.
func (s *Server) Close() error { return s.conn.Close() }

// Messages lists the latest messages.
func (s *Server) Messages(w http.ResponseWriter, r *http.Request) {
    sess := s.conn.NewSession(nil)
    var msgs []Message
    if _, err := sess.Select("id", "body").From("messages").OrderDesc("id").Limit(50).LoadContext(r.Context(), &msgs); err != nil {
        http.Error(w, err.Error(), http.StatusInternalServerError)
        return
    }
    writeJSON(w, msgs)
}
'''))])

# ============================================================== swallowed errors
BUNDLES = r'''
// Bundles maps a bundle path to its entry.
type Bundles map[string]*Bundle

// <new>

// WriteBundleDatabase stores the bundle database.
func WriteBundleDatabase(dbpath string, bundles Bundles) error {
    data, err := json.MarshalIndent(bundles, "", "    ")
    if err != nil {
        return err
    }
    return os.WriteFile(dbpath, data, 0o644)
}
'''
case('go-35-bundle-database-moved-and-read-with-unchecked-unmarshal', 'https://github.com/Foxboron/sbctl/pull/151',
     'a secure-boot tool renames bundles.go to database.go and adds a reader that ignores the error of json.Unmarshal, so a corrupt database silently loads as empty and the next write erases it',
     files=[changed('database.go', 'sbctl', ['encoding/json', 'os'], BUNDLES, r'''
// ReadBundleDatabase loads the bundle database, or an empty one if the file does not exist yet.
func ReadBundleDatabase(dbpath string) (Bundles, error) {
    f, err := os.ReadFile(dbpath)
    if os.IsNotExist(err) {
        return Bundles{}, nil
    }
    if err != nil {
        return nil, err
    }
    bundles := make(Bundles)
    json.Unmarshal(f, &bundles) //@ERR-01
    return bundles, nil
}
''', rename_from='bundles.go')])

case('go-36-service-handler-discards-unmarshal-error-crlf', 'https://github.com/micro/micro/pull/212',
     'a service handler (a file checked in with CRLF line ends) decodes its request with `_ = json.Unmarshal(...)` and carries on with a zero-valued request',
     files=[f('service/handler/subscribe.go', crlf=True, new=go('handler', ['context', 'encoding/json', 'errors'], r'''
type subscribeRequest struct {
    Topic string `json:"topic"`
    Queue string `json:"queue"`
}

// Subscribe registers a subscription described by the raw request body.
func (h *Handler) Subscribe(ctx context.Context, body []byte) error {
    var req subscribeRequest
    _ = json.Unmarshal(body, &req) //@ERR-01
    if req.Topic == "" {
        return errors.New("subscribe: missing topic")
    }
    return h.broker.Subscribe(ctx, req.Topic, req.Queue)
}
'''))])

case('go-ok-19-generated-unmarshaler-ignores-error-with-reason', 'https://github.com/mailru/easyjson/pull/119',
     'clean: a hand-written codec helper ignores the error of a best-effort Close on a read-only source, with a comment saying why; the decode error itself is returned',
     files=[f('codec/decode.go', new=go('codec', ['encoding/json', 'io'], r'''
// DecodeFrom decodes one JSON value from rc and closes it.
func DecodeFrom(rc io.ReadCloser, v any) error {
    err := json.NewDecoder(rc).Decode(v)
    // Best effort: rc is a read-only source that has been consumed; a close error carries nothing the caller can act on
    // and must not hide the decode error above.
    _ = rc.Close()
    return err
}
'''))])

# ============================================================== middleware
MIDDLEWARE_OLD = r'''
// withAudit records every debug request.
func withAudit(next http.Handler, audit *auditLog) http.Handler {
    return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
        audit.record(r.Method, r.URL.Path)
        next.ServeHTTP(w, r)
    })
}
'''
case('go-37-debug-server-middleware-closes-request-body', 'https://github.com/gravitational/teleport/pull/67965',
     'a debug server\'s audit middleware gains a deferred r.Body.Close(), releasing a request body it did not acquire (the server owns it, and handlers reading it after a hijack or a re-dispatch now fail); a test file is added beside it',
     files=[f('lib/srv/debug/middleware.go',
              old=go('debug', ['net/http'], MIDDLEWARE_OLD),
              new=go('debug', ['net/http'], MIDDLEWARE_OLD.replace('        audit.record(r.Method, r.URL.Path)\n', '        defer r.Body.Close() //@HTTP-01\n        audit.record(r.Method, r.URL.Path)\n'))),
            f('lib/srv/debug/middleware_test.go', new=go('debug', ['net/http', 'net/http/httptest', 'strings', 'testing'], r'''
func TestAuditRecordsPath(t *testing.T) {
    audit := &auditLog{}
    h := withAudit(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}), audit)
    req := httptest.NewRequest(http.MethodPost, "/debug/log-level", strings.NewReader("DEBUG"))
    h.ServeHTTP(httptest.NewRecorder(), req)
    if got := audit.last(); got != "POST /debug/log-level" {
        t.Fatalf("recorded %q", got)
    }
}
'''))])

# ============================================================== response bodies, with vendored and helper files
YGG = r'''
// Authenticate exchanges credentials for an access token.
func (c *Client) Authenticate(ctx context.Context, user, password string) (*AuthResponse, error) {
    body, err := json.Marshal(authRequest{Agent: agent, Username: user, Password: password})
    if err != nil {
        return nil, err
    }
    req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/authenticate", bytes.NewReader(body))
    if err != nil {
        return nil, err
    }
    req.Header.Set("Content-Type", "application/json")
    response, err := c.http.Do(req) //@RES-02
    if err != nil {
        return nil, err
    }
    raw, err := io.ReadAll(io.LimitReader(response.Body, 1<<20))
    if err != nil {
        return nil, err
    }
    defer response.Body.Close()
    var out AuthResponse
    if err := json.Unmarshal(raw, &out); err != nil {
        return nil, err
    }
    return &out, nil
}
'''
case('go-38-auth-client-defers-body-close-after-read-with-vendored-module', 'https://github.com/JoshuaDoes/go-yggdrasil/issues/3',
     'an authentication client reads the response body and returns on a read error before the deferred close; the change also vendors a JSON helper module (vendor/ and vendor/modules.txt)',
     files=[f('yggdrasil/auth.go', new=go('yggdrasil', ['bytes', 'context', 'encoding/json', 'io', 'net/http'], YGG)),
            f('vendor/github.com/tidwall/gjson/gjson.go', new=go('gjson', ['strings'], r'''
// Result is a parsed JSON value.
type Result struct {
    Raw string
}

// Get searches json for the value at path.
func Get(json, path string) Result {
    i := strings.Index(json, `"`+path+`"`)
    if i < 0 {
        return Result{}
    }
    return Result{Raw: json[i:]}
}
''', header='// Copyright 2024 The gjson Authors. Vendored copy.\n\n')),
            f('vendor/modules.txt', new='# github.com/tidwall/gjson v1.17.1\n## explicit; go 1.12\ngithub.com/tidwall/gjson\n'),
            f('go.mod', new=gomod('yggdrasil', ['github.com/tidwall/gjson v1.17.1']))])

case('go-39-tunnel-client-defers-body-close-inside-poll-loop', 'https://github.com/inlets/inlets/pull/20',
     'a tunnel client polls its control endpoint in a for loop and defers the close of every response body, so none is closed until the function returns (which it never does while connected)',
     files=[f('pkg/client/poll.go', new=go('client', ['context', 'encoding/json', 'net/http', 'time'], r'''
// pollConfig fetches the upstream map every interval until ctx ends.
func (c *Client) pollConfig(ctx context.Context, interval time.Duration) error {
    t := time.NewTicker(interval)
    defer t.Stop()
    for {
        req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.controlURL+"/config", nil)
        if err != nil {
            return err
        }
        resp, err := c.http.Do(req)
        if err != nil {
            return err
        }
        defer resp.Body.Close() //@RES-03
        var upstreams map[string]string
        if err := json.NewDecoder(resp.Body).Decode(&upstreams); err != nil {
            return err
        }
        c.setUpstreams(upstreams)
        select {
        case <-ctx.Done():
            return ctx.Err()
        case <-t.C:
        }
    }
}
'''))])

case('go-ok-20-panic-reporter-releases-body-through-helper', 'https://github.com/tokopedia/panics/pull/9',
     'clean: a panic reporter posts to a chat webhook and defers drainAndClose(resp), a helper added in another file of the change that drains a bounded amount and closes the body',
     files=[f('httpx/body.go', new=go('httpx', ['io', 'net/http'], r'''
// DrainAndClose reads at most 64 KiB of what is left of resp.Body, so the connection can be reused, and closes it.
func DrainAndClose(resp *http.Response) {
    _, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10)) // best effort: the caller has what it needs
    _ = resp.Body.Close()                                         // a close error cannot change the outcome here
}
''')),
            f('notify.go', new=go('panics', ['bytes', 'context', 'fmt', 'net/http', '', 'example.com/panics/httpx'], r'''
// notify posts a panic report to the webhook.
func (n *Notifier) notify(ctx context.Context, report []byte) error {
    req, err := http.NewRequestWithContext(ctx, http.MethodPost, n.webhook, bytes.NewReader(report))
    if err != nil {
        return err
    }
    resp, err := n.client.Do(req)
    if err != nil {
        return err
    }
    defer httpx.DrainAndClose(resp)
    if resp.StatusCode >= 300 {
        return fmt.Errorf("webhook answered %s", resp.Status)
    }
    return nil
}
'''))])

case('go-ok-21-ingester-partition-consumers-closed-on-shutdown', 'https://github.com/jaegertracing/jaeger/pull/987',
     'clean: a Kafka ingester keeps each sarama partition consumer it starts in a map and closes them all in Close before closing the parent consumer (ownership handed to the struct); the consume loop is started through the package\'s recovering helper',
     files=[f('cmd/ingester/app/consumer/consumer.go', new=go('consumer', ['sync', '', 'github.com/IBM/sarama', 'go.uber.org/zap'], r'''
// Consumer reads spans from every partition of a topic.
type Consumer struct {
    parent sarama.Consumer
    logger *zap.Logger

    mu         sync.Mutex
    partitions map[int32]sarama.PartitionConsumer
    wg         sync.WaitGroup
}

// Start consumes the given partitions.
func (c *Consumer) Start(topic string, ids []int32, handle func(*sarama.ConsumerMessage)) error {
    for _, id := range ids {
        pc, err := c.parent.ConsumePartition(topic, id, sarama.OffsetNewest)
        if err != nil {
            return err
        }
        c.mu.Lock()
        c.partitions[id] = pc
        c.mu.Unlock()
        c.wg.Add(1)
        safeGo(c.logger, func() {
            defer c.wg.Done()
            for msg := range pc.Messages() {
                handle(msg)
            }
        })
    }
    return nil
}

// Close closes every partition consumer, waits for their loops, then closes the parent.
func (c *Consumer) Close() error {
    c.mu.Lock()
    for id, pc := range c.partitions {
        if err := pc.Close(); err != nil {
            c.logger.Error("close partition consumer", zap.Int32("partition", id), zap.Error(err))
        }
    }
    c.mu.Unlock()
    c.wg.Wait()
    return c.parent.Close()
}
'''))])


# ============================================================== partial hunks for cases written as new files above
# These files existed before the change: the change adds the function shown earlier below code that was already there
# (the import block is unchanged, so the diff is one hunk with git's three lines of context).
EXISTING = {
    'go-09-box-decompress-gzip-reader-never-closed': r'''
// compress gzips b at the best compression level.
func compress(b []byte) ([]byte, error) {
    var buf bytes.Buffer
    zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
    if err != nil {
        return nil, err
    }
    if _, err := zw.Write(b); err != nil {
        zw.Close()
        return nil, err
    }
    if err := zw.Close(); err != nil {
        return nil, err
    }
    return buf.Bytes(), nil
}
''',
    'go-20-peer-listener-subscription-never-unsubscribed': r'''
// inboxSubject is the subject a peer receives its messages on.
func inboxSubject(peer string) string {
    return fmt.Sprintf("peers.%s.inbox", peer)
}

// connect dials the NATS server with the options every peer service uses.
func connect(ctx context.Context, url string) (*nats.Conn, error) {
    if err := ctx.Err(); err != nil {
        return nil, err
    }
    return nats.Connect(url, nats.MaxReconnects(-1), nats.Name("nitro-p2p"))
}
''',
    'go-25-dev-container-sync-starts-process-without-wait': r'''
// StopLocal stops the sync helper recorded in home.
func (s *Syncthing) StopLocal(home string) error {
    raw, err := os.ReadFile(filepath.Join(home, "syncthing.pid"))
    if err != nil {
        return fmt.Errorf("read pid: %w", err)
    }
    pid, err := strconv.Atoi(string(raw))
    if err != nil {
        return fmt.Errorf("parse pid: %w", err)
    }
    p, err := os.FindProcess(pid)
    if err != nil {
        return err
    }
    return p.Kill()
}
''',
    'go-30-derp-sender-warns-per-dropped-packet': r'''
const maxPacketSize = 64 << 10

// packetFields describes a packet for structured logs.
func packetFields(peer string, pkt []byte) []zap.Field {
    return []zap.Field{zap.String("peer", peer), zap.Int("size", len(pkt)), zap.Bool("oversized", len(pkt) > maxPacketSize)}
}
''',
    'go-33-shop-handler-opens-database-per-request': r'''
// Health answers the load balancer.
func Health(w http.ResponseWriter, r *http.Request) {
    w.Header().Set("Content-Type", "application/json")
    w.WriteHeader(http.StatusOK)
    _, _ = w.Write([]byte(`{"status":"ok"}`)) // the client may be gone; nothing to do about it
}
''',
    'go-39-tunnel-client-defers-body-close-inside-poll-loop': r'''
// setUpstreams replaces the routing table.
func (c *Client) setUpstreams(m map[string]string) {
    c.mu.Lock()
    defer c.mu.Unlock()
    c.upstreams = m
}
''',
    'go-ok-15-surfacer-counts-drops-and-logs-once-per-interval': r'''
// EventMetrics is one probe result with its metrics.
type EventMetrics struct {
    Timestamp time.Time
    Labels    map[string]string
    Metrics   map[string]float64
}
''',
    'go-ok-16-collector-logs-each-reconnect-paced-by-backoff': r'''
// readLine reads one newline-terminated line from conn within d.
func readLine(conn net.Conn, buf []byte, d time.Duration) (int, error) {
    if err := conn.SetReadDeadline(time.Now().Add(d)); err != nil {
        return 0, err
    }
    return conn.Read(buf)
}
''',
}


def _as_edit(c, existing):
    x = c['files'][0]
    new = x['new']
    cut = new.index('\n)\n\n') + len('\n)\n\n')
    head, body = new[:cut], new[cut:]
    from cases_common import indent_tabs
    existing = indent_tabs(existing.strip('\n')) + '\n'
    x['old'] = head + existing
    x['new'] = head + existing + '\n' + body


for _c in CASES:
    if _c['name'] in EXISTING:
        _as_edit(_c, EXISTING[_c['name']])
