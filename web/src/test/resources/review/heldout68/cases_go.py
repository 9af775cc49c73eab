"""Round-68 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- RES-02 / TMO-01: S3 backend of a read-only key-value server (sequins)
SEQUINS = template('sequins-s3-backend', r'''
// S3Backend finds sequins versions under a prefix of an S3-compatible bucket.
type S3Backend struct {
    endpoint string
    bucket   string
    prefix   string
    client   *http.Client
}

// NewS3Backend returns a backend reading bucket/prefix through endpoint.
func NewS3Backend(endpoint, bucket, prefix string) *S3Backend {
01|    client := &http.Client{Timeout: 2 * time.Minute}
2|    client := &http.Client{} //@TMO-01
    return &S3Backend{endpoint: strings.TrimSuffix(endpoint, "/"), bucket: bucket, prefix: prefix, client: client}
}

func (s *S3Backend) url(key string) string {
    return s.endpoint + "/" + s.bucket + "/" + path.Join(s.prefix, key)
}

// exists tells whether a version directory holds the given marker object.
func (s *S3Backend) exists(key string) (bool, error) {
    resp, err := s.client.Get(s.url(key))
    if err != nil { //@{1}RES-02
        return false, fmt.Errorf("s3 get %s: %w", key, err)
    }
02|    defer resp.Body.Close()
    switch resp.StatusCode {
    case http.StatusOK:
        return true, nil
    case http.StatusNotFound, http.StatusForbidden:
        return false, nil
    default:
        return false, fmt.Errorf("s3 get %s: unexpected status %s", key, resp.Status)
    }
}

// Open returns the body of a partition file; the caller closes it.
func (s *S3Backend) Open(version, file string) (io.ReadCloser, error) {
    resp, err := s.client.Get(s.url(path.Join(version, file)))
    if err != nil {
        return nil, err
    }
    if resp.StatusCode != http.StatusOK {
        resp.Body.Close()
        return nil, fmt.Errorf("s3 open %s/%s: %s", version, file, resp.Status)
    }
    return resp.Body, nil
}

// Ready reports whether a version finished uploading (its _SUCCESS marker exists).
func (s *S3Backend) Ready(version string) bool {
    ok, err := s.exists(path.Join(version, "_SUCCESS"))
    if err != nil {
        log.Printf("sequins: checking %s: %v", version, err)
        return false
    }
    return ok
}
''')
cases_of(case, GH + 'stripe-archive/sequins/pull/77', 'backend/s3_backend.go',
         GV('backend', {0: ['fmt', 'io', 'log', 'net/http', 'path', 'strings', 'time'],
                        1: ['fmt', 'io', 'log', 'net/http', 'path', 'strings', 'time'],
                        2: ['fmt', 'io', 'log', 'net/http', 'path', 'strings']})(SEQUINS), [
             (1, 'go-00-sequins-exists-body-never-closed',
              'an edit drops the deferred close of the marker lookup\'s response, so every readiness check keeps '
              'a connection to the object store out of the pool', 'edit'),
             (2, 'go-00-sequins-s3-client-without-timeout',
              'an edit builds the backend\'s http.Client without a timeout, so a bucket endpoint that stops '
              'answering stalls version discovery for good', 'edit'),
             (0, 'go-ok-00-sequins-exists-body-closed',
              'clean: the fix closes the marker lookup\'s response body by defer', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / LOG-01: server probe of a database replication manager (replication-manager)
REPMAN = template('replication-manager-variables', r'''
// refreshVariables opens a short-lived connection to the monitored server and reads its global variables.
func (server *ServerMonitor) refreshVariables(ctx context.Context) (map[string]string, error) {
    db, err := sql.Open("mysql", server.DSN())
    if err != nil { //@{1}RES-01
        return nil, err
    }
02|    defer db.Close()
    if err := db.PingContext(ctx); err != nil {
        return nil, fmt.Errorf("ping %s: %w", server.URL, err)
    }
1|    defer db.Close()
    rows, err := db.QueryContext(ctx, "SHOW GLOBAL VARIABLES")
    if err != nil {
        return nil, fmt.Errorf("variables of %s: %w", server.URL, err)
    }
    defer rows.Close()
    vars := make(map[string]string, 600)
    for rows.Next() {
        var name, value string
        if err := rows.Scan(&name, &value); err != nil {
            return nil, err
        }
2|        log.Printf("replication-manager: %s variable %s=%s", server.URL, name, value) //@LOG-01
        vars[strings.ToUpper(name)] = value
    }
    if err := rows.Err(); err != nil {
        return nil, err
    }
    server.mu.Lock()
    server.Variables = vars
    server.mu.Unlock()
    return vars, nil
}
''')
cases_of(case, GH + 'signal18/replication-manager/pull/295', 'cluster/srv_variables.go',
         GV('cluster', {0: ['context', 'database/sql', 'fmt', 'strings'],
                        1: ['context', 'database/sql', 'fmt', 'strings'],
                        2: ['context', 'database/sql', 'fmt', 'log', 'strings']})(REPMAN), [
             (1, 'go-00-replication-manager-probe-left-open-on-ping-failure',
              'an edit defers the close of the probe\'s database handle past the ping, so every server that is '
              'down leaks a handle and its background goroutines on each monitoring tick', 'edit'),
             (2, 'go-00-replication-manager-every-variable-logged',
              'an edit logs each of the several hundred global variables on every refresh of every server', 'edit'),
             (0, 'go-ok-00-replication-manager-probe-closed-before-ping',
              'clean: the fix defers the close right after the handle is opened', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / TX-02: column introspection of a schema migration tool (schemahero)
SCHEMAHERO = template('schemahero-postgres-columns', r'''
// GetTableColumns reads the columns of a table in the connection's current schema.
func (p *PostgresConnection) GetTableColumns(ctx context.Context, table string) ([]*types.Column, error) {
    query := `SELECT column_name, data_type, is_nullable, column_default
        FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position`
    rows, err := p.db.QueryContext(ctx, query, table)
    if err != nil { //@{1}RES-01
        return nil, fmt.Errorf("columns of %s: %w", table, err)
    }
02|    defer rows.Close()

    var columns []*types.Column
    for rows.Next() {
        var name, dataType, nullable string
        var def sql.NullString
        if err := rows.Scan(&name, &dataType, &nullable, &def); err != nil {
            return nil, fmt.Errorf("scan column of %s: %w", table, err)
        }
        col := &types.Column{Name: name, DataType: dataType, Constraints: &types.ColumnConstraints{}}
        notNull := nullable == "NO"
        col.Constraints.NotNull = &notNull
        if def.Valid {
            col.ColumnDefault = &def.String
        }
        columns = append(columns, col)
    }
    return columns, rows.Err()
}

// ApplyStatements runs the planned DDL statements of one migration in a single transaction.
func (p *PostgresConnection) ApplyStatements(ctx context.Context, statements []string) error {
    tx, err := p.db.BeginTx(ctx, nil)
    if err != nil {
        return fmt.Errorf("begin migration: %w", err)
    }
    defer tx.Rollback()
    for _, stmt := range statements {
        if _, err := tx.ExecContext(ctx, stmt); err != nil {
            return fmt.Errorf("apply %q: %w", stmt, err)
        }
    }
01|    return tx.Commit()
2|    tx.Commit() //@TX-02
2|    return nil
}
''')
cases_of(case, GH + 'schemahero/schemahero/issues/599', 'pkg/database/postgres/columns.go',
         G('postgres', ['context', 'database/sql', 'fmt', 'github.com/schemahero/schemahero/pkg/database/types'])(
             SCHEMAHERO), [
             (1, 'go-00-schemahero-columns-rows-open-on-scan-error',
              'an edit drops the deferred close of the column query\'s rows, so a scan error returns with the '
              'rows open and the connection never goes back to the pool', 'edit'),
             (2, 'go-00-schemahero-migration-commit-unchecked',
              'an edit ignores the error of the migration transaction\'s commit, so a failed commit is reported '
              'as an applied migration', 'edit'),
             (0, 'go-ok-00-schemahero-columns-rows-closed',
              'clean: the fix closes the column query\'s rows by defer', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / CONC-01: object-storage sync workers of a cloud CLI (mgccli)
MGCCLI = template('mgccli-sync-workers', r'''
// syncFiles uploads every local file that is missing or changed remotely, with a fixed number of workers, and
// removes each processed file from the pending set so that the caller can report what was left behind.
func syncFiles(ctx context.Context, client *Client, files []LocalFile, workers int) (map[string]LocalFile, error) {
    pending := make(map[string]LocalFile, len(files))
    for _, lf := range files {
        pending[lf.Key] = lf
    }
    var mu sync.Mutex
    jobs := make(chan LocalFile)
    errs := make(chan error, workers)
    var wg sync.WaitGroup
    for i := 0; i < workers; i++ {
        wg.Add(1)
        go func() { //@{2}CONC-01
            defer wg.Done()
01|            defer func() {
01|                if r := recover(); r != nil {
01|                    errs <- fmt.Errorf("sync worker: %v", r)
01|                }
01|            }()
            for lf := range jobs {
                if err := client.UploadIfChanged(ctx, lf); err != nil {
                    errs <- fmt.Errorf("upload %s: %w", lf.Key, err)
                    continue
                }
02|                mu.Lock()
                delete(pending, lf.Key) //@{1}CONC-03
02|                mu.Unlock()
            }
        }()
    }
    for _, lf := range files {
        select {
        case jobs <- lf:
        case <-ctx.Done():
        }
    }
    close(jobs)
    wg.Wait()
    close(errs)
    var all []error
    for err := range errs {
        all = append(all, err)
    }
    return pending, errors.Join(all...)
}
''')
cases_of(case, GH + 'MagaluCloud/mgccli/issues/61', 'mgc/sdk/static/object_storage/objects/sync.go',
         G('objects', ['context', 'errors', 'fmt', 'sync'])(MGCCLI), [
             (1, 'go-00-mgccli-pending-map-deleted-without-lock',
              'an edit lets every sync worker delete from the shared pending map without the mutex, so a folder '
              'with a few files crashes the CLI with concurrent map writes', 'edit'),
             (2, 'go-00-mgccli-sync-worker-without-recover',
              'an edit drops the recover of the sync workers, so one upload that panics ends the whole CLI '
              'instead of reporting that file', 'edit'),
             (0, 'go-ok-00-mgccli-pending-map-under-lock',
              'clean: the fix deletes from the pending map under the mutex', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: LevelDB table of a key-value abstraction, moved file (renproject/kv)
RENKV = template('renproject-kv-leveldb-table', r'''
// Table is a named namespace of a LevelDB database; every key is stored under the table's name.
type Table struct {
    db    *leveldb.DB
    name  string
    codec Codec
}

func (t *Table) key(k string) []byte {
    return append([]byte(t.name+"/"), k...)
}

// Get decodes the value stored under k into value.
func (t *Table) Get(k string, value interface{}) error {
    data, err := t.db.Get(t.key(k), nil)
    if err == leveldb.ErrNotFound {
        return ErrKeyNotFound
    }
    if err != nil {
        return err
    }
01|    return t.codec.Decode(data, value)
2|    t.codec.Decode(data, value) //@ERR-01
2|    return nil
}

// Insert encodes value and stores it under k.
func (t *Table) Insert(k string, value interface{}) error {
    data, err := t.codec.Encode(value)
    if err != nil {
        return err
    }
    return t.db.Put(t.key(k), data, nil)
}

// Size counts the entries of the table.
func (t *Table) Size() (int, error) {
    iter := t.db.NewIterator(util.BytesPrefix([]byte(t.name+"/")), nil) //@{1}RES-01
02|    defer iter.Release()
    n := 0
    for iter.Next() {
        n++
    }
    return n, iter.Error()
}
''')
cases_of(case, GH + 'renproject/kv/pull/7', 'leveldb/table.go',
         G('leveldb', ['github.com/syndtr/goleveldb/leveldb', 'github.com/syndtr/goleveldb/leveldb/util'])(RENKV), [
             (1, 'go-00-renproject-kv-moved-table-iterator-never-released',
              'a PR moves the LevelDB table into its own file and drops the release of the iterator that counts '
              'its entries, so every Size call pins a snapshot and its memory', 'rename'),
             (2, 'go-00-renproject-kv-moved-table-decode-error-dropped',
              'a PR moves the LevelDB table into its own file and drops the decoder\'s error in Get, so a corrupt '
              'value comes back as a zero value without complaint', 'rename'),
             (0, 'go-ok-00-renproject-kv-moved-table',
              'clean: the move alone; the iterator is released and decode errors are returned', 'rename'),
         ], rename_from='leveldb/leveldb.go')


# ---------------------------------------------------------------- CONC-01 / TMO-02: streaming writes of a time-series database server, new file (synnax)
SYNNAX = template('synnax-stream-server', r'''
// StreamServer accepts framed writes from clients and hands them to the storage writer.
type StreamServer struct {
    writer  FrameWriter
    timeout time.Duration
    log     *log.Logger
}

// Serve accepts connections until ctx ends, each served on its own goroutine.
func (s *StreamServer) Serve(ctx context.Context, ln net.Listener) error {
    go func() {
        <-ctx.Done()
        ln.Close()
    }()
    for {
        conn, err := ln.Accept()
        if err != nil {
            if ctx.Err() != nil {
                return nil
            }
            return err
        }
02|        go func() {
02|            defer func() {
02|                if r := recover(); r != nil {
02|                    s.log.Printf("stream %s: panic: %v", conn.RemoteAddr(), r)
02|                    conn.Close()
02|                }
02|            }()
02|            s.handle(ctx, conn)
02|        }()
1|        go s.handle(ctx, conn) //@CONC-01
    }
}

// handle reads frames from one client and writes each within the server's timeout.
func (s *StreamServer) handle(ctx context.Context, conn net.Conn) {
    defer conn.Close()
    dec := NewFrameDecoder(conn)
    for {
        frame, err := dec.Next()
        if err != nil {
            if err != io.EOF {
                s.log.Printf("stream %s: %v", conn.RemoteAddr(), err)
            }
            return
        }
01|        wctx, cancel := context.WithTimeout(ctx, s.timeout)
2|        wctx, cancel := context.WithTimeout(context.Background(), s.timeout) //@TMO-02
        err = s.writer.Write(wctx, frame)
        cancel()
        if err != nil {
            s.log.Printf("stream %s: write: %v", conn.RemoteAddr(), err)
            return
        }
    }
}
''')
cases_of(case, GH + 'synnaxlabs/synnax/issues/180', 'pkg/server/stream.go',
         G('server', ['context', 'io', 'log', 'net', 'time'])(SYNNAX), [
             (1, 'go-00-synnax-new-stream-server-handler-without-recover',
              'a new stream server serves each client on a bare goroutine, so one malformed frame that panics the '
              'decoder takes down the database server', 'new'),
             (2, 'go-00-synnax-new-stream-server-write-on-background-context',
              'a new stream server bounds each write with a timeout derived from a background context, so writes '
              'carry on after the server is shutting down', 'new'),
             (0, 'go-ok-00-synnax-new-stream-server',
              'clean: a new stream server whose client goroutines recover and whose writes follow the server\'s '
              'context', 'new'),
         ])


# ---------------------------------------------------------------- TMO-03 / TMO-02: restore handler of a database backup library (aerospike backup-go)
BACKUPGO = template('backup-go-restore-handler', r'''
// waitForCluster polls the cluster's info endpoint until every node reports ready or the info timeout passes.
func (rh *RestoreHandler) waitForCluster(ctx context.Context) error {
02|    ctx, cancel := context.WithTimeout(ctx, rh.config.InfoTimeout)
02|    defer cancel()
1|    ctx, _ = context.WithTimeout(ctx, rh.config.InfoTimeout) //@TMO-03
    ticker := time.NewTicker(rh.config.InfoPollInterval)
    defer ticker.Stop()
    for {
        ready, err := rh.info.NodesReady(ctx)
        if err != nil {
            return fmt.Errorf("restore: cluster info: %w", err)
        }
        if ready {
            return nil
        }
        select {
        case <-ctx.Done():
            return fmt.Errorf("restore: cluster not ready: %w", ctx.Err())
        case <-ticker.C:
        }
    }
}

// run restores every record the reader yields, stopping at the first failure or when ctx ends.
func (rh *RestoreHandler) run(ctx context.Context) error {
    if err := rh.waitForCluster(ctx); err != nil {
        return err
    }
    for {
01|        rec, err := rh.reader.Read(ctx)
2|        rec, err := rh.reader.Read(context.Background()) //@TMO-02
        if err == io.EOF {
            return nil
        }
        if err != nil {
            return fmt.Errorf("restore: read: %w", err)
        }
        if err := rh.writer.Put(ctx, rec); err != nil {
            return fmt.Errorf("restore: write %v: %w", rec.Key, err)
        }
        rh.stats.AddRecord()
    }
}
''')
cases_of(case, GH + 'aerospike/backup-go/pull/122', 'handler_restore.go',
         G('backup', ['context', 'fmt', 'io', 'time'])(BACKUPGO), [
             (1, 'go-00-backup-go-cluster-wait-timeout-never-cancelled',
              'an edit bounds the cluster wait with a timeout context and discards its cancel, so every restore '
              'leaves the timer behind until the info timeout passes', 'edit'),
             (2, 'go-00-backup-go-reader-on-background-context',
              'an edit reads backup records on a background context, so cancelling a restore leaves the reader '
              'blocked on a slow backup file', 'edit'),
             (0, 'go-ok-00-backup-go-cluster-wait-cancelled',
              'clean: the fix keeps the cancel of the cluster wait\'s timeout and defers it', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / ERR-01: snapshot manifests of a backup tool (kopia)
KOPIA = template('kopia-snapshot-manifest', r'''
// saveManifest writes the snapshot manifest of one source under a name that sorts by start time.
func (m *Manager) saveManifest(ctx context.Context, src SourceInfo, man *Manifest) (string, error) {
02|    started := time.Now().UTC()
1|    started := time.Now() //@TIME-01
    man.Source = src
    man.StartTime = started
02|    name := fmt.Sprintf("%s-%s", src.Hash(), started.Format("20060102-150405Z"))
1|    name := fmt.Sprintf("%s-%s", src.Hash(), started.Format("20060102-150405"))
    data, err := json.Marshal(man)
    if err != nil {
        return "", fmt.Errorf("encode manifest of %s: %w", src, err)
    }
    if err := m.store.Put(ctx, manifestPrefix+name, data); err != nil {
        return "", fmt.Errorf("store manifest %s: %w", name, err)
    }
    return name, nil
}

// loadManifest reads a manifest back and checks that it belongs to src.
func (m *Manager) loadManifest(ctx context.Context, src SourceInfo, name string) (*Manifest, error) {
    data, err := m.store.Get(ctx, manifestPrefix+name)
    if err != nil {
        return nil, err
    }
    man := &Manifest{}
01|    if err := json.Unmarshal(data, man); err != nil {
01|        return nil, fmt.Errorf("decode manifest %s: %w", name, err)
01|    }
2|    _ = json.Unmarshal(data, man) //@ERR-01
    if man.Source != src {
        return nil, fmt.Errorf("manifest %s belongs to %s, not %s", name, man.Source, src)
    }
    return man, nil
}
''')
cases_of(case, GH + 'kopia/kopia/pull/2362', 'snapshot/manager.go',
         G('snapshot', ['context', 'encoding/json', 'fmt', 'time'])(KOPIA), [
             (1, 'go-00-kopia-manifest-name-in-local-time',
              'an edit names each snapshot manifest after the local wall clock without a zone, so names stop '
              'sorting by time across a daylight-saving change or between machines', 'edit'),
             (2, 'go-00-kopia-manifest-decode-error-dropped',
              'an edit discards the error of decoding a stored manifest, so a truncated manifest is reported as a '
              'snapshot of another source', 'edit'),
             (0, 'go-ok-00-kopia-manifest-name-in-utc',
              'clean: the fix names manifests after the start time in UTC', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-02: part downloads of an S3 transfer tool (s3gof3r)
S3GOF3R = template('s3gof3r-getter', r'''
// dialer connects to the S3 endpoint, bounding the connect itself; reads and writes get deadlines per part.
func (c *Config) dialer(network, addr string) (net.Conn, error) {
01|    conn, err := net.DialTimeout(network, addr, c.ConnectTimeout)
2|    conn, err := net.Dial(network, addr) //@TMO-01
    if err != nil {
        return nil, err
    }
    return &deadlineConn{Conn: conn, timeout: c.PartTimeout}, nil
}

// getPart downloads one byte range of the object into p.buf, retrying the range on failure.
func (g *getter) getPart(p *chunk) error {
    req, err := http.NewRequest("GET", g.url.String(), nil)
    if err != nil {
        return err
    }
    req.Header.Set("Range", fmt.Sprintf("bytes=%d-%d", p.start, p.start+p.size-1))
    g.b.Sign(req)
    resp, err := g.client.Do(req)
    if err != nil { //@{1}RES-02
        return err
    }
02|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusPartialContent {
        return newRespError(resp)
    }
    n, err := io.ReadFull(resp.Body, p.buf)
    if err != nil {
        return fmt.Errorf("part %d: read %d of %d bytes: %w", p.id, n, p.size, err)
    }
    return nil
}
''')
cases_of(case, GH + 'rlmcpherson/s3gof3r/issues/82', 'getter.go',
         G('s3gof3r', ['fmt', 'io', 'net', 'net/http'])(S3GOF3R), [
             (1, 'go-00-s3gof3r-part-body-never-closed',
              'an edit drops the deferred close of each part\'s response, so a large download holds a connection '
              'per part and the transfer stalls once the pool is spent', 'edit'),
             (2, 'go-00-s3gof3r-dial-without-timeout',
              'an edit connects to the endpoint with net.Dial, so a NAT that drops the SYN leaves the transfer '
              'waiting on the connect for good', 'edit'),
             (0, 'go-ok-00-s3gof3r-part-body-closed',
              'clean: the fix closes each part\'s response body by defer', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / RES-03: file handles of a distributed file system's FUSE mount (seaweedfs)
SEAWEED = template('seaweedfs-filehandle-flush', r'''
// Flush uploads the handle's dirty pages; the error reaches the process that closes the file.
func (fh *FileHandle) Flush(ctx context.Context, req *fuse.FlushRequest) error {
    fh.Lock()
    defer fh.Unlock()
    if !fh.dirty {
        return nil
    }
    if err := fh.doFlush(ctx); err != nil { //@{1}ERR-01
        glog.Errorf("flush %s: %v", fh.fullpath(), err)
02|        return fuse.EIO
    }
    fh.dirty = false
    return nil
}

// doFlush uploads every dirty chunk, then saves the new chunk list to the filer.
func (fh *FileHandle) doFlush(ctx context.Context) error {
    chunks := fh.dirtyPages.Chunks()
    for _, c := range chunks {
        r, err := fh.dirtyPages.Open(c)
        if err != nil {
            return err
        }
2|        defer r.Close() //@RES-03
        fid, err := fh.wfs.upload(ctx, fh.fullpath(), c.Offset, r)
01|        if cerr := r.Close(); err == nil {
01|            err = cerr
01|        }
        if err != nil {
            return fmt.Errorf("upload chunk at %d: %w", c.Offset, err)
        }
        fh.entry.Chunks = append(fh.entry.Chunks, &filer.FileChunk{FileId: fid, Offset: c.Offset, Size: c.Size})
    }
    return fh.wfs.saveEntry(ctx, fh.fullpath(), fh.entry)
}
''')
cases_of(case, GH + 'seaweedfs/seaweedfs/issues/1763', 'weed/filesys/filehandle.go',
         G('filesys', ['context', 'fmt', 'github.com/chrislusf/seaweedfs/weed/filer', 'github.com/chrislusf/seaweedfs/weed/glog',
                       'github.com/seaweedfs/fuse'])(SEAWEED), [
             (1, 'go-00-seaweedfs-flush-failure-only-logged',
              'an edit only logs a failed upload of the dirty pages in Flush, so the writer\'s close succeeds and '
              'the data is silently lost when no volume is free', 'edit'),
             (2, 'go-00-seaweedfs-chunk-readers-deferred-in-loop',
              'an edit defers the close of each dirty chunk\'s reader inside the upload loop, so a large file '
              'keeps every chunk open until the whole flush ends', 'edit'),
             (0, 'go-ok-00-seaweedfs-flush-failure-returned',
              'clean: the fix returns EIO to the closing process when the upload fails', 'fix'),
         ])
