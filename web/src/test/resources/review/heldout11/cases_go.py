"""Round-11 Go cases (written for this corpus from the checklist items; see SOURCES.md). //@ITEM markers are stripped
by the renderer; `//@~ITEM` marks an item that arguably applies too (accepted, neither a miss nor a false positive)."""
from cases_common import go, f
from common11 import make_case, go_edit, gomod

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'

# ---------------------------------------------------------------- RES-01: database/sql, sqlx, pebble, bbolt
case('go-01-pod-query-leaks-rows-when-columns-fails', GH + 'babashka/pod-babashka-go-sqlite3/pull/37',
     'a sqlite pod encodes query results; when rows.Columns fails it returns before any close, so the read transaction stays open and blocks the WAL checkpointer',
     files=[f('pod/query.go', new=go('pod', ['context', 'database/sql', 'fmt', '', '_ modernc.org/sqlite'], r'''
// Result is what the pod sends back for one query.
type Result struct {
    Columns []string
    Rows    [][]any
}

// Query runs one statement and collects every row as a slice of values.
func Query(ctx context.Context, db *sql.DB, stmt string, args ...any) (*Result, error) {
    rows, err := db.QueryContext(ctx, stmt, args...) //@RES-01
    if err != nil {
        return nil, fmt.Errorf("query: %w", err)
    }
    cols, err := rows.Columns()
    if err != nil {
        return nil, fmt.Errorf("columns: %w", err)
    }
    res := &Result{Columns: cols}
    for rows.Next() {
        vals := make([]any, len(cols))
        ptrs := make([]any, len(cols))
        for i := range vals {
            ptrs[i] = &vals[i]
        }
        if err := rows.Scan(ptrs...); err != nil {
            rows.Close()
            return nil, err
        }
        res.Rows = append(res.Rows, vals)
    }
    rows.Close()
    return res, rows.Err()
}
'''))])

case('go-ok-01-pod-query-defers-rows-close-after-error-check', GH + 'babashka/pod-babashka-go-sqlite3/pull/37',
     'clean: the same encoder defers rows.Close right after the error check, so the Columns and Scan failures close the rows too',
     files=[f('pod/query.go', new=go('pod', ['context', 'database/sql', 'fmt', '', '_ modernc.org/sqlite'], r'''
// Result is what the pod sends back for one query.
type Result struct {
    Columns []string
    Rows    [][]any
}

// Query runs one statement and collects every row as a slice of values.
func Query(ctx context.Context, db *sql.DB, stmt string, args ...any) (*Result, error) {
    rows, err := db.QueryContext(ctx, stmt, args...)
    if err != nil {
        return nil, fmt.Errorf("query: %w", err)
    }
    defer rows.Close()
    cols, err := rows.Columns()
    if err != nil {
        return nil, fmt.Errorf("columns: %w", err)
    }
    res := &Result{Columns: cols}
    for rows.Next() {
        vals := make([]any, len(cols))
        ptrs := make([]any, len(cols))
        for i := range vals {
            ptrs[i] = &vals[i]
        }
        if err := rows.Scan(ptrs...); err != nil {
            return nil, err
        }
        res.Rows = append(res.Rows, vals)
    }
    return res, rows.Err()
}
'''))])

GRANTS = r'''
// GrantReader lists grants from the warehouse.
type GrantReader struct {
    db *sqlx.DB
}

// RoleGrants returns the grants given to one role.
func (g *GrantReader) RoleGrants(role string) ([]Grant, error) {
    var out []Grant
    err := g.db.Select(&out, `SHOW GRANTS TO ROLE ` + quote(role))
    return out, err
}
+|
+|// ShareGrants returns the grants on a share, stopping at the first privilege it cannot map.
+|func (g *GrantReader) ShareGrants(share string) ([]Grant, error) {
+|    rows, err := g.db.Queryx(`SHOW GRANTS OF SHARE ` + quote(share)) //@RES-01
+|    if err != nil {
+|        return nil, err
+|    }
+|    var out []Grant
+|    for rows.Next() {
+|        var gr Grant
+|        if err := rows.StructScan(&gr); err != nil {
+|            return nil, err
+|        }
+|        if gr.Privilege == "" {
+|            return nil, fmt.Errorf("share %s: grant without privilege", share)
+|        }
+|        out = append(out, gr)
+|    }
+|    return out, rows.Err()
+|}

func quote(name string) string {
    return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}
'''
case('go-02-grant-reader-returns-from-scan-loop-with-rows-open', GH + 'snowflakedb/terraform-provider-snowflake/pull/74',
     'a warehouse grant reader gains a share query with sqlx.Queryx whose rows are never closed: an early return inside the scan loop leaves the connection checked out',
     files=[go_edit('pkg/snowflake/grants.go', 'snowflake', ['strings', '', 'github.com/jmoiron/sqlx'], GRANTS,
                    new_imports=['fmt', 'strings', '', 'github.com/jmoiron/sqlx'])])

case('go-03-operator-defers-rows-close-before-error-check', GH + 'quay/dba-operator/pull/15',
     'a database operator lists SQL Server logins with the mssql driver and defers rows.Close before checking the query error',
     files=[f('pkg/dbadmin/sqlserver/logins.go', new=go('sqlserver', ['context', 'database/sql', '', '_ github.com/microsoft/go-mssqldb'], r'''
// Logins returns the names of the SQL logins the operator manages.
func Logins(ctx context.Context, db *sql.DB, prefix string) ([]string, error) {
    rows, err := db.QueryContext(ctx, "SELECT name FROM sys.sql_logins WHERE name LIKE @p1", prefix+"%") //@RES-01
    defer rows.Close()
    if err != nil {
        return nil, err
    }
    var names []string
    for rows.Next() {
        var n string
        if err := rows.Scan(&n); err != nil {
            return nil, err
        }
        names = append(names, n)
    }
    return names, rows.Err()
}
''')), f('go.mod', new=gomod('github.com/example/dba-operator', ['github.com/microsoft/go-mssqldb v1.7.2']))])

case('go-04-table-stats-leaks-first-iterator-when-second-fails', GH + 'cockroachdb/pebble/pull/5854',
     'a table-stats helper opens a point iterator and then a range-key iterator; when the second NewIter fails it returns without closing the first',
     files=[f('internal/stats/tables.go', new=go('stats', ['fmt', '', 'github.com/cockroachdb/pebble'], r'''
// Span counts the point keys and range keys between two bounds.
func Span(db *pebble.DB, lo, hi []byte) (points, ranges int, err error) {
    pointIter, err := db.NewIter(&pebble.IterOptions{LowerBound: lo, UpperBound: hi}) //@RES-01
    if err != nil {
        return 0, 0, err
    }
    rangeIter, err := db.NewIter(&pebble.IterOptions{LowerBound: lo, UpperBound: hi, KeyTypes: pebble.IterKeyTypeRangesOnly})
    if err != nil {
        return 0, 0, fmt.Errorf("range iterator: %w", err)
    }
    defer rangeIter.Close()
    defer pointIter.Close()
    for valid := pointIter.First(); valid; valid = pointIter.Next() {
        points++
    }
    for valid := rangeIter.First(); valid; valid = rangeIter.Next() {
        ranges++
    }
    return points, ranges, nil
}
'''))])

case('go-05-record-store-returns-inside-iteration-without-closing', GH + 'pomerium/pomerium/pull/6224',
     'a pebble-backed record store looks for the first expired record and returns from inside the loop; the iterator is closed only when the loop runs out',
     files=[f('pkg/storage/pebble/expired.go', new=go('pebble', ['time', '', 'github.com/cockroachdb/pebble'], r'''
// FirstExpired returns the key of the first record whose deadline has passed.
func (b *Backend) FirstExpired(now time.Time) ([]byte, bool, error) {
    it, err := b.db.NewIter(&pebble.IterOptions{LowerBound: expiryPrefix, UpperBound: expiryEnd}) //@RES-01
    if err != nil {
        return nil, false, err
    }
    for ok := it.First(); ok; ok = it.Next() {
        deadline, key := decodeExpiry(it.Key())
        if deadline.Before(now) {
            return append([]byte(nil), key...), true, nil
        }
    }
    return nil, false, it.Close()
}
'''))])

case('go-ok-02-record-store-hands-iterator-to-cursor-closed-by-caller', GH + 'pomerium/pomerium/pull/6224',
     'clean: the store returns a cursor that owns its pebble iterator; the cursor closes it in Close and the caller defers that',
     files=[f('pkg/storage/pebble/cursor.go', new=go('pebble', ['', 'github.com/cockroachdb/pebble'], r'''
// Cursor walks records in key order; it owns the iterator under it.
type Cursor struct {
    it *pebble.Iterator
}

// Records opens a cursor over every record; the caller must Close it.
func (b *Backend) Records() (*Cursor, error) {
    it, err := b.db.NewIter(&pebble.IterOptions{LowerBound: recordPrefix, UpperBound: recordEnd})
    if err != nil {
        return nil, err
    }
    return &Cursor{it: it}, nil
}

// Next moves to the next record.
func (c *Cursor) Next() bool { return c.it.Next() }

// Close releases the iterator.
func (c *Cursor) Close() error { return c.it.Close() }
''')), f('pkg/storage/pebble/list.go', new=go('pebble', [], r'''
// Count counts the records through a cursor.
func (b *Backend) Count() (int, error) {
    c, err := b.Records()
    if err != nil {
        return 0, err
    }
    defer c.Close()
    n := 0
    for ok := c.it.First(); ok; ok = c.Next() {
        n++
    }
    return n, nil
}
'''))])

# ---------------------------------------------------------------- TX-01 / TX-02: bbolt, gorm, database/sql
case('go-06-wallet-namespace-view-leaks-read-tx-when-bucket-missing', GH + 'btcsuite/btcwallet/pull/406',
     'a wallet opens a bbolt read transaction for a namespace and returns an error when the bucket is missing without rolling it back; the mmap read lock is held forever',
     files=[f('walletdb/namespace.go', new=go('walletdb', ['errors', '', 'go.etcd.io/bbolt'], r'''
var ErrBucketNotFound = errors.New("namespace bucket not found")

// ReadNamespace opens a read transaction on one namespace bucket.
func (d *DB) ReadNamespace(name []byte) (*NamespaceTx, error) {
    tx, err := d.bolt.Begin(false) //@TX-01|RES-01
    if err != nil {
        return nil, err
    }
    bucket := tx.Bucket(name)
    if bucket == nil {
        return nil, ErrBucketNotFound
    }
    return &NamespaceTx{tx: tx, bucket: bucket}, nil
}

// Close ends the read transaction.
func (n *NamespaceTx) Close() error { return n.tx.Rollback() }
'''))])

case('go-ok-03-wallet-namespace-rolls-back-when-bucket-missing', GH + 'decred/dcrwallet/pull/163',
     'clean: the same namespace reader rolls the read transaction back before returning the missing-bucket error; on success the handle owns it',
     files=[f('wallet/internal/bdb/namespace.go', new=go('bdb', ['errors', '', 'go.etcd.io/bbolt'], r'''
var errNoBucket = errors.New("namespace bucket not found")

// ReadNamespace opens a read transaction on one namespace bucket.
func (d *DB) ReadNamespace(name []byte) (*NamespaceTx, error) {
    tx, err := d.bolt.Begin(false)
    if err != nil {
        return nil, err
    }
    bucket := tx.Bucket(name)
    if bucket == nil {
        _ = tx.Rollback() // read-only: nothing to undo, the rollback only releases the mmap lock
        return nil, errNoBucket
    }
    return &NamespaceTx{tx: tx, bucket: bucket}, nil
}

// Close ends the read transaction.
func (n *NamespaceTx) Close() error { return n.tx.Rollback() }
'''))])

IMPORTER = r'''
// Import writes every entry of a snapshot, one transaction per entry so a bad entry does not sink the batch.
func (s *Store) Import(entries []Entry) (imported int, err error) {
    for _, e := range entries {
-|        if err := s.importOne(e); err != nil {
-|            s.log.Warn("skipping entry", "key", e.Key, "err", err)
-|            continue
-|        }
+|        tx, err := s.db.Begin(true) //@TX-01
+|        if err != nil {
+|            return imported, err
+|        }
+|        value, err := decode(e)
+|        if err != nil {
+|            s.log.Warn("skipping entry", "key", e.Key, "err", err)
+|            continue
+|        }
+|        if err := tx.Bucket(dataBucket).Put([]byte(e.Key), value); err != nil {
+|            tx.Rollback()
+|            return imported, err
+|        }
+|        if err := tx.Commit(); err != nil {
+|            return imported, err
+|        }
        imported++
    }
    return imported, nil
}
'''
case('go-07-snapshot-import-continues-past-undecodable-entry-with-tx-open', GH + 'openbao/openbao/pull/2185',
     'a snapshot importer inlines its per-entry bbolt write transaction into the loop; the `continue` for an undecodable entry skips the rollback, so the writer lock is never released',
     files=[go_edit('physical/snapshot/import.go', 'snapshot', ['go.etcd.io/bbolt'], IMPORTER)])

case('go-08-bulk-create-returns-without-rollback-on-gorm-error', GH + 'shanbay/gobay/pull/148',
     'a gorm repository creates several rows in one transaction and returns the first create error without rolling back',
     files=[f('internal/repo/coupons.go', new=go('repo', ['context', '', 'gorm.io/gorm'], r'''
// CreateMany inserts a batch of coupons atomically.
func (r *CouponRepo) CreateMany(ctx context.Context, coupons []Coupon) error {
    tx := r.db.WithContext(ctx).Begin() //@TX-01
    if tx.Error != nil {
        return tx.Error
    }
    for i := range coupons {
        if err := tx.Create(&coupons[i]).Error; err != nil {
            return err
        }
    }
    return tx.Commit().Error
}
'''))])

case('go-ok-04-bulk-create-runs-inside-gorm-transaction-closure', GH + 'shanbay/gobay/pull/148',
     'clean: the batch insert runs inside db.Transaction, which rolls back when the closure returns an error and commits otherwise',
     files=[f('internal/repo/coupons.go', new=go('repo', ['context', '', 'gorm.io/gorm'], r'''
// CreateMany inserts a batch of coupons atomically.
func (r *CouponRepo) CreateMany(ctx context.Context, coupons []Coupon) error {
    return r.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
        for i := range coupons {
            if err := tx.Create(&coupons[i]).Error; err != nil {
                return err
            }
        }
        return nil
    })
}
'''))])

MAILBOX = r'''
// RenameMailbox moves a mailbox and its messages to a new name.
func (c *Connector) RenameMailbox(ctx context.Context, from, to string) error {
    tx, err := c.db.BeginTx(ctx, nil)
    if err != nil {
        return err
    }
    defer func() { _ = tx.Rollback() }()

    if _, err := tx.ExecContext(ctx, `UPDATE mailboxes SET name = @p1 WHERE name = @p2`, to, from); err != nil {
        return fmt.Errorf("rename %q: %w", from, err)
    }
-|    return tx.Commit()
+|    if _, err := tx.ExecContext(ctx, `UPDATE subscriptions SET mailbox = @p1 WHERE mailbox = @p2`, to, from); err != nil {
+|        return fmt.Errorf("move subscriptions of %q: %w", from, err)
+|    }
+|    tx.Commit() //@TX-02
+|    c.events.Publish(MailboxRenamed{From: from, To: to})
+|    return nil
}
'''
case('go-09-mailbox-rename-drops-commit-error-and-publishes-anyway', GH + 'ProtonMail/gluon/pull/398',
     'an IMAP connector extends a mailbox rename with a second update and then calls tx.Commit as a bare statement, publishing the rename event even when the commit failed',
     files=[go_edit('internal/db/mailbox.go', 'db', ['context', 'fmt'], MAILBOX)])

# ---------------------------------------------------------------- TMO-03: cancel functions
case('go-10-cobra-upload-command-skips-cancel-on-stat-error', GH + 'cloudfoundry/bosh-cli/pull/671',
     'a cobra upload command derives a timeout context and calls cancel only at the end; the early return after a failed stat leaks the timer',
     files=[f('cmd/upload.go', new=go('cmd', ['context', 'fmt', 'os', 'time', '', 'github.com/spf13/cobra'], r'''
func newUploadCmd(c *Client) *cobra.Command {
    var timeout time.Duration
    cmd := &cobra.Command{
        Use:   "upload-release PATH",
        Args:  cobra.ExactArgs(1),
        RunE: func(cmd *cobra.Command, args []string) error {
            ctx, cancel := context.WithTimeout(cmd.Context(), timeout) //@TMO-03
            info, err := os.Stat(args[0])
            if err != nil {
                return fmt.Errorf("release tarball: %w", err)
            }
            err = c.UploadRelease(ctx, args[0], info.Size())
            cancel()
            return err
        },
    }
    cmd.Flags().DurationVar(&timeout, "timeout", 30*time.Minute, "give up after this long")
    return cmd
}
'''))])

case('go-ok-05-cobra-upload-command-defers-cancel', GH + 'cloudfoundry/bosh-cli/pull/671',
     'clean: the same command defers cancel right after deriving the context',
     files=[f('cmd/upload.go', new=go('cmd', ['context', 'fmt', 'os', 'time', '', 'github.com/spf13/cobra'], r'''
func newUploadCmd(c *Client) *cobra.Command {
    var timeout time.Duration
    cmd := &cobra.Command{
        Use:   "upload-release PATH",
        Args:  cobra.ExactArgs(1),
        RunE: func(cmd *cobra.Command, args []string) error {
            ctx, cancel := context.WithTimeout(cmd.Context(), timeout)
            defer cancel()
            info, err := os.Stat(args[0])
            if err != nil {
                return fmt.Errorf("release tarball: %w", err)
            }
            return c.UploadRelease(ctx, args[0], info.Size())
        },
    }
    cmd.Flags().DurationVar(&timeout, "timeout", 30*time.Minute, "give up after this long")
    return cmd
}
'''))])

case('go-11-rpc-call-discards-cancel-of-per-call-context', GH + 'keybase/go-framed-msgpack-rpc/issues/89',
     'an RPC client builds a cancellable context per call and discards the cancel function with the blank identifier',
     files=[f('rpc/call.go', new=go('rpc', ['context', 'sync/atomic'], r'''
type callRequest struct {
    ctx    context.Context
    seqid  int64
    method string
    arg    any
    resCh  chan error
}

var nextSeq atomic.Int64

func newCallRequest(parent context.Context, method string, arg any) *callRequest {
    ctx, _ := context.WithCancel(parent) //@TMO-03
    return &callRequest{
        ctx:    ctx,
        seqid:  nextSeq.Add(1),
        method: method,
        arg:    arg,
        resCh:  make(chan error, 1),
    }
}
'''))])

# ---------------------------------------------------------------- RES-02: HTTP response bodies
case('go-12-downloader-head-request-never-closes-body', GH + 'iawia002/lux/pull/832',
     'a video downloader reads the headers of a URL with a HEAD-like GET and returns them without ever closing the response body',
     files=[f('request/headers.go', new=go('request', ['net/http', 'time'], r'''
var client = &http.Client{Timeout: 30 * time.Second}

// Headers returns the response headers of url, sending the site's referer.
func Headers(url, refer string) (http.Header, error) {
    req, err := http.NewRequest(http.MethodGet, url, nil)
    if err != nil {
        return nil, err
    }
    req.Header.Set("Referer", refer)
    req.Header.Set("Range", "bytes=0-0")
    res, err := client.Do(req) //@RES-02
    if err != nil {
        return nil, err
    }
    return res.Header, nil
}
'''))])

case('go-ok-06-downloader-closes-body-through-drain-helper', GH + 'iawia002/lux/pull/832',
     'clean: the headers request defers a helper in another file of the change that drains and closes the body',
     files=[f('request/headers.go', new=go('request', ['net/http', 'time'], r'''
var client = &http.Client{Timeout: 30 * time.Second}

// Headers returns the response headers of url, sending the site's referer.
func Headers(url, refer string) (http.Header, error) {
    req, err := http.NewRequest(http.MethodGet, url, nil)
    if err != nil {
        return nil, err
    }
    req.Header.Set("Referer", refer)
    req.Header.Set("Range", "bytes=0-0")
    res, err := client.Do(req)
    if err != nil {
        return nil, err
    }
    defer discard(res)
    return res.Header, nil
}
''')), f('request/discard.go', new=go('request', ['io', 'net/http'], r'''
// discard reads what is left of a response body (at most 64 KiB) and closes it, so the connection can be reused.
func discard(res *http.Response) {
    _, _ = io.CopyN(io.Discard, res.Body, 64<<10) // best effort: a short read only costs the keep-alive
    res.Body.Close()
}
'''))])

FORTI = r'''
// probeSystemStatus fetches /api/v2/monitor/system/status and records the firmware version.
func probeSystemStatus(ctx context.Context, c *Client, reg *prometheus.Registry) error {
    start := time.Now()
-|    resp, err := c.http.Get(c.base + "/api/v2/monitor/system/status")
+|    req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+"/api/v2/monitor/system/status", nil)
+|    if err != nil {
+|        return err
+|    }
+|    req.Header.Set("Authorization", "Bearer "+c.token)
+|    resp, err := c.http.Do(req) //@RES-02
    if err != nil {
        return err
    }
-|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return fmt.Errorf("system status: %s", resp.Status)
    }
    var st systemStatus
    if err := json.NewDecoder(resp.Body).Decode(&st); err != nil {
        return err
    }
    versionGauge.WithLabelValues(st.Version, st.Build).Set(1)
    probeSeconds.WithLabelValues("system_status").Observe(time.Since(start).Seconds())
    return nil
}
'''
case('go-13-exporter-probe-switches-to-request-and-drops-body-close', GH + 'prometheus-community/fortigate_exporter/pull/382',
     'an exporter probe moves from Get to a request with a bearer header and loses the deferred body close in the edit: neither the error status nor the success path closes the body',
     files=[go_edit('pkg/probe/system_status.go', 'probe', ['context', 'encoding/json', 'fmt', 'net/http', 'time', '', 'github.com/prometheus/client_golang/prometheus'], FORTI)])

# ---------------------------------------------------------------- RES-01: tickers
case('go-14-moving-average-starts-ticker-goroutine-never-stopped', GH + 'prep/average/pull/5',
     'a sliding-window counter starts a goroutine on a ticker to advance the window; Stop only closes a channel and the ticker is never stopped',
     files=[f('window.go', new=go('average', ['sync', 'time'], r'''
// SlidingWindow counts events over the last window, in granularity-sized slots.
type SlidingWindow struct {
    mu     sync.Mutex
    slots  []int64
    pos    int
    stopCh chan struct{}
}

// New starts a window that advances every granularity.
func New(window, granularity time.Duration) *SlidingWindow {
    sw := &SlidingWindow{slots: make([]int64, int(window/granularity)), stopCh: make(chan struct{})}
    ticker := time.NewTicker(granularity) //@RES-01
    go func() { //@~CONC-01
        for {
            select {
            case <-ticker.C:
                sw.advance()
            case <-sw.stopCh:
                return
            }
        }
    }()
    return sw
}

// Stop ends the window's goroutine.
func (sw *SlidingWindow) Stop() { close(sw.stopCh) }

func (sw *SlidingWindow) advance() {
    sw.mu.Lock()
    sw.pos = (sw.pos + 1) % len(sw.slots)
    sw.slots[sw.pos] = 0
    sw.mu.Unlock()
}
'''))])

case('go-ok-07-moving-average-goroutine-stops-its-ticker', GH + 'prep/average/pull/5',
     'clean: the window goroutine defers ticker.Stop, and the goroutine is paced by the ticker rather than spinning',
     files=[f('window.go', new=go('average', ['sync', 'time'], r'''
// SlidingWindow counts events over the last window, in granularity-sized slots.
type SlidingWindow struct {
    mu     sync.Mutex
    slots  []int64
    pos    int
    stopCh chan struct{}
}

// New starts a window that advances every granularity.
func New(window, granularity time.Duration) *SlidingWindow {
    sw := &SlidingWindow{slots: make([]int64, int(window/granularity)), stopCh: make(chan struct{})}
    go sw.run(granularity) //@~CONC-01
    return sw
}

func (sw *SlidingWindow) run(granularity time.Duration) {
    ticker := time.NewTicker(granularity)
    defer ticker.Stop()
    for {
        select {
        case <-ticker.C:
            sw.advance()
        case <-sw.stopCh:
            return
        }
    }
}

// Stop ends the window's goroutine.
func (sw *SlidingWindow) Stop() { close(sw.stopCh) }

func (sw *SlidingWindow) advance() {
    sw.mu.Lock()
    sw.pos = (sw.pos + 1) % len(sw.slots)
    sw.slots[sw.pos] = 0
    sw.mu.Unlock()
}
'''))])

case('go-15-system-stats-builds-a-new-ticker-every-iteration', GH + 'statsd/system/pull/9',
     'a host-stats reporter creates a fresh ticker inside its loop to wait for the next report; each iteration leaves one running ticker behind',
     files=[f('collector/loop.go', new=go('collector', ['context', 'time'], r'''
// Run reports host statistics every interval until ctx ends.
func (c *Collector) Run(ctx context.Context) {
    for {
        tick := time.NewTicker(c.interval) //@RES-01
        select {
        case <-ctx.Done():
            return
        case <-tick.C:
        }
        c.reportCPU()
        c.reportMemory()
        c.reportDisks()
    }
}
'''))])

case('go-16-beacon-client-retries-with-one-shot-ticker', GH + 'migalabs/goteth/issues/295',
     'a beacon-node client waits before retrying a failed block request on a ticker used once and never stopped, one leaked ticker per retry',
     files=[f('pkg/clientapi/block.go', new=go('clientapi', ['context', 'time', '', 'github.com/sirupsen/logrus'], r'''
const retryWait = time.Second

// RequestBlock fetches a block, retrying until it succeeds or ctx ends.
func (c *APIClient) RequestBlock(ctx context.Context, slot uint64) (*Block, error) {
    for {
        blk, err := c.fetchBlock(ctx, slot)
        if err == nil {
            return blk, nil
        }
        if ctx.Err() != nil {
            return nil, ctx.Err()
        }
        wait := time.NewTicker(retryWait) //@RES-01
        logrus.WithError(err).Warnf("retrying block %d", slot)
        <-wait.C
    }
}
'''))])

case('go-17-http-retrier-waits-on-time-tick-per-attempt', GH + 'sethgrid/pester/issues/18',
     'an HTTP retry wrapper waits for the backoff with <-time.Tick inside its loop: each attempt leaves a ticker that is never stopped, and the wait ignores the request context',
     files=[f('retry.go', new=go('pester', ['net/http', 'time'], r'''
// Do sends req up to c.MaxRetries times, backing off between attempts.
func (c *Client) Do(req *http.Request) (*http.Response, error) {
    var lastErr error
    for attempt := 1; attempt <= c.MaxRetries; attempt++ {
        resp, err := c.hc.Do(req)
        if err == nil && resp.StatusCode < 500 {
            return resp, nil
        }
        if err == nil {
            resp.Body.Close()
        }
        lastErr = err
        <-time.Tick(c.Backoff(attempt) + time.Microsecond) //@RES-01|CONC-05
    }
    return nil, lastErr
}
'''))])

# ---------------------------------------------------------------- ERR-01
case('go-18-copy-tree-drops-buffered-writer-flush-error', GH + 'mrunalp/fileutils/issues/6',
     'a file-copy helper writes through a bufio.Writer and calls Flush as a bare statement, so a full disk reports success',
     files=[f('fileutils.go', new=go('fileutils', ['bufio', 'io', 'os'], r'''
// CopyFile copies src to dst with dst's mode set to mode.
func CopyFile(src, dst string, mode os.FileMode) error {
    in, err := os.Open(src)
    if err != nil {
        return err
    }
    defer in.Close()
    out, err := os.OpenFile(dst, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, mode)
    if err != nil {
        return err
    }
    defer out.Close()
    w := bufio.NewWriterSize(out, 256<<10)
    if _, err := io.Copy(w, in); err != nil {
        return err
    }
    w.Flush() //@ERR-01
    return nil
}
'''))])

case('go-19-release-archiver-ignores-zip-writer-close', GH + 'decred/decred-release/pull/160',
     'a release tool adds files to a zip archive and ignores the error of zip.Writer.Close, which writes the central directory',
     files=[f('cmd/dcrinstall/archive.go', new=go('main', ['archive/zip', 'io', 'os', 'path/filepath'], r'''
// zipDir writes every regular file under dir into a zip archive at dst.
func zipDir(dir, dst string) error {
    out, err := os.Create(dst)
    if err != nil {
        return err
    }
    defer out.Close()
    zw := zip.NewWriter(out)
    err = filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
        if err != nil || d.IsDir() {
            return err
        }
        rel, _ := filepath.Rel(dir, path)
        w, err := zw.Create(filepath.ToSlash(rel))
        if err != nil {
            return err
        }
        in, err := os.Open(path)
        if err != nil {
            return err
        }
        defer in.Close()
        _, err = io.Copy(w, in)
        return err
    })
    if err != nil {
        return err
    }
    zw.Close() //@ERR-01
    return nil
}
'''))])

case('go-ok-08-atomic-file-ignores-close-after-checked-commit', GH + 'dchest/safefile/issues/7',
     'clean: an atomic file writer checks Commit (which syncs and renames) and defers Close, which is a no-op after a commit; the comment says why its error is ignored',
     files=[f('writefile.go', new=go('safefile', ['os'], r'''
// WriteFile writes data to name atomically: readers see the old file or the whole new one.
func WriteFile(name string, data []byte, perm os.FileMode) error {
    f, err := Create(name, perm)
    if err != nil {
        return err
    }
    // After a successful Commit, Close is a no-op; after a failed one it only removes the temporary file, and the
    // Commit error is the one the caller needs.
    defer f.Close()
    if _, err := f.Write(data); err != nil {
        return err
    }
    return f.Commit()
}
'''))])

case('go-20-build-step-ignores-semaphore-acquire-error', GH + 'openllb/hlb/pull/320',
     'a build solver acquires a weighted semaphore slot as a bare statement and releases it in a defer, so a cancelled context releases a slot it never held',
     files=[f('solver/parallel.go', new=go('solver', ['context', '', 'golang.org/x/sync/errgroup', 'golang.org/x/sync/semaphore'], r'''
// SolveAll solves every request with at most limit in flight.
func SolveAll(ctx context.Context, limit int64, reqs []Request, solve func(context.Context, Request) error) error {
    sem := semaphore.NewWeighted(limit)
    g, ctx := errgroup.WithContext(ctx)
    for _, r := range reqs {
        g.Go(func() error {
            sem.Acquire(ctx, 1) //@ERR-01
            defer sem.Release(1)
            return solve(ctx, r)
        })
    }
    return g.Wait()
}
'''))])

case('go-ok-09-build-step-checks-acquire-before-release', GH + 'fatih/semgroup/pull/2',
     'clean: the semaphore group checks the Acquire error before starting work and releases only a slot it holds',
     files=[f('semgroup.go', new=go('semgroup', ['context', 'errors', 'sync', '', 'golang.org/x/sync/semaphore'], r'''
// Group runs functions with bounded concurrency and collects their errors.
type Group struct {
    sem  *semaphore.Weighted
    wg   sync.WaitGroup
    mu   sync.Mutex
    errs []error
    ctx  context.Context
}

// Go waits for a slot and runs f in a new goroutine; a cancelled context is recorded as an error.
func (g *Group) Go(f func() error) {
    if err := g.sem.Acquire(g.ctx, 1); err != nil {
        g.add(err)
        return
    }
    g.wg.Add(1)
    go func() { //@~CONC-01
        defer g.wg.Done()
        defer g.sem.Release(1)
        g.add(f())
    }()
}

// Wait returns every error the functions returned, joined.
func (g *Group) Wait() error {
    g.wg.Wait()
    return errors.Join(g.errs...)
}

func (g *Group) add(err error) {
    if err == nil {
        return
    }
    g.mu.Lock()
    g.errs = append(g.errs, err)
    g.mu.Unlock()
}
'''))])

# ---------------------------------------------------------------- RES-01: processes
case('go-21-browser-opens-links-with-start-and-never-waits', GH + 'makew0rld/amfora/issues/219',
     'a terminal browser hands links to an external opener with cmd.Start and never calls Wait, leaving a zombie per opened link',
     files=[f('sysopen/open_unix.go', new=go('sysopen', ['os/exec'], r'''
// Open hands uri to the desktop's default handler and returns at once.
func Open(uri string) error {
    cmd := exec.Command("xdg-open", uri)
    cmd.Stdout = nil
    cmd.Stderr = nil
    return cmd.Start() //@RES-01
}
''', header='//go:build linux || freebsd\n\n'))])

case('go-22-task-runner-returns-on-scanner-error-without-wait', GH + 'semaphoreui/semaphore/pull/280',
     'a task runner streams a playbook\'s output line by line and returns on a scanner error without waiting for the process',
     files=[f('services/tasks/runner.go', new=go('tasks', ['bufio', 'context', 'fmt', 'os/exec'], r'''
// runPlaybook runs ansible-playbook and forwards each output line to the task log.
func (t *TaskRunner) runPlaybook(ctx context.Context, args []string) error {
    cmd := exec.CommandContext(ctx, "ansible-playbook", args...)
    out, err := cmd.StdoutPipe()
    if err != nil {
        return err
    }
    cmd.Stderr = cmd.Stdout
    if err := cmd.Start(); err != nil { //@RES-01
        return err
    }
    sc := bufio.NewScanner(out)
    for sc.Scan() {
        t.log(sc.Text())
    }
    if err := sc.Err(); err != nil {
        return fmt.Errorf("reading playbook output: %w", err)
    }
    return cmd.Wait()
}
'''))])

case('go-23-kvm-handler-spawns-shell-per-request-without-reaping', GH + 'jetkvm/kvm/issues/1578',
     'an appliance\'s HTTP handler runs a shell helper with Start for every request and never reaps it; each call leaves a zombie and PIDs run out',
     files=[f('internal/web/led.go', new=go('web', ['fmt', 'net/http', 'os/exec'], r'''
// handleLED blinks the front LED; the helper script runs for a few seconds.
func (s *Server) handleLED(w http.ResponseWriter, r *http.Request) {
    pattern := r.URL.Query().Get("pattern")
    if !validPattern(pattern) {
        http.Error(w, "bad pattern", http.StatusBadRequest)
        return
    }
    cmd := exec.Command("sh", "-c", fmt.Sprintf("/usr/bin/led-blink %s", pattern))
    if err := cmd.Start(); err != nil { //@RES-01
        http.Error(w, err.Error(), http.StatusInternalServerError)
        return
    }
    w.WriteHeader(http.StatusAccepted)
}
''')), f('internal/web/routes.go', new=go('web', ['net/http'], r'''
func (s *Server) routes(mux *http.ServeMux) {
    mux.HandleFunc("POST /api/led", s.handleLED)
    mux.HandleFunc("GET /api/status", s.handleStatus)
}
'''))])

case('go-ok-10-live-reloader-waits-for-killed-process-in-watcher', GH + 'codegangsta/gin/pull/18',
     'clean: a live-reload runner starts the app and hands it to a goroutine that Waits for it; Kill is followed by that wait before a restart',
     files=[f('lib/runner.go', new=go('gin', ['os', 'os/exec'], r'''
type runner struct {
    bin    string
    cmd    *exec.Cmd
    exited chan error
}

// Run starts the binary; the goroutine below always reaps it.
func (r *runner) Run() error {
    cmd := exec.Command(r.bin)
    cmd.Stdout = os.Stdout
    cmd.Stderr = os.Stderr
    if err := cmd.Start(); err != nil {
        return err
    }
    r.cmd = cmd
    r.exited = make(chan error, 1)
    go func() { r.exited <- cmd.Wait() }() //@~CONC-01
    return nil
}

// Kill stops the running binary and waits until it has been reaped.
func (r *runner) Kill() error {
    if r.cmd == nil {
        return nil
    }
    if err := r.cmd.Process.Kill(); err != nil {
        return err
    }
    <-r.exited
    r.cmd = nil
    return nil
}
'''))])

# ---------------------------------------------------------------- RES-01: watchers, websockets, k8s
case('go-24-config-watcher-leaks-inotify-instance-when-add-fails', GH + 'fsnotify/fsnotify/issues/59',
     'a config reloader creates an fsnotify watcher and returns when Add fails without closing it; the caller retries every poll interval, one inotify instance per attempt',
     files=[f('internal/reload/watch.go', new=go('reload', ['fmt', 'path/filepath', '', 'github.com/fsnotify/fsnotify'], r'''
// watchDir starts watching the directory of path for writes.
func (r *Reloader) watchDir(path string) (*fsnotify.Watcher, error) {
    w, err := fsnotify.NewWatcher() //@RES-01
    if err != nil {
        return nil, err
    }
    if err := w.Add(filepath.Dir(path)); err != nil {
        return nil, fmt.Errorf("watch %s: %w", filepath.Dir(path), err)
    }
    return w, nil
}
'''))])

case('go-ok-11-config-watcher-owned-by-reloader-closed-in-close', GH + 'fsnotify/fsnotify/issues/59',
     'clean: the watcher is closed when Add fails, and a working watcher is stored in the reloader whose Close closes it',
     files=[f('internal/reload/watch.go', new=go('reload', ['fmt', 'path/filepath', '', 'github.com/fsnotify/fsnotify'], r'''
// Reloader re-reads a file when it changes.
type Reloader struct {
    watcher *fsnotify.Watcher
}

// Start watches the directory of path.
func (r *Reloader) Start(path string) error {
    w, err := fsnotify.NewWatcher()
    if err != nil {
        return err
    }
    if err := w.Add(filepath.Dir(path)); err != nil {
        w.Close()
        return fmt.Errorf("watch %s: %w", filepath.Dir(path), err)
    }
    r.watcher = w
    return nil
}

// Close stops watching.
func (r *Reloader) Close() error {
    if r.watcher == nil {
        return nil
    }
    return r.watcher.Close()
}
'''))])

case('go-25-rollout-wait-returns-on-ready-pod-without-stopping-watch', GH + 'kubernetes/client-go/issues/285',
     'a deploy tool watches pods with client-go and returns as soon as one is ready, never stopping the watch; each rollout keeps a watch stream open',
     files=[f('pkg/deploy/wait.go', new=go('deploy', ['context', 'fmt', '', 'corev1 k8s.io/api/core/v1', 'metav1 k8s.io/apimachinery/pkg/apis/meta/v1', 'k8s.io/client-go/kubernetes'], r'''
// WaitReady blocks until a pod with the selector reports Ready.
func WaitReady(ctx context.Context, cs kubernetes.Interface, ns, selector string) (string, error) {
    w, err := cs.CoreV1().Pods(ns).Watch(ctx, metav1.ListOptions{LabelSelector: selector}) //@RES-01
    if err != nil {
        return "", err
    }
    for ev := range w.ResultChan() {
        pod, ok := ev.Object.(*corev1.Pod)
        if !ok {
            continue
        }
        for _, c := range pod.Status.Conditions {
            if c.Type == corev1.PodReady && c.Status == corev1.ConditionTrue {
                return pod.Name, nil
            }
        }
    }
    return "", fmt.Errorf("watch on %s/%s ended before a pod was ready", ns, selector)
}
'''))])

case('go-ok-12-ingress-watch-stopped-by-defer', GH + 'traefik/traefik/pull/845',
     'clean: an ingress provider defers w.Stop right after a successful Watch and leaves the loop on context end',
     files=[f('pkg/provider/kubernetes/watch.go', new=go('kubernetes', ['context', '', 'metav1 k8s.io/apimachinery/pkg/apis/meta/v1', 'k8s.io/client-go/kubernetes'], r'''
// watchIngresses forwards ingress events until ctx ends.
func watchIngresses(ctx context.Context, cs kubernetes.Interface, ns string, events chan<- string) error {
    w, err := cs.NetworkingV1().Ingresses(ns).Watch(ctx, metav1.ListOptions{})
    if err != nil {
        return err
    }
    defer w.Stop()
    for {
        select {
        case <-ctx.Done():
            return nil
        case ev, ok := <-w.ResultChan():
            if !ok {
                return nil
            }
            events <- string(ev.Type)
        }
    }
}
'''))])

case('go-26-ledger-stream-leaves-websocket-open-on-read-error', GH + 'xrpscan/xrpl-go/issues/11',
     'a ledger client dials a websocket with nhooyr and returns on the first read error without closing the connection; the reconnect loop dials again',
     files=[f('client/stream.go', new=go('client', ['context', 'fmt', '', 'nhooyr.io/websocket', 'nhooyr.io/websocket/wsjson'], r'''
// StreamLedgers sends every closed ledger to out until the connection fails.
func (c *Client) StreamLedgers(ctx context.Context, out chan<- LedgerClosed) error {
    conn, _, err := websocket.Dial(ctx, c.url, nil) //@RES-01
    if err != nil {
        return err
    }
    if err := wsjson.Write(ctx, conn, subscribeRequest{Command: "subscribe", Streams: []string{"ledger"}}); err != nil {
        return fmt.Errorf("subscribe: %w", err)
    }
    for {
        var ev LedgerClosed
        if err := wsjson.Read(ctx, conn, &ev); err != nil {
            return err
        }
        out <- ev
    }
}
'''))])

case('go-ok-13-ledger-stream-defers-websocket-close', GH + 'coder/websocket/issues/330',
     'clean: the stream defers conn.CloseNow right after a successful dial and closes normally when ctx ends',
     files=[f('client/stream.go', new=go('client', ['context', 'fmt', '', 'nhooyr.io/websocket', 'nhooyr.io/websocket/wsjson'], r'''
// StreamLedgers sends every closed ledger to out until the connection fails.
func (c *Client) StreamLedgers(ctx context.Context, out chan<- LedgerClosed) error {
    conn, _, err := websocket.Dial(ctx, c.url, nil)
    if err != nil {
        return err
    }
    defer conn.CloseNow()
    if err := wsjson.Write(ctx, conn, subscribeRequest{Command: "subscribe", Streams: []string{"ledger"}}); err != nil {
        return fmt.Errorf("subscribe: %w", err)
    }
    for {
        var ev LedgerClosed
        if err := wsjson.Read(ctx, conn, &ev); err != nil {
            if ctx.Err() != nil {
                return conn.Close(websocket.StatusNormalClosure, "")
            }
            return err
        }
        out <- ev
    }
}
'''))])

# ---------------------------------------------------------------- CONC-01: goroutines without recover
case('go-27-websocket-proxy-copies-in-goroutines-without-recover', GH + 'vulcand/oxy/pull/116',
     'a websocket reverse proxy copies each direction in its own goroutine with no recover; a panic in the frame rewriter kills every proxied connection',
     files=[f('forward/websocket.go', new=go('forward', ['io', 'net'], r'''
// pipe copies frames both ways between client and backend until one side fails.
func (p *wsProxy) pipe(client, backend net.Conn) error {
    errc := make(chan error, 2)
    copyFrames := func(dst io.Writer, src io.Reader) {
        _, err := io.Copy(dst, p.rewriter.Wrap(src))
        errc <- err
    }
    go copyFrames(client, backend) //@CONC-01
    go copyFrames(backend, client) //@CONC-01
    err := <-errc
    client.Close()
    backend.Close()
    return err
}
'''))])

case('go-28-bulk-valuation-runs-errgroup-workers-without-recover', GH + 'yonatan-levin/midas/issues/107',
     'a gin bulk endpoint values each ticker in an errgroup worker; gin\'s recovery covers only the handler goroutine, so one panic in the engine ends the process',
     files=[f('internal/api/handlers/bulk.go', new=go('handlers', ['net/http', '', 'github.com/gin-gonic/gin', 'golang.org/x/sync/errgroup'], r'''
// Bulk values up to 50 tickers in parallel; a ticker that fails gets an error entry, the batch never aborts.
func (h *FairValue) Bulk(c *gin.Context) {
    var req bulkRequest
    if err := c.ShouldBindJSON(&req); err != nil {
        c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
        return
    }
    out := make([]outcome, len(req.Tickers))
    g, ctx := errgroup.WithContext(c.Request.Context())
    g.SetLimit(8)
    for i, t := range req.Tickers {
        g.Go(func() error { //@CONC-01
            v, err := h.engine.Value(ctx, t)
            out[i] = outcome{Ticker: t, Value: v, Err: errString(err)}
            return nil
        })
    }
    _ = g.Wait() // workers never return errors; failures are per-ticker outcomes
    c.JSON(http.StatusOK, out)
}
'''))])

case('go-ok-14-event-handlers-run-through-recovering-helper', GH + 'cbrgm/githubevents/pull/137',
     'clean: webhook handlers run in an errgroup through a helper in another file that turns a panic into the goroutine\'s error',
     files=[f('githubevents/dispatch.go', new=go('githubevents', ['context', '', 'golang.org/x/sync/errgroup'], r'''
// dispatch runs every registered handler for one event concurrently.
func (h *EventHandler) dispatch(ctx context.Context, deliveryID string, ev any) error {
    g, ctx := errgroup.WithContext(ctx)
    for _, fn := range h.handlers[eventName(ev)] {
        goSafe(g, func() error { return fn(ctx, deliveryID, ev) })
    }
    return g.Wait()
}
''')), f('githubevents/safe.go', new=go('githubevents', ['fmt', 'runtime/debug', '', 'golang.org/x/sync/errgroup'], r'''
// goSafe runs fn in the group and converts a panic into an error carrying the stack.
func goSafe(g *errgroup.Group, fn func() error) {
    g.Go(func() (err error) {
        defer func() {
            if r := recover(); r != nil {
                err = fmt.Errorf("handler panicked: %v\n%s", r, debug.Stack())
            }
        }()
        return fn()
    })
}
'''))])

# ---------------------------------------------------------------- CONC-05 (Go): sleeps that ignore the context
case('go-29-http-retrier-sleeps-through-cancelled-request', GH + 'gojek/heimdall/issues/145',
     'an HTTP client\'s retry loop sleeps for the backoff with time.Sleep, so a cancelled request still waits out the whole backoff before giving up',
     files=[f('httpclient/client.go', new=go('httpclient', ['net/http', 'time'], r'''
// Do sends the request, retrying on transport errors and 5xx with the configured backoff.
func (c *Client) Do(req *http.Request) (*http.Response, error) {
    var lastErr error
    for i := 0; i <= c.retryCount; i++ {
        resp, err := c.client.Do(req)
        if err == nil && resp.StatusCode < http.StatusInternalServerError {
            return resp, nil
        }
        if err == nil {
            resp.Body.Close()
            err = &statusError{code: resp.StatusCode}
        }
        lastErr = err
        if req.Context().Err() != nil {
            return nil, req.Context().Err()
        }
        time.Sleep(c.retrier.NextInterval(i)) //@CONC-05
    }
    return nil, lastErr
}
'''))])

case('go-ok-15-retry-waits-on-timer-or-context', GH + 'Rican7/retry/issues/5',
     'clean: the retry helper waits for the backoff on a timer in a select with ctx.Done and stops the timer on the way out',
     files=[f('retry.go', new=go('retry', ['context', 'time'], r'''
// Retry calls action until it succeeds, the strategy gives up, or ctx ends.
func Retry(ctx context.Context, action func(attempt uint) error, backoff func(attempt uint) time.Duration, max uint) error {
    var err error
    for attempt := uint(0); attempt < max; attempt++ {
        if err = action(attempt); err == nil {
            return nil
        }
        t := time.NewTimer(backoff(attempt))
        select {
        case <-ctx.Done():
            t.Stop()
            return ctx.Err()
        case <-t.C:
        }
    }
    return err
}
'''))])

# ---------------------------------------------------------------- RES-04: pools and clients per call
case('go-30-social-handler-opens-database-per-request', GH + 'yTakkar/Go-Mini-Social-Network/issues/4',
     'a chi handler opens a MySQL pool with sql.Open on every request and never closes it; the server soon fails with too many connections',
     files=[f('routes/profile.go', new=go('routes', ['database/sql', 'encoding/json', 'net/http', 'os', '', 'github.com/go-chi/chi/v5', '_ github.com/go-sql-driver/mysql'], r'''
// Profile returns the public profile of one user.
func Profile(w http.ResponseWriter, r *http.Request) {
    db, err := sql.Open("mysql", os.Getenv("DB_DSN")) //@RES-04
    if err != nil {
        http.Error(w, "database unavailable", http.StatusServiceUnavailable)
        return
    }
    var p profile
    err = db.QueryRowContext(r.Context(), `SELECT id, username, bio FROM users WHERE username = ?`, chi.URLParam(r, "user")).
        Scan(&p.ID, &p.Username, &p.Bio)
    if err == sql.ErrNoRows {
        http.NotFound(w, r)
        return
    }
    if err != nil {
        http.Error(w, err.Error(), http.StatusInternalServerError)
        return
    }
    _ = json.NewEncoder(w).Encode(p) //@~ERR-01
}
'''))])

case('go-ok-16-social-server-opens-database-once-and-shares-it', GH + 'yTakkar/Go-Mini-Social-Network/issues/4',
     'clean: the pool is opened once in the server constructor and the handler uses the shared handle',
     files=[f('routes/server.go', new=go('routes', ['database/sql', 'time', '', '_ github.com/go-sql-driver/mysql'], r'''
// Server holds what every handler shares.
type Server struct {
    db *sql.DB
}

// NewServer opens the connection pool once for the life of the process.
func NewServer(dsn string) (*Server, error) {
    db, err := sql.Open("mysql", dsn)
    if err != nil {
        return nil, err
    }
    db.SetMaxOpenConns(20)
    db.SetConnMaxLifetime(5 * time.Minute)
    return &Server{db: db}, nil
}

// Close closes the pool at shutdown.
func (s *Server) Close() error { return s.db.Close() }
''')), f('routes/profile.go', new=go('routes', ['database/sql', 'net/http', '', 'github.com/go-chi/chi/v5'], r'''
// Profile returns the public profile of one user.
func (s *Server) Profile(w http.ResponseWriter, r *http.Request) {
    var p profile
    err := s.db.QueryRowContext(r.Context(), `SELECT id, username, bio FROM users WHERE username = ?`, chi.URLParam(r, "user")).
        Scan(&p.ID, &p.Username, &p.Bio)
    if err == sql.ErrNoRows {
        http.NotFound(w, r)
        return
    }
    if err != nil {
        http.Error(w, err.Error(), http.StatusInternalServerError)
        return
    }
    writeJSON(w, p)
}
'''))])

case('go-31-namespace-lister-builds-clientset-per-call', GH + 'fabric8io/kubernetes-client/issues/1228',
     'an echo API lists namespaces by building a new Kubernetes clientset (its own transport and connection pool) on every call',
     files=[f('internal/cluster/namespaces.go', new=go('cluster', ['net/http', '', 'github.com/labstack/echo/v4', 'metav1 k8s.io/apimachinery/pkg/apis/meta/v1', 'k8s.io/client-go/kubernetes', 'k8s.io/client-go/rest'], r'''
// ListNamespaces answers GET /clusters/:id/namespaces.
func (h *Handler) ListNamespaces(c echo.Context) error {
    cfg, err := h.configFor(c.Param("id"))
    if err != nil {
        return echo.NewHTTPError(http.StatusNotFound, err.Error())
    }
    cs, err := kubernetes.NewForConfig(rest.CopyConfig(cfg)) //@RES-04
    if err != nil {
        return err
    }
    list, err := cs.CoreV1().Namespaces().List(c.Request().Context(), metav1.ListOptions{})
    if err != nil {
        return err
    }
    names := make([]string, 0, len(list.Items))
    for _, ns := range list.Items {
        names = append(names, ns.Name)
    }
    return c.JSON(http.StatusOK, names)
}
'''))])

# ---------------------------------------------------------------- RES-03: defers in loops
case('go-32-benchmark-loader-defers-close-inside-file-loop', GH + 'aquasecurity/kube-bench/pull/825',
     'a benchmark loader opens every control file of a directory in a loop and defers each close, keeping all of them open until the function returns',
     files=[f('check/load.go', new=go('check', ['os', 'path/filepath', '', 'gopkg.in/yaml.v3'], r'''
// LoadControls parses every YAML control file under dir.
func LoadControls(dir string) ([]*Controls, error) {
    paths, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
    if err != nil {
        return nil, err
    }
    var all []*Controls
    for _, p := range paths {
        fh, err := os.Open(p)
        if err != nil {
            return nil, err
        }
        defer fh.Close() //@RES-03
        var c Controls
        if err := yaml.NewDecoder(fh).Decode(&c); err != nil {
            return nil, err
        }
        all = append(all, &c)
    }
    return all, nil
}
'''))])

case('go-ok-17-benchmark-loader-closes-each-file-in-its-own-function', GH + 'aquasecurity/kube-bench/pull/825',
     'clean: the loop body moves into a function literal called per file, so each deferred close runs at the end of its iteration',
     files=[f('check/load.go', new=go('check', ['os', 'path/filepath', '', 'gopkg.in/yaml.v3'], r'''
// LoadControls parses every YAML control file under dir.
func LoadControls(dir string) ([]*Controls, error) {
    paths, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
    if err != nil {
        return nil, err
    }
    var all []*Controls
    for _, p := range paths {
        c, err := func() (*Controls, error) {
            fh, err := os.Open(p)
            if err != nil {
                return nil, err
            }
            defer fh.Close()
            var c Controls
            return &c, yaml.NewDecoder(fh).Decode(&c)
        }()
        if err != nil {
            return nil, err
        }
        all = append(all, c)
    }
    return all, nil
}
'''))])

case('go-33-object-mirror-defers-reader-close-in-channel-loop', GH + 'minio/m3/pull/221',
     'an object mirror ranges over a channel of object names, opening each object and deferring its close in the loop; nothing is closed until the channel closes',
     files=[f('cluster/mirror.go', new=go('cluster', ['context', 'io', '', 'github.com/minio/minio-go/v7'], r'''
// mirror copies every object named on keys from src to dst.
func mirror(ctx context.Context, src, dst *minio.Client, bucket string, keys <-chan string) error {
    for key := range keys {
        obj, err := src.GetObject(ctx, bucket, key, minio.GetObjectOptions{})
        if err != nil {
            return err
        }
        defer obj.Close() //@RES-03
        info, err := obj.Stat()
        if err != nil {
            return err
        }
        if _, err := dst.PutObject(ctx, bucket, key, io.Reader(obj), info.Size, minio.PutObjectOptions{ContentType: info.ContentType}); err != nil {
            return err
        }
    }
    return nil
}
'''))])

# ---------------------------------------------------------------- LOG-01
case('go-34-ledger-close-warns-per-slow-transaction', GH + 'stellar/stellar-core/pull/2780',
     'a ledger applier logs a zap warning for every slow transaction of a ledger; in a storm of slow applies the logging itself becomes the load',
     files=[f('ledger/apply.go', new=go('ledger', ['time', '', 'go.uber.org/zap'], r'''
const slowTx = 50 * time.Millisecond

// applyAll applies every transaction of a ledger in order.
func (a *Applier) applyAll(seq uint32, txs []Tx) error {
    for _, tx := range txs {
        start := time.Now()
        if err := a.apply(tx); err != nil {
            return err
        }
        if d := time.Since(start); d > slowTx {
            a.log.Warn("slow transaction apply", zap.Uint32("ledger", seq), zap.String("tx", tx.Hash()), zap.Duration("took", d), zap.Any("ops", tx.Ops)) //@LOG-01
        }
    }
    return nil
}
'''))])

case('go-ok-18-ledger-close-logs-one-summary-per-ledger', GH + 'stellar/stellar-core/pull/2780',
     'clean: slow applies are counted in the loop and logged once per ledger with the slowest one; the per-transaction line is debug and guarded',
     files=[f('ledger/apply.go', new=go('ledger', ['time', '', 'go.uber.org/zap', 'go.uber.org/zap/zapcore'], r'''
const slowTx = 50 * time.Millisecond

// applyAll applies every transaction of a ledger in order.
func (a *Applier) applyAll(seq uint32, txs []Tx) error {
    var slow int
    var worst time.Duration
    debug := a.log.Core().Enabled(zapcore.DebugLevel)
    for _, tx := range txs {
        start := time.Now()
        if err := a.apply(tx); err != nil {
            return err
        }
        if d := time.Since(start); d > slowTx {
            slow++
            worst = max(worst, d)
            if debug {
                a.log.Debug("slow transaction apply", zap.String("tx", tx.Hash()), zap.Duration("took", d))
            }
        }
    }
    if slow > 0 {
        a.log.Warn("slow transaction applies", zap.Uint32("ledger", seq), zap.Int("count", slow), zap.Duration("worst", worst))
    }
    return nil
}
'''))])

case('go-35-listener-logs-every-rejected-connection', GH + 'tarantool/tarantool/issues/3825',
     'a TCP front end rejects connections past its limit and logs an slog warning for each one inside the accept loop; under overload every rejected client costs a formatted log line',
     files=[f('server/accept.go', new=go('server', ['errors', 'log/slog', 'net'], r'''
// serve accepts connections until the listener closes, refusing those beyond the limit.
func (s *Server) serve(ln net.Listener) error {
    for {
        conn, err := ln.Accept()
        if err != nil {
            if errors.Is(err, net.ErrClosed) {
                return nil
            }
            return err
        }
        if s.active.Load() >= s.maxConns {
            slog.Warn("connection limit reached, refusing client", "remote", conn.RemoteAddr().String(), "limit", s.maxConns) //@LOG-01
            conn.Close()
            continue
        }
        s.active.Add(1)
        go s.handle(conn) //@~CONC-01
    }
}
'''))])

# ---------------------------------------------------------------- MEM-02, HTTP-01
case('go-36-encoder-puts-buffer-back-and-returns-its-bytes', GH + 'pquerna/ffjson/pull/204',
     'a JSON encoder borrows a bytes.Buffer from a sync.Pool, puts it back and returns buf.Bytes(), a slice the next borrower will overwrite',
     files=[f('fflib/v1/encode.go', new=go('v1', ['bytes', 'encoding/json', 'sync'], r'''
var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// MarshalFast encodes v with a pooled buffer.
func MarshalFast(v any) ([]byte, error) {
    buf := bufPool.Get().(*bytes.Buffer)
    buf.Reset()
    if err := json.NewEncoder(buf).Encode(v); err != nil {
        bufPool.Put(buf)
        return nil, err
    }
    bufPool.Put(buf) //@MEM-02
    return buf.Bytes(), nil
}
'''))])

case('go-ok-19-sync-client-clones-before-putting-buffer-back', GH + 'c4milo/gsync/issues/9',
     'clean: the block hasher copies the bytes it keeps with bytes.Clone before the buffer goes back to the pool, on every path',
     files=[f('gsync_client.go', new=go('gsync', ['bytes', 'io', 'sync'], r'''
var bufferPool = sync.Pool{New: func() any { b := make([]byte, 0, 6*1024); return &b }}

// readBlock reads up to size bytes and returns a copy the caller may keep.
func readBlock(r io.Reader, size int) ([]byte, error) {
    bp := bufferPool.Get().(*[]byte)
    defer bufferPool.Put(bp)
    buf := (*bp)[:size]
    n, err := io.ReadFull(r, buf)
    if err != nil && err != io.ErrUnexpectedEOF {
        return nil, err
    }
    return bytes.Clone(buf[:n]), nil
}
'''))])

case('go-37-validation-middleware-closes-request-body', GH + 'go-swagger/go-swagger/issues/955',
     'a signature-checking middleware reads the request body to validate it and closes it, leaving the handler an empty, closed body',
     files=[f('restapi/middleware.go', new=go('restapi', ['io', 'net/http'], r'''
// verifySignature rejects requests whose X-Signature does not match the body.
func verifySignature(secret []byte, next http.Handler) http.Handler {
    return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
        body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
        r.Body.Close() //@HTTP-01
        if err != nil || !validMAC(secret, body, r.Header.Get("X-Signature")) {
            http.Error(w, "invalid signature", http.StatusUnauthorized)
            return
        }
        next.ServeHTTP(w, r)
    })
}
''')), f('restapi/configure_api.go', new=go('restapi', ['net/http', 'os'], r'''
func setupGlobalMiddleware(handler http.Handler) http.Handler {
    return verifySignature([]byte(os.Getenv("WEBHOOK_SECRET")), handler)
}
'''))])

case('go-ok-20-signing-middleware-restores-body-for-handler', GH + 'fnproject/fn/pull/965',
     'clean: the middleware reads the body and replaces it with a fresh reader over the same bytes before calling the next handler; the server closes the original',
     files=[f('api/server/signature.go', new=go('server', ['bytes', 'io', 'net/http'], r'''
// verifySignature rejects requests whose X-Signature does not match the body.
func verifySignature(secret []byte, next http.Handler) http.Handler {
    return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
        body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
        if err != nil || !validMAC(secret, body, r.Header.Get("X-Signature")) {
            http.Error(w, "invalid signature", http.StatusUnauthorized)
            return
        }
        r.Body = io.NopCloser(bytes.NewReader(body))
        next.ServeHTTP(w, r)
    })
}
'''))])

# ---------------------------------------------------------------- vendored and generated files
case('go-ok-21-vendored-kcp-update-beside-clean-caller', GH + 'xtaci/kcp-go/issues/146',
     'clean: a dependency bump rewrites a vendored file (whose own pool handling is not the change\'s code) and vendor/modules.txt; the caller\'s code closes its session',
     files=[f('vendor/github.com/xtaci/kcp-go/v5/fec.go', old=go('kcp', ['sync'], r'''
var xmitBuf sync.Pool

func (dec *fecDecoder) release(shards [][]byte) {
    for _, s := range shards {
        xmitBuf.Put(s)
    }
}
'''), new=go('kcp', ['sync'], r'''
var xmitBuf sync.Pool

func (dec *fecDecoder) release(shards [][]byte) {
    for i, s := range shards {
        if s != nil {
            xmitBuf.Put(s)
            shards[i] = nil
        }
    }
}

func (dec *fecDecoder) recover(shards [][]byte) []byte {
    out := xmitBuf.Get().([]byte)[:0]
    for _, s := range shards {
        out = append(out, s...)
    }
    xmitBuf.Put(out)
    return out
}
''')), f('vendor/modules.txt', old='# github.com/xtaci/kcp-go/v5 v5.6.5\n## explicit; go 1.21\ngithub.com/xtaci/kcp-go/v5\n',
         new='# github.com/xtaci/kcp-go/v5 v5.6.8\n## explicit; go 1.21\ngithub.com/xtaci/kcp-go/v5\n'),
        f('tunnel/dial.go', new=go('tunnel', ['', 'github.com/xtaci/kcp-go/v5'], r'''
// Ping opens a session, sends one probe and closes the session.
func Ping(addr string, probe []byte) error {
    sess, err := kcp.DialWithOptions(addr, nil, 10, 3)
    if err != nil {
        return err
    }
    defer sess.Close()
    _, err = sess.Write(probe)
    return err
}
'''))])

case('go-ok-22-generated-resolver-code-ignores-marshal-errors-by-design', GH + '99designs/gqlgen/issues/1527',
     'clean: a regenerated GraphQL executor (marked Code generated ... DO NOT EDIT) discards marshaller results in its own generated way; the hand-written resolver beside it checks its errors',
     files=[f('graph/generated.go', new=go('graph', ['context', 'io'], r'''
func (ec *executionContext) _Query_article(ctx context.Context, w io.Writer, id string) {
    res, err := ec.resolvers.Query().Article(ctx, id)
    if err != nil {
        ec.Error(ctx, err)
        return
    }
    _ = ec.marshalArticle(ctx, w, res)
}
''', header='// Code generated by github.com/99designs/gqlgen, DO NOT EDIT.\n\n')),
        f('graph/schema.resolvers.go', new=go('graph', ['context', 'fmt'], r'''
// Article is the resolver for the article field.
func (r *queryResolver) Article(ctx context.Context, id string) (*Article, error) {
    a, err := r.store.Article(ctx, id)
    if err != nil {
        return nil, fmt.Errorf("article %s: %w", id, err)
    }
    return a, nil
}
'''))])


# ---------------------------------------------------------------- PR shapes: most changes extend a file that exists
def _grow(name, existing):
    """Turns the first file of case `name` into an edit: the file existed with `existing` (Go, four-space indents)
    under the same package and imports, and the change appends the case's code to it."""
    from cases_common import indent_tabs
    c = next(c for c in CASES if c['name'] == name)
    fl = c['files'][0]
    text = fl['new']
    cut = text.index('\n)\n\n') + 4 if '\nimport (\n' in text else text.index('\n\n', text.index('import')) + 2
    head, body = text[:cut], text[cut:]
    fl['old'] = head + indent_tabs(existing.strip('\n')) + '\n'
    fl['new'] = head + indent_tabs(existing.strip('\n')) + '\n\n' + body


_grow('go-04-table-stats-leaks-first-iterator-when-second-fails', r'''
// Stats summarises one table of the store.
type Stats struct {
    Points int
    Ranges int
}

// Empty reports whether the span holds nothing at all.
func (s Stats) Empty() bool {
    return s.Points == 0 && s.Ranges == 0
}
''')
_grow('go-05-record-store-returns-inside-iteration-without-closing', r'''
var (
    expiryPrefix = []byte("x/")
    expiryEnd    = []byte("x0")
)

// Expire schedules key to be deleted at deadline.
func (b *Backend) Expire(key []byte, deadline time.Time) error {
    return b.db.Set(encodeExpiry(deadline, key), nil, pebble.Sync)
}
''')
_grow('go-10-cobra-upload-command-skips-cancel-on-stat-error', r'''
func newRootCmd(c *Client) *cobra.Command {
    root := &cobra.Command{Use: "bosh", SilenceUsage: true}
    root.AddCommand(newDeployCmd(c), newReleasesCmd(c))
    return root
}
''')
_grow('go-16-beacon-client-retries-with-one-shot-ticker', r'''
// fetchBlock asks the beacon node for the block at slot once.
func (c *APIClient) fetchBlock(ctx context.Context, slot uint64) (*Block, error) {
    var blk Block
    if err := c.get(ctx, "/eth/v2/beacon/blocks/"+strconv.FormatUint(slot, 10), &blk); err != nil {
        return nil, err
    }
    return &blk, nil
}
''')
_grow('go-24-config-watcher-leaks-inotify-instance-when-add-fails', r'''
// Reloader re-reads a configuration file when it changes.
type Reloader struct {
    path   string
    reload func(path string) error
}

// New returns a reloader for path.
func New(path string, reload func(string) error) *Reloader {
    return &Reloader{path: path, reload: reload}
}
''')
_grow('go-25-rollout-wait-returns-on-ready-pod-without-stopping-watch', r'''
// Rollout restarts a deployment by bumping its restart annotation.
func Rollout(ctx context.Context, cs kubernetes.Interface, ns, name string) error {
    patch := fmt.Sprintf(`{"spec":{"template":{"metadata":{"annotations":{"deploy/restartedAt":%q}}}}}`, time.Now().Format(time.RFC3339))
    _, err := cs.AppsV1().Deployments(ns).Patch(ctx, name, types.StrategicMergePatchType, []byte(patch), metav1.PatchOptions{})
    return err
}
''')
_grow('go-29-http-retrier-sleeps-through-cancelled-request', r'''
// NewClient returns a client with the given retry count and backoff.
func NewClient(timeout time.Duration, retryCount int, retrier Retriable) *Client {
    return &Client{client: &http.Client{Timeout: timeout}, retryCount: retryCount, retrier: retrier}
}
''')
_grow('go-32-benchmark-loader-defers-close-inside-file-loop', r'''
// Controls is one benchmark section.
type Controls struct {
    ID     string   `yaml:"id"`
    Text   string   `yaml:"text"`
    Groups []*Group `yaml:"groups"`
}
''')
_grow('go-34-ledger-close-warns-per-slow-transaction', r'''
// Applier applies closed ledgers to the state database.
type Applier struct {
    log   *zap.Logger
    state State
}

func (a *Applier) apply(tx Tx) error {
    return a.state.Apply(tx.Ops)
}
''')
_grow('go-36-encoder-puts-buffer-back-and-returns-its-bytes', r'''
// Marshal encodes v with encoding/json; kept for callers that need a fresh slice.
func Marshal(v any) ([]byte, error) {
    return json.Marshal(v)
}
''')
_grow('go-22-task-runner-returns-on-scanner-error-without-wait', r'''
// TaskRunner runs one task and streams its log.
type TaskRunner struct {
    id  int
    log func(line string)
}
''')
_grow('go-35-listener-logs-every-rejected-connection', r'''
// Server is a line-protocol TCP server with a connection limit.
type Server struct {
    maxConns int64
    active   atomic.Int64
}
''')

STREAM_EDIT = r'''
// StreamLedgers sends every closed ledger to out until the connection fails.
func (c *Client) StreamLedgers(ctx context.Context, out chan<- LedgerClosed) error {
-|    conn, _, err := websocket.Dial(ctx, c.url, nil)
+|    conn, _, err := websocket.Dial(ctx, c.url, &websocket.DialOptions{HTTPHeader: c.headers}) //@RES-01
    if err != nil {
        return err
    }
-|    defer conn.CloseNow()
    if err := wsjson.Write(ctx, conn, subscribeRequest{Command: "subscribe", Streams: []string{"ledger"}}); err != nil {
        return fmt.Errorf("subscribe: %w", err)
    }
    for {
        var ev LedgerClosed
        if err := wsjson.Read(ctx, conn, &ev); err != nil {
            return err
        }
        out <- ev
    }
}
'''
_c26 = next(c for c in CASES if c['name'] == 'go-26-ledger-stream-leaves-websocket-open-on-read-error')
_c26['desc'] = ('a ledger client\'s edit passes dial options with auth headers to nhooyr websocket.Dial and drops the deferred '
                'CloseNow on the way; the first read error returns with the connection open and the reconnect loop dials again')
_c26['files'] = [go_edit('client/stream.go', 'client', ['context', 'fmt', '', 'nhooyr.io/websocket', 'nhooyr.io/websocket/wsjson'], STREAM_EDIT)]


# ---------------------------------------------------------------- TMO-02, with a rename, CRLF and a test beside
PLATFORM = r'''
// RebuildPlatform rebuilds the image of a platform and records the result.
func (h *PlatformHandler) RebuildPlatform(w http.ResponseWriter, r *http.Request) {
    name := r.URL.Query().Get("name")
-|    if err := h.svc.Rebuild(r.Context(), name); err != nil {
+|    ctx := context.Background()
+|    if err := h.svc.Rebuild(ctx, name); err != nil { //@TMO-02
        http.Error(w, err.Error(), http.StatusInternalServerError)
        return
    }
-|    if _, err := h.db.ExecContext(r.Context(), `UPDATE platforms SET rebuilt_at = now() WHERE name = $1`, name); err != nil {
+|    if _, err := h.db.ExecContext(ctx, `UPDATE platforms SET rebuilt_at = now() WHERE name = $1`, name); err != nil { //@~TMO-02
        http.Error(w, err.Error(), http.StatusInternalServerError)
        return
    }
    w.WriteHeader(http.StatusNoContent)
}
'''
case('go-38-platform-handler-moved-and-detached-from-request-context', GH + 'tsuru/tsuru/pull/2447',
     'a platform handler moves to a new package and, in the same change, starts its rebuild and database update on context.Background instead of the request context, so a client that gives up no longer stops the work',
     files=[go_edit('api/platform/handler.go', 'platform', ['context', 'database/sql', 'net/http'], PLATFORM, rename_from='api/platform.go')])

REQ = r'''
// FetchManifest downloads the manifest of one release.
func (c *Client) FetchManifest(ctx context.Context, release string) (*Manifest, error) {
-|    req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+"/releases/"+release+"/manifest.json", nil)
+|    req, err := http.NewRequest(http.MethodGet, c.base+"/releases/"+url.PathEscape(release)+"/manifest.json", nil) //@TMO-02
    if err != nil {
        return nil, err
    }
    req.Header.Set("Accept", "application/json")
    resp, err := c.http.Do(req)
    if err != nil {
        return nil, err
    }
    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return nil, fmt.Errorf("manifest %s: %s", release, resp.Status)
    }
    var m Manifest
    return &m, json.NewDecoder(resp.Body).Decode(&m)
}
'''
case('go-39-release-client-crlf-drops-callers-context-from-request', GH + 'binalyze/httpreq/pull/12',
     'a release client kept with CRLF line ends escapes the release name and, in the same edit, builds its request with http.NewRequest, dropping the caller\'s context; a test is added beside it',
     files=[go_edit('releases/client.go', 'releases', ['context', 'encoding/json', 'fmt', 'net/http'], REQ,
                    new_imports=['context', 'encoding/json', 'fmt', 'net/http', 'net/url'], crlf=True),
            f('releases/client_test.go', new=go('releases', ['context', 'net/http', 'net/http/httptest', 'testing'], r'''
func TestFetchManifestEscapesName(t *testing.T) {
    srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
        if r.URL.EscapedPath() != "/releases/v1%2F2/manifest.json" {
            t.Errorf("path %s", r.URL.EscapedPath())
        }
        w.Write([]byte(`{"version":"1"}`))
    }))
    defer srv.Close()
    c := &Client{base: srv.URL, http: srv.Client()}
    if _, err := c.FetchManifest(context.Background(), "v1/2"); err != nil {
        t.Fatal(err)
    }
}
'''))])

case('go-ok-23-node-main-roots-contexts-in-background-once', GH + 'berachain/beacon-kit/pull/2376',
     'clean: context.Background appears once, in main, under signal.NotifyContext; every function below receives ctx',
     files=[f('cmd/node/main.go', new=go('main', ['context', 'log/slog', 'os', 'os/signal', 'syscall'], r'''
func main() {
    ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
    defer stop()
    if err := run(ctx); err != nil {
        slog.Error("node stopped", "err", err)
        os.Exit(1)
    }
}

func run(ctx context.Context) error {
    node, err := newNode(ctx, os.Getenv("NODE_HOME"))
    if err != nil {
        return err
    }
    return node.Serve(ctx)
}
'''))])
