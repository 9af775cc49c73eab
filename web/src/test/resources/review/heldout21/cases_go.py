"""Round-21 Go cases, written for this corpus from the checklist items (see SOURCES.md). Each template is written once
and gives three cases: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean
look-alike (round 15's common15.variant, through round 16's common16). A case is a new file, an edit that turns the
clean file into a defect, or the fix that turns the first defect into the clean file (round 16's common16.cases_of).
Names carry `00`: they are numbered in order at the end."""
from common16 import make_case, gomod, go, f, cases_of, variant, GO_GENERATED

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'


def G(pkg, imports, header=''):
    return lambda body: (lambda v: go(pkg, imports, variant(body, v), header))


# ---------------------------------------------------------------- RES-02 / RES-04: alert webhook sender (siglens)
SIGLENS = r'''
// webhookSender posts alert notifications to the webhook URL of a contact point.
type webhookSender struct {
    client *http.Client // shared by every contact point; timeouts set in newWebhookSender
}

// Send posts one alert. A non-2xx answer is an error, and the alert manager retries it later.
func (s *webhookSender) Send(ctx context.Context, hookURL string, alert AlertPayload) error {
    body, err := json.Marshal(alert)
    if err != nil {
        return fmt.Errorf("encode alert %s: %w", alert.ID, err)
    }
    req, err := http.NewRequestWithContext(ctx, http.MethodPost, hookURL, bytes.NewReader(body))
    if err != nil {
        return fmt.Errorf("build webhook request for alert %s: %w", alert.ID, err)
    }
    req.Header.Set("Content-Type", "application/json")
0|    resp, err := s.client.Do(req)
1|    resp, err := s.client.Do(req) //@RES-02
2|    client := &http.Client{} //@RES-04|TMO-01
2|    resp, err := client.Do(req)
    if err != nil {
02|        return fmt.Errorf("post alert %s: %w", alert.ID, err)
1|        return fmt.Errorf("post alert %s to webhook: %w", alert.ID, err)
    }
02|    defer resp.Body.Close()
    if resp.StatusCode/100 != 2 {
        return fmt.Errorf("webhook answered %d for alert %s", resp.StatusCode, alert.ID)
    }
    return nil
}
'''
cases_of(case, GH + 'siglens/siglens/pull/1279', 'pkg/alerts/notify/webhook.go',
         G('notify', ['bytes', 'context', 'encoding/json', 'fmt', 'net/http'])(SIGLENS), [
             (1, 'go-00-siglens-webhook-response-never-closed',
              'an edit drops the deferred close of the webhook response, so every alert pins a connection', 'edit'),
             (2, 'go-00-siglens-webhook-client-built-per-alert',
              'an edit builds a default HTTP client for every alert instead of the shared one with timeouts', 'edit'),
             (0, 'go-ok-00-siglens-webhook-shared-client-body-closed',
              'clean: shared client with timeouts, response body closed after the error check', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / TMO-03: replica-set scrape (mongodb_exporter)
PERCONA = r'''
// collectReplStatus reads replSetGetStatus for one scrape and reports one gauge per member state.
func (e *Exporter) collectReplStatus(ctx context.Context, ch chan<- prometheus.Metric) error {
02|    client := e.client // connected once in New and disconnected in Close
1|    client, err := mongo.Connect(options.Client().ApplyURI(e.opts.URI)) //@RES-04
1|    if err != nil {
1|        return fmt.Errorf("connect to %s for scrape: %w", e.opts.URI, err)
1|    }
01|    ctx, cancel := context.WithTimeout(ctx, e.opts.ScrapeTimeout)
01|    defer cancel()
2|    ctx, _ = context.WithTimeout(ctx, e.opts.ScrapeTimeout) //@TMO-03
    var status struct {
        Set     string `bson:"set"`
        Members []struct {
            Name     string `bson:"name"`
            StateStr string `bson:"stateStr"`
            Health   int    `bson:"health"`
        } `bson:"members"`
    }
    res := client.Database("admin").RunCommand(ctx, bson.D{{Key: "replSetGetStatus", Value: 1}})
    if err := res.Decode(&status); err != nil {
        return fmt.Errorf("replSetGetStatus: %w", err)
    }
    for _, m := range status.Members {
        ch <- prometheus.MustNewConstMetric(e.memberHealth, prometheus.GaugeValue, float64(m.Health),
            status.Set, m.Name, m.StateStr)
    }
    return nil
}
'''
PERCONA_MOD = gomod('github.com/percona/mongodb_exporter', ['github.com/prometheus/client_golang v1.20.5',
                                                          'go.mongodb.org/mongo-driver/v2 v2.1.0'])
cases_of(case, GH + 'percona/mongodb_exporter/pull/1348', 'exporter/replset_collector.go',
         G('exporter', ['context', 'fmt', '', 'github.com/prometheus/client_golang/prometheus',
                        'go.mongodb.org/mongo-driver/v2/bson', 'go.mongodb.org/mongo-driver/v2/mongo',
                        'go.mongodb.org/mongo-driver/v2/mongo/options'])(PERCONA), [
             (1, 'go-00-mongodb-exporter-connects-client-per-scrape',
              'a new collector connects a mongo client on every scrape and never disconnects it', 'new',
              [f('go.mod', new=PERCONA_MOD)]),
             (2, 'go-00-mongodb-exporter-scrape-timeout-cancel-discarded',
              'an edit keeps the scrape deadline but throws its cancel function away', 'edit'),
             (0, 'go-ok-00-mongodb-exporter-shared-client-scrape-deadline',
              'clean: the shared client and a scrape deadline cancelled on return', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / RES-03: SFTP directory walk (go-sftp)
GOSFTP = r'''
// WalkFunc receives one regular file of a walk; r is valid only during the call.
type WalkFunc func(path string, info os.FileInfo, r io.Reader) error

// Walk hands every regular file directly under dir to fn, in the order the server lists them.
func (c *client) Walk(dir string, fn WalkFunc) error {
    entries, err := c.sftp.ReadDir(dir)
    if err != nil {
        return fmt.Errorf("list %s: %w", dir, err)
    }
    for _, entry := range entries {
        if entry.IsDir() {
            continue
        }
        p := path.Join(dir, entry.Name())
01|        if err := c.readOne(p, entry, fn); err != nil {
01|            return err
01|        }
2|        fh, err := c.sftp.Open(p)
2|        if err != nil {
2|            return fmt.Errorf("open %s: %w", p, err)
2|        }
2|        defer fh.Close() //@RES-03
2|        if err := fn(p, entry, fh); err != nil {
2|            return fmt.Errorf("handle %s: %w", p, err)
2|        }
    }
    return nil
}

// readOne opens one remote file, hands it to fn and closes it whatever fn returns.
func (c *client) readOne(p string, info os.FileInfo, fn WalkFunc) error {
    fh, err := c.sftp.Open(p) //@{1}RES-01
    if err != nil {
02|        return fmt.Errorf("open %s: %w", p, err)
1|        return fmt.Errorf("open remote file %s: %w", p, err)
    }
02|    defer fh.Close() // read-only handle: a failed close loses nothing
    if err := fn(p, info, fh); err != nil {
        return fmt.Errorf("handle %s: %w", p, err)
    }
02|    return nil
1|    return fh.Close()
}
'''
GOSFTP_TEST = r'''package sftp

import (
	"errors"
	"io"
	"os"
	"testing"
)

func TestReadOneClosesTheFileWhenTheCallbackFails(t *testing.T) {
	fake := newFakeServer(t, map[string]string{"/in/a.ach": "101 ..."})
	c := &client{sftp: fake.client()}
	boom := errors.New("boom")
	err := c.readOne("/in/a.ach", fake.info("/in/a.ach"), func(string, os.FileInfo, io.Reader) error { return boom })
	if !errors.Is(err, boom) {
		t.Fatalf("readOne returned %v, want the callback's error", err)
	}
	if open := fake.openHandles(); open != 0 {
		t.Fatalf("%d remote handles left open", open)
	}
}
'''
cases_of(case, GH + 'moov-io/go-sftp/pull/23', 'client_walk.go',
         G('sftp', ['fmt', 'io', 'os', 'path'])(GOSFTP), [
             (1, 'go-00-go-sftp-read-one-closes-only-on-success',
              'an edit closes the remote file only after a successful callback; a failed one leaks the handle', 'edit'),
             (2, 'go-00-go-sftp-walk-defers-close-per-file',
              'an edit inlines the read into the walk and defers each close to the end of the walk', 'edit'),
             (0, 'go-ok-00-go-sftp-read-one-deferred-close',
              'clean: the close deferred right after the open, in a helper called per file; a test beside it', 'fix',
              [f('client_walk_test.go', new=GOSFTP_TEST)]),
         ])


# ---------------------------------------------------------------- TX-01 / TX-02: queued message claim (kandev)
KANDEV = r'''
// ClaimNext moves the oldest queued message of a session to "sending" and returns it; nil when none is queued.
func (r *sqliteRepository) ClaimNext(ctx context.Context, sessionID string) (*QueuedMessage, error) {
    tx, err := r.db.BeginTxx(ctx, nil) //@{1}TX-01
    if err != nil {
02|        return nil, fmt.Errorf("begin claim tx: %w", err)
1|        return nil, fmt.Errorf("begin claim transaction for session %s: %w", sessionID, err)
    }
02|    defer func() { _ = tx.Rollback() }() // only sql.ErrTxDone once Commit has run
    var msg QueuedMessage
    err = tx.GetContext(ctx, &msg, `SELECT id, session_id, body, queued_at FROM queued_messages
        WHERE session_id = ? AND state = 'queued' ORDER BY queued_at LIMIT 1`, sessionID)
    if errors.Is(err, sql.ErrNoRows) {
        return nil, nil
    }
    if err != nil {
        return nil, fmt.Errorf("select next message of %s: %w", sessionID, err)
    }
    if _, err := tx.ExecContext(ctx, `UPDATE queued_messages SET state = 'sending' WHERE id = ?`, msg.ID); err != nil {
        return nil, fmt.Errorf("mark message %s sending: %w", msg.ID, err)
    }
01|    if err := tx.Commit(); err != nil {
01|        return nil, fmt.Errorf("commit claim of %s: %w", msg.ID, err)
01|    }
2|    tx.Commit() //@TX-02
    return &msg, nil
}
'''
cases_of(case, GH + 'kdlbs/kandev/pull/2656', 'apps/backend/internal/orchestrator/messagequeue/claim.go',
         G('messagequeue', ['context', 'database/sql', 'errors', 'fmt'])(KANDEV), [
             (1, 'go-00-kandev-claim-transaction-without-rollback',
              'an edit drops the deferred rollback, so a failed select or update leaves the transaction open', 'edit'),
             (2, 'go-00-kandev-claim-commit-result-ignored',
              'an edit drops the commit error and hands out a message whose claim may not be stored', 'edit'),
             (0, 'go-ok-00-kandev-claim-deferred-rollback',
              'clean: rollback deferred after Begin, commit error returned', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / CONC-01: value cache of the mongo backend (cayley)
CAYLEY = r'''
// lruCache keeps recently resolved node values; every goroutine of the query engine shares one.
type lruCache struct {
    mu      sync.Mutex
    maxSize int
    order   *list.List
    entries map[string]*list.Element
}

type cacheEntry struct {
    key   string
    value Value
    added time.Time
}

func newLRUCache(size int, ttl time.Duration) *lruCache {
    lru := &lruCache{maxSize: size, order: list.New(), entries: make(map[string]*list.Element, size)}
01|    go func() {
01|        defer logPanic("mongo value cache expiry")
01|        lru.expireLoop(ttl)
01|    }()
2|    go lru.expireLoop(ttl) //@CONC-01
    return lru
}

// Put stores value under key as the most recently used entry.
func (lru *lruCache) Put(key string, value Value) {
02|    lru.mu.Lock()
02|    defer lru.mu.Unlock()
    el, ok := lru.entries[key]
    if !ok {
        lru.entries[key] = lru.order.PushFront(&cacheEntry{key: key}) //@{1}CONC-03
        el = lru.entries[key]
    }
    entry := el.Value.(*cacheEntry)
    entry.value, entry.added = value, time.Now()
    lru.order.MoveToFront(el)
    if lru.order.Len() > lru.maxSize {
        oldest := lru.order.Back()
        lru.order.Remove(oldest)
        delete(lru.entries, oldest.Value.(*cacheEntry).key)
    }
}
'''
CAYLEY_PANIC = r'''package mongo

import (
	"runtime/debug"

	"github.com/cayleygraph/cayley/clog"
)

// logPanic is deferred by the backend's background goroutines: a panic there is logged with its stack and the
// goroutine ends, instead of the whole process.
func logPanic(what string) {
	if r := recover(); r != nil {
		clog.Errorf("%s panicked: %v\n%s", what, r, debug.Stack())
	}
}
'''
cases_of(case, GH + 'cayleygraph/cayley/pull/380', 'graph/mongo/lru.go',
         G('mongo', ['container/list', 'sync', 'time'])(CAYLEY), [
             (1, 'go-00-cayley-value-cache-put-without-lock',
              'an edit drops the lock from Put, so concurrent queries write the shared map at once', 'edit'),
             (2, 'go-00-cayley-value-cache-expiry-started-bare',
              'an edit starts the expiry loop of the cache without the recovering wrapper', 'edit'),
             (0, 'go-ok-00-cayley-value-cache-locked-and-guarded',
              'clean: Put under the mutex, expiry goroutine guarded by a recovering helper in a second file', 'fix'),
         ], extra=[f('graph/mongo/panic.go', new=CAYLEY_PANIC)])


# ---------------------------------------------------------------- LOG-01 / LOG-02: counter flush (gostats)
GOSTATS = r'''
// flushCounters sends every counter that changed since the last flush to the sink; it runs once per flush
// interval over every counter of the process.
func (s *statStore) flushCounters() {
    sent, unchanged := 0, 0
    s.counters.Range(func(key, v any) bool {
        name, c := key.(string), v.(*counter)
        value := c.latch()
        if value == 0 {
            unchanged++
2|            logger.Debug(fmt.Sprintf("counter %s unchanged since %v, not flushed", name, c.lastFlush)) //@LOG-02|LOG-01
            return true
        }
        s.sink.FlushCounter(name, value)
1|        logger.Infof("flushed counter %s value=%d", name, value) //@LOG-01
        sent++
        return true
    })
    logger.WithFields(logrus.Fields{"sent": sent, "unchanged": unchanged}).Debug("counters flushed")
}
'''
cases_of(case, GH + 'lyft/gostats/pull/167', 'stats.go',
         G('stats', ['fmt', '', 'github.com/sirupsen/logrus'])(GOSTATS), [
             (1, 'go-00-gostats-logs-every-flushed-counter',
              'a new flush logs one info line per counter on every flush', 'new'),
             (2, 'go-00-gostats-formats-debug-line-per-unchanged-counter',
              'an edit formats a debug line with Sprintf for every unchanged counter of every flush', 'edit'),
             (0, 'go-ok-00-gostats-one-summary-line-per-flush',
              'clean: one structured summary line per flush', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / TMO-02: outbound peer dial (tchannel-go)
TCHANNEL = r'''
// dialPeer opens a new connection to hostPort for an outbound call that found no idle connection to reuse.
func (ch *Channel) dialPeer(ctx context.Context, hostPort string) (*Connection, error) {
02|    timeout := ch.connectTimeout
02|    if deadline, ok := ctx.Deadline(); ok {
02|        if left := time.Until(deadline); left < timeout {
02|            timeout = left
02|        }
02|    }
02|    d := net.Dialer{Timeout: timeout, KeepAlive: ch.keepAlive}
0|    conn, err := d.DialContext(ctx, "tcp", hostPort)
1|    conn, err := net.Dial("tcp", hostPort) //@TMO-01
2|    conn, err := d.DialContext(context.Background(), "tcp", hostPort) //@TMO-02
    if err != nil {
        ch.log.WithFields(LogField{"hostPort", hostPort}).Infof("outbound dial failed: %v", err)
        return nil, fmt.Errorf("dial %s: %w", hostPort, err)
    }
    c, err := ch.newOutboundConnection(ctx, conn, hostPort)
    if err != nil {
        conn.Close() // never handed out: nobody else would close it
        return nil, err
    }
    return c, nil
}
'''
cases_of(case, GH + 'uber/tchannel-go/pull/198', 'dial_peer.go',
         G('tchannel', ['context', 'fmt', 'net', 'time'])(TCHANNEL), [
             (1, 'go-00-tchannel-peer-dial-without-timeout',
              'a new dial helper connects with net.Dial: no connect timeout and no caller deadline', 'new'),
             (2, 'go-00-tchannel-peer-dial-drops-call-context',
              'a new dial helper computes the timeout but dials on a background context', 'new'),
             (0, 'go-ok-00-tchannel-peer-dial-bounded-by-call',
              'clean: dialer timeout bounded by the call deadline, the call context passed on', 'new'),
         ])


# ---------------------------------------------------------------- TX-02 / ERR-01: pgx transaction wrapper (bob)
BOB = r'''
// Tx wraps a pgx transaction for bob's executor interface.
type Tx struct {
    tx pgx.Tx
}

// Commit commits the transaction. A transaction the context already closed is an error for the caller: nothing
// was written.
func (t Tx) Commit(ctx context.Context) error {
02|    if err := t.tx.Commit(ctx); err != nil {
1|    if err := t.tx.Commit(ctx); err != nil && !errors.Is(err, pgx.ErrTxClosed) { //@TX-02
        return fmt.Errorf("commit: %w", err)
    }
    return nil
}

// Rollback rolls the transaction back. After Commit it is a no-op, so callers defer it right after Begin.
func (t Tx) Rollback(ctx context.Context) error {
01|    err := t.tx.Rollback(ctx)
01|    if errors.Is(err, pgx.ErrTxClosed) {
01|        return nil
01|    }
01|    return err
2|    _ = t.tx.Rollback(ctx) //@ERR-01
2|    return nil
}
'''
cases_of(case, GH + 'stephenafamo/bob/pull/661', 'drivers/pgx/tx.go',
         G('pgx', ['context', 'errors', 'fmt', '', 'github.com/jackc/pgx/v5'])(BOB), [
             (1, 'go-00-bob-pgx-commit-swallows-closed-transaction',
              'a new wrapper reports success when Commit finds the transaction already closed', 'new'),
             (2, 'go-00-bob-pgx-rollback-error-discarded',
              'an edit makes Rollback discard every rollback error', 'edit'),
             (0, 'go-ok-00-bob-pgx-commit-and-rollback-errors-returned',
              'clean: commit errors returned, only ErrTxClosed ignored by Rollback', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-06 / CONC-01: replication listener (wal-listener)
WAL = r'''
// Process runs the replication stream reader and the publisher until one of them fails or ctx ends.
func (l *Listener) Process(ctx context.Context) error {
    if err := l.slotIsActive(ctx); err != nil {
        return fmt.Errorf("check replication slot %s: %w", l.cfg.SlotName, err)
    }
    group, gctx := errgroup.WithContext(ctx)
    group.Go(func() error { return l.stream(gctx) })
    group.Go(func() error { return l.publishLoop(gctx) })
01|    group.Go(func() error { return l.sendStandbyStatusLoop(gctx) })
2|    go l.sendStandbyStatusLoop(gctx) //@CONC-01
02|    if err := group.Wait(); err != nil {
02|        return fmt.Errorf("listener stopped: %w", err)
02|    }
02|    return nil
1|    group.Wait() //@CONC-06
1|    return nil
}
'''
WAL_MOCK = r'''package listener

import (
	context "context"

	pgconn "github.com/jackc/pgx/v5/pgconn"
	mock "github.com/stretchr/testify/mock"
)

// MockReplicationConn is a mock type for the replicationConn type
type MockReplicationConn struct {
	mock.Mock
}

// SendStandbyStatusUpdate provides a mock function with given fields: ctx, lsn
func (_m *MockReplicationConn) SendStandbyStatusUpdate(ctx context.Context, lsn uint64) error {
	ret := _m.Called(ctx, lsn)
	var r0 error
	if rf, ok := ret.Get(0).(func(context.Context, uint64) error); ok {
		r0 = rf(ctx, lsn)
	} else {
		r0 = ret.Error(0)
	}
	return r0
}

// ReceiveMessage provides a mock function with given fields: ctx
func (_m *MockReplicationConn) ReceiveMessage(ctx context.Context) (pgconn.BackendMessage, error) {
	ret := _m.Called(ctx)
	var r0 pgconn.BackendMessage
	if rf, ok := ret.Get(0).(func(context.Context) pgconn.BackendMessage); ok {
		r0 = rf(ctx)
	} else if ret.Get(0) != nil {
		r0 = ret.Get(0).(pgconn.BackendMessage)
	}
	return r0, ret.Error(1)
}
'''
cases_of(case, GH + 'ihippik/wal-listener/pull/53', 'listener/listener_process.go',
         G('listener', ['context', 'fmt', '', 'golang.org/x/sync/errgroup'])(WAL), [
             (1, 'go-00-wal-listener-group-wait-result-dropped',
              'an edit ignores what the errgroup returns, so a failed stream or publisher looks like a clean stop',
              'edit'),
             (2, 'go-00-wal-listener-standby-status-loop-started-bare',
              'an edit moves the standby-status loop out of the group into a bare goroutine', 'edit'),
             (0, 'go-ok-00-wal-listener-group-owns-every-loop',
              'clean: every loop in the errgroup and its error returned; a regenerated mock beside it', 'fix',
              [f('listener/mock_replication_conn.go', new=GO_GENERATED.replace('store.go', 'listener.go') + WAL_MOCK)]),
         ])


# ---------------------------------------------------------------- TMO-02 / TMO-03: entity collection handler (go-odata)
ODATA = r'''
// handleCollection answers GET /{entitySet} with the page of entities the query options select.
func (h *EntityHandler) handleCollection(w http.ResponseWriter, r *http.Request) {
    opts, err := parseQueryOptions(r.URL.Query(), h.metadata)
    if err != nil {
        writeODataError(w, http.StatusBadRequest, "invalid query options", err)
        return
    }
0|    ctx, cancel := context.WithTimeout(r.Context(), h.queryTimeout)
0|    defer cancel()
0|    db := applyQueryOptions(h.db.WithContext(ctx), opts)
1|    db := applyQueryOptions(h.db.WithContext(context.Background()), opts) //@TMO-02
2|    ctx, _ := context.WithTimeout(r.Context(), h.queryTimeout) //@TMO-03
2|    db := applyQueryOptions(h.db.WithContext(ctx), opts)
    rows := reflect.New(reflect.SliceOf(h.metadata.EntityType)).Interface()
    if err := db.Find(rows).Error; err != nil {
        writeODataError(w, http.StatusInternalServerError, "query "+h.metadata.EntitySetName, err)
        return
    }
    writeCollection(w, r, h.metadata, rows, opts)
}
'''
ODATA_OLD = r'''
// handleCollection answers GET /{entitySet} with the page of entities the query options select.
func (h *EntityHandler) handleCollection(w http.ResponseWriter, r *http.Request) {
    opts, err := parseQueryOptions(r.URL.Query(), h.metadata)
    if err != nil {
        writeODataError(w, http.StatusBadRequest, "invalid query options", err)
        return
    }
    ctx, cancel := context.WithTimeout(r.Context(), h.queryTimeout)
    defer cancel()
    db := applyQueryOptions(h.db.WithContext(ctx), opts)
    rows := reflect.New(reflect.SliceOf(h.metadata.EntityType)).Interface()
    if err := db.Find(rows).Error; err != nil {
        writeODataError(w, http.StatusInternalServerError, "query "+h.metadata.EntitySetName, err)
        return
    }
    writeCollection(w, r, h.metadata, rows, opts)
}
'''
ODATA_IMPORTS = ['context', 'net/http', 'reflect']
cases_of(case, GH + 'NLstn/go-odata/pull/238', 'internal/handlers/collection_read.go',
         G('handlers', ODATA_IMPORTS)(ODATA), [
             (1, 'go-00-go-odata-collection-read-on-background-context',
              'a file moved into the handlers package and its query put on a background context', 'rename'),
             (2, 'go-00-go-odata-collection-query-timeout-cancel-discarded',
              'an edit keeps the query timeout but discards its cancel function', 'edit'),
             (0, 'go-ok-00-go-odata-collection-query-bounded-by-request',
              'clean: query context derived from the request, cancelled on return', 'fix'),
         ], rename_from='handlers_collection.go',
         rename_old=lambda text: text.replace('package handlers', 'package odata'))


# ---------------------------------------------------------------- TMO-02 / RES-01: full-text search of specs (3gpp-mcp)
SPECS = r'''
const searchSQL = `SELECT spec, number, title, snippet(sections_fts, 2, '[', ']', '...', 12), rank
    FROM sections_fts WHERE sections_fts MATCH ? ORDER BY rank LIMIT ?`

// Search returns the spec sections whose text matches query, best first.
func (d *DB) Search(ctx context.Context, query string, limit int) ([]Section, error) {
0|    rows, err := d.conn.QueryContext(ctx, searchSQL, query, limit)
1|    rows, err := d.conn.Query(searchSQL, query, limit) //@TMO-02
2|    rows, err := d.conn.QueryContext(ctx, searchSQL, query, limit) //@RES-01
    if err != nil {
01|        return nil, fmt.Errorf("search %q: %w", query, err)
2|        return nil, fmt.Errorf("search sections for %q: %w", query, err)
    }
01|    defer rows.Close()
    var out []Section
    for rows.Next() {
        var s Section
        if err := rows.Scan(&s.Spec, &s.Number, &s.Title, &s.Snippet, &s.Rank); err != nil {
            return nil, fmt.Errorf("scan search hit: %w", err)
        }
        out = append(out, s)
    }
2|    rows.Close()
    return out, rows.Err()
}
'''
cases_of(case, GH + 'higebu/3gpp-mcp/issues/106', 'db/search.go',
         G('db', ['context', 'fmt'])(SPECS), [
             (1, 'go-00-3gpp-mcp-search-ignores-caller-context',
              'a new search runs the search with Query, so a cancelled tool call keeps the FTS query running', 'new'),
             (2, 'go-00-3gpp-mcp-search-rows-closed-by-hand',
              'an edit closes the rows by hand at the end; a scan error returns with them open', 'edit'),
             (0, 'go-ok-00-3gpp-mcp-search-context-and-deferred-close',
              'clean: QueryContext with the caller context, rows closed by a defer', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / CONC-01: metric dispatch (gostatsd)
GOSTATSD = r'''
// DispatchMetrics hands each metric to the backend worker of its shard and waits for all of them.
func (d *DispatchingHandler) DispatchMetrics(ctx context.Context, metrics []*Metric) {
    var wg sync.WaitGroup
    for _, m := range metrics {
        w := d.workers[m.Bucket()%uint64(len(d.workers))]
02|        select {
02|        case d.inflight <- struct{}{}: // at most cap(d.inflight) dispatches at once
02|        case <-ctx.Done():
02|            wg.Wait()
02|            return
02|        }
        wg.Add(1)
        go func(m *Metric) { //@{1}CONC-02 //@{2}CONC-01
            defer wg.Done()
02|            defer func() { <-d.inflight }()
01|            defer d.recoverDispatch(m)
            w.Dispatch(ctx, m)
        }(m)
    }
    wg.Wait()
}
'''
cases_of(case, GH + 'atlassian/gostatsd/pull/48', 'dispatcher.go',
         G('gostatsd', ['context', 'sync'])(GOSTATSD), [
             (1, 'go-00-gostatsd-dispatch-goroutine-per-metric',
              'a new dispatcher starts one goroutine per metric with no limit on how many run', 'new'),
             (2, 'go-00-gostatsd-dispatch-goroutine-without-recover',
              'an edit drops the recovering defer from the bounded dispatch goroutines', 'edit'),
             (0, 'go-ok-00-gostatsd-dispatch-bounded-and-recovering',
              'clean: dispatch bounded by a semaphore channel, each goroutine recovers', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / CONC-02: per-user sync loop (spotter)
SPOTTER = r'''
// runSyncLoop refreshes every active user's listening history once per interval until ctx ends.
func (s *Scheduler) runSyncLoop(ctx context.Context) {
    for {
        users, err := s.store.ActiveUsers(ctx)
        if err != nil {
            s.log.Error("list active users", "err", err)
        }
        var wg sync.WaitGroup
        for _, u := range users {
01|            if err := s.sem.Acquire(ctx, 1); err != nil {
01|                break // ctx ended
01|            }
            wg.Add(1)
            go func(u User) { //@{2}CONC-02
                defer wg.Done()
01|                defer s.sem.Release(1)
                defer s.recoverUser("history-sync", u.ID)
                if err := s.syncHistory(ctx, u); err != nil {
                    s.log.Warn("history sync failed", "user_id", u.ID, "err", err)
                }
            }(u)
        }
        wg.Wait()
02|        select {
02|        case <-ctx.Done():
02|            return
02|        case <-time.After(s.interval):
02|        }
1|        time.Sleep(s.interval) //@CONC-05
    }
}
'''
cases_of(case, GH + 'joestump/spotter/issues/52', 'internal/scheduler/history_sync.go',
         G('scheduler', ['context', 'sync', 'time'])(SPOTTER), [
             (1, 'go-00-spotter-sync-loop-sleeps-through-shutdown',
              'a new sync loop waits with time.Sleep and never looks at ctx between rounds', 'new'),
             (2, 'go-00-spotter-sync-loop-goroutine-per-user',
              'a new sync loop starts one goroutine per active user with no semaphore', 'new'),
             (0, 'go-ok-00-spotter-sync-loop-bounded-and-cancellable',
              'clean: a weighted semaphore bounds the users in flight, the wait selects on ctx', 'new'),
         ])


# ---------------------------------------------------------------- CONC-07 / CONC-05: header syncer (acorus)
ACORUS = r'''
// Start runs the header syncer until ctx ends: one batch of headers per tick.
func (s *Syncer) Start(ctx context.Context) {
    ticker := time.NewTicker(s.interval)
    defer ticker.Stop()
    for {
        select {
        case <-ctx.Done():
            return
        case <-ticker.C:
        }
02|        if err := s.syncBatchGuarded(ctx); err != nil {
02|            s.failures.Inc()
02|            log.Warn("header batch failed, retrying next tick", "chain", s.chainID, "err", err)
02|        }
1|        if err := s.syncBatchGuarded(ctx); err != nil {
1|            log.Error("header batch failed", "chain", s.chainID, "err", err)
1|            return //@CONC-07
1|        }
    }
}

// fetchWithRetry asks the node for headers from `from` on, retrying transient failures with a growing pause.
func (s *Syncer) fetchWithRetry(ctx context.Context, from uint64) ([]*types.Header, error) {
    pause := s.retryPause
    for attempt := 1; ; attempt++ {
        headers, err := s.client.HeadersFrom(ctx, from, s.batchSize)
        if err == nil || attempt == s.maxAttempts {
            return headers, err
        }
01|        select {
01|        case <-ctx.Done():
01|            return nil, ctx.Err()
01|        case <-time.After(pause):
01|        }
2|        time.Sleep(pause) //@CONC-05
        pause *= 2
    }
}
'''
cases_of(case, GH + 'eniac-x-labs/acorus/pull/54', 'synchronizer/syncer.go',
         G('synchronizer', ['context', 'time', '', 'github.com/ethereum/go-ethereum/core/types',
                            'github.com/ethereum/go-ethereum/log'])(ACORUS), [
             (1, 'go-00-acorus-syncer-stops-on-first-failed-batch',
              'a new syncer returns from its ticker loop when one batch fails, ending it for good', 'new'),
             (2, 'go-00-acorus-header-retry-sleeps-through-cancel',
              'a new syncer pauses between retries with time.Sleep, deaf to cancellation', 'new'),
             (0, 'go-ok-00-acorus-syncer-logs-and-keeps-ticking',
              'clean (a new file): a failed batch is counted and logged, the loop ends only with ctx', 'new'),
         ])


# ---------------------------------------------------------------- ERR-01 / TX-01: batch executor (sensu-go)
SENSU = r'''
// Execute runs every statement of the batch in one transaction and reports the first failure.
func (e *SyncExecutor) Execute(ctx context.Context, batch []Statement) error {
    tx, err := e.db.BeginTx(ctx, nil) //@{2}TX-01
    if err != nil {
01|        return fmt.Errorf("begin batch: %w", err)
2|        return fmt.Errorf("begin statement batch: %w", err)
    }
01|    defer func() { _ = tx.Rollback() }() // after Commit this only reports sql.ErrTxDone
    for _, st := range batch {
        if _, err := tx.ExecContext(ctx, st.SQL, st.Args...); err != nil {
            return fmt.Errorf("%s: %w", st.Name, err)
        }
    }
02|    if err := tx.Commit(); err != nil {
02|        return fmt.Errorf("commit batch of %d statements: %w", len(batch), err)
02|    }
1|    if err := tx.Commit(); err != nil && ctx.Err() == nil { //@ERR-01|TX-02
1|        return fmt.Errorf("commit batch of %d statements: %w", len(batch), err)
1|    }
    return nil
}
'''
cases_of(case, GH + 'sensu/sensu-go/pull/4959', 'backend/store/postgres/sync_executor.go',
         G('postgres', ['context', 'fmt'])(SENSU), [
             (1, 'go-00-sensu-batch-commit-error-ignored-after-cancel',
              'a new executor ignores the commit error whenever the context has ended, so a lost batch reports success',
              'new'),
             (2, 'go-00-sensu-batch-without-rollback',
              'an edit drops the deferred rollback; a failed statement leaves the transaction open', 'edit'),
             (0, 'go-ok-00-sensu-batch-rollback-deferred-commit-checked',
              'clean: deferred rollback with its reason, every commit error returned', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / ERR-01: events API client (go-pagerduty)
PAGERDUTY = r'''
// CreateEvent sends one event to the Events API v2 and returns the dedup key the API assigned.
func (c *Client) CreateEvent(ctx context.Context, e V2Event) (*V2EventResponse, error) {
    data, err := json.Marshal(e)
    if err != nil {
        return nil, fmt.Errorf("encode event: %w", err)
    }
    req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.eventsURL, bytes.NewReader(data))
    if err != nil {
        return nil, fmt.Errorf("build event request: %w", err)
    }
    req.Header.Set("Content-Type", "application/json")
    resp, err := c.HTTPClient.Do(req) //@{1}RES-02
    if err != nil {
        return nil, fmt.Errorf("post event: %w", err)
    }
02|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusAccepted {
        return nil, fmt.Errorf("events API answered %s", resp.Status)
    }
    var out V2EventResponse
01|    if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
01|        return nil, fmt.Errorf("decode event response: %w", err)
01|    }
2|    _ = json.NewDecoder(resp.Body).Decode(&out) //@ERR-01
    return &out, nil
}
'''
cases_of(case, GH + 'PagerDuty/go-pagerduty/pull/65', 'event_v2_client.go',
         G('pagerduty', ['bytes', 'context', 'encoding/json', 'fmt', 'net/http'])(PAGERDUTY), [
             (1, 'go-00-pagerduty-event-response-never-closed',
              'a new event client never closes the response body, on success or on an error status', 'new'),
             (2, 'go-00-pagerduty-event-decode-error-discarded',
              'a new event client discards the decode error and returns an empty dedup key as success', 'new'),
             (0, 'go-ok-00-pagerduty-event-body-closed-decode-checked',
              'clean: body closed after the error check, decode error returned', 'new'),
         ])


# ---------------------------------------------------------------- RES-04 / RES-02: health checks (health-go)
HEALTH = r'''
// CheckFunc reports the health of one dependency; nil means healthy.
type CheckFunc func(ctx context.Context) error

// Postgres returns a check that pings the database with a deadline.
1|func Postgres(dsn string, timeout time.Duration) CheckFunc {
02|func Postgres(db *sql.DB, timeout time.Duration) CheckFunc { // db is the service's own pool, opened in main
    return func(ctx context.Context) error {
1|        db, err := sql.Open("pgx", dsn) //@RES-04
1|        if err != nil {
1|            return fmt.Errorf("postgres check: open: %w", err)
1|        }
        ctx, cancel := context.WithTimeout(ctx, timeout)
        defer cancel()
        if err := db.PingContext(ctx); err != nil {
            return fmt.Errorf("postgres check: ping: %w", err)
        }
        return nil
    }
}

// HTTP returns a check that GETs url with the service's client and wants an answer below 400.
func HTTP(client *http.Client, url string) CheckFunc {
    return func(ctx context.Context) error {
        req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
        if err != nil {
            return fmt.Errorf("http check: request: %w", err)
        }
        res, err := client.Do(req) //@{2}RES-02
        if err != nil {
01|            return fmt.Errorf("http check %s: %w", url, err)
2|            return fmt.Errorf("http check of %s: %w", url, err)
        }
01|        defer res.Body.Close()
        if res.StatusCode >= http.StatusBadRequest {
            return fmt.Errorf("http check %s: status %d", url, res.StatusCode)
        }
        return nil
    }
}
'''
HEALTH_TEST = r'''package checks

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

func TestHTTPCheckReportsAServerError(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusServiceUnavailable)
	}))
	defer srv.Close()
	check := HTTP(&http.Client{Timeout: time.Second}, srv.URL)
	if err := check(context.Background()); err == nil {
		t.Fatal("a 503 answer passed the check")
	}
}
'''
cases_of(case, GH + 'hellofresh/health-go/pull/242', 'checks/checks.go',
         G('checks', ['context', 'database/sql', 'fmt', 'net/http', 'time'])(HEALTH), [
             (1, 'go-00-health-go-postgres-check-opens-pool-per-run',
              'an edit makes the postgres check open a new pool from the DSN on every run, never closed', 'edit'),
             (2, 'go-00-health-go-http-check-body-left-open',
              'an edit drops the close of the http check response', 'edit'),
             (0, 'go-ok-00-health-go-checks-share-pools-close-bodies',
              'clean: the check pings the service pool, the http check closes its response', 'fix'),
         ], extra=[f('checks/checks_test.go', new=HEALTH_TEST)])


# ---------------------------------------------------------------- LOG-01 / LOG-02: user cache refresh (upspin)
UPSPIN = r'''
// refreshCache re-reads every cached user from storage; it runs every few minutes over the whole cache.
func (c *userCache) refreshCache(ctx context.Context) {
    changed, failed := 0, 0
    for name, entry := range c.snapshot() {
        u, err := c.storage.Fetch(ctx, name)
        if err != nil {
            failed++
02|            if failed <= 3 {
02|                c.log.Warn().Str("user", string(name)).Err(err).Msg("refresh of cached user failed")
02|            }
1|            c.log.Warn().Str("user", string(name)).Err(err).Msg("refresh of cached user failed") //@LOG-01
            continue
        }
        if !u.Equal(entry.user) {
            changed++
2|            c.log.Debug().Msg(fmt.Sprintf("user %s changed: %+v -> %+v", name, entry.user, u)) //@LOG-02|LOG-01
        }
        c.store(name, u)
    }
    c.log.Info().Int("changed", changed).Int("failed", failed).Msg("user cache refreshed")
}
'''
cases_of(case, GH + 'upspin/upspin/issues/180', 'key/server/cache_refresh.go',
         G('server', ['context', 'fmt'])(UPSPIN), [
             (1, 'go-00-upspin-cache-refresh-warns-per-failed-user',
              'a new refresh logs a warning for every user whose fetch fails, with no cap', 'new'),
             (2, 'go-00-upspin-cache-refresh-formats-every-change',
              'an edit adds a debug line built with Sprintf and %+v for every changed user', 'edit'),
             (0, 'go-ok-00-upspin-cache-refresh-first-failures-and-summary',
              'clean: the first three failures logged, then one summary line', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / TX-01: bundle listing (opa-control-plane)
OPACP = r'''
// ListBundles returns the bundles the principal may read, with their sources, from one read-only snapshot.
func (d *Database) ListBundles(ctx context.Context, principal string) ([]*config.Bundle, error) {
    tx, err := d.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true}) //@{2}TX-01
    if err != nil {
01|        return nil, fmt.Errorf("begin read of bundles: %w", err)
2|        return nil, fmt.Errorf("begin read-only transaction for bundles of %s: %w", principal, err)
    }
01|    defer tx.Rollback() //nolint:errcheck // read-only snapshot: nothing to keep or report
0|    rows, err := tx.QueryContext(ctx, listBundlesSQL, principal)
1|    rows, err := tx.Query(listBundlesSQL, principal) //@TMO-02
2|    rows, err := tx.QueryContext(ctx, listBundlesSQL, principal)
    if err != nil {
        return nil, fmt.Errorf("list bundles: %w", err)
    }
    defer rows.Close()
    var bundles []*config.Bundle
    for rows.Next() {
        b := &config.Bundle{}
        if err := rows.Scan(&b.Name, &b.Labels, &b.ObjectStorage); err != nil {
            return nil, fmt.Errorf("scan bundle: %w", err)
        }
        bundles = append(bundles, b)
    }
    if err := rows.Err(); err != nil {
        return nil, fmt.Errorf("list bundles: %w", err)
    }
    return bundles, nil
}
'''
cases_of(case, GH + 'open-policy-agent/opa-control-plane/pull/405', 'internal/database/bundles.go',
         G('database', ['context', 'database/sql', 'fmt', '',
                        'github.com/open-policy-agent/opa-control-plane/internal/config'])(OPACP), [
             (1, 'go-00-opa-control-plane-bundles-query-without-context',
              'an edit runs the listing with tx.Query, detached from the caller', 'edit'),
             (2, 'go-00-opa-control-plane-read-transaction-never-ended',
              'an edit drops the deferred rollback of the read-only transaction', 'edit'),
             (0, 'go-ok-00-opa-control-plane-bundles-context-and-rollback',
              'clean: QueryContext with the caller context, read-only transaction rolled back on return', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / ERR-01: discovery publisher, CRLF (trento)
TRENTO = r'''
// Publish sends one discovery result to the collector and records the id of the collector's acknowledgement.
func (c *Collector) Publish(ctx context.Context, discovery string, payload any) error {
    body, err := json.Marshal(payload)
    if err != nil {
        return fmt.Errorf("encode %s discovery: %w", discovery, err)
    }
02|    req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.endpoint+"/api/collect", bytes.NewReader(body))
02|    if err != nil {
02|        return fmt.Errorf("build %s request: %w", discovery, err)
02|    }
02|    req.Header.Set("Content-Type", "application/json")
02|    resp, err := c.httpClient.Do(req) // client built once with timeouts and the agent's TLS config
1|    resp, err := http.Post(c.endpoint+"/api/collect", "application/json", bytes.NewReader(body)) //@TMO-01
    if err != nil {
        return fmt.Errorf("publish %s discovery: %w", discovery, err)
    }
    defer resp.Body.Close()
    if resp.StatusCode != http.StatusAccepted {
        return fmt.Errorf("collector answered %d for %s discovery", resp.StatusCode, discovery)
    }
    var ack collectAck
01|    if err := json.NewDecoder(resp.Body).Decode(&ack); err != nil {
01|        return fmt.Errorf("decode acknowledgement of %s discovery: %w", discovery, err)
01|    }
2|    _ = json.NewDecoder(resp.Body).Decode(&ack) //@ERR-01
    c.lastAck[discovery] = ack.ID
    return nil
}
'''
cases_of(case, GH + 'trento-project/trento/pull/870', 'agent/discovery/collector/publish.go',
         G('collector', ['bytes', 'context', 'encoding/json', 'fmt', 'net/http'])(TRENTO), [
             (1, 'go-00-trento-publish-through-default-client',
              'an edit (CRLF file) posts discoveries with http.Post: default client, no timeout, no context', 'edit'),
             (2, 'go-00-trento-publish-ack-decode-error-discarded',
              'an edit (CRLF file) discards the acknowledgement decode error and records an empty id', 'edit'),
             (0, 'go-ok-00-trento-publish-shared-client-ack-checked',
              'clean (CRLF file): shared client with timeouts and the caller context, decode error returned', 'fix'),
         ], crlf=True)
