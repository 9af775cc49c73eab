"""Round-130 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- TMO-02 / CONC-01: store-gateway label fan-out of a metrics database (grafana/mimir)
MIMIRLABELS = template('mimir-store-gateway-label-names', r'''
// labelNamesResult is what one store-gateway answered for the blocks it owns.
type labelNamesResult struct {
    instance string
    names    []string
    err      error
}

// fetchLabelNames asks every store-gateway client for the label names of its blocks and merges the answers. The
// caller's context bounds the whole fan-out: once it is done, or one store-gateway fails, the merge returns and the
// remaining goroutines must still be able to finish.
func (q *blocksStoreQuerier) fetchLabelNames(ctx context.Context, clients []BlocksStoreClient, req *storepb.LabelNamesRequest) ([]string, error) {
    results := make(chan labelNamesResult)
    for _, c := range clients {
        go func(c BlocksStoreClient) { //@{2}CONC-01
            res := labelNamesResult{instance: c.RemoteAddress()}
            defer sendLabelNamesResult(ctx, results, &res)
01|            defer func() {
01|                if r := recover(); r != nil {
01|                    res.err = fmt.Errorf("store-gateway %s: panic while fetching label names: %v", res.instance, r)
01|                }
01|            }()
            resp, err := c.LabelNames(ctx, req)
            if err != nil {
                res.err = err
                return
            }
            res.names = resp.Names
        }(c)
    }

    merged := map[string]struct{}{}
    for range clients {
        select {
        case res := <-results:
            if res.err != nil {
                return nil, errors.Wrapf(res.err, "failed to fetch label names from %s", res.instance)
            }
            for _, name := range res.names {
                merged[name] = struct{}{}
            }
        case <-ctx.Done():
            return nil, ctx.Err()
        }
    }

    names := make([]string, 0, len(merged))
    for name := range merged {
        names = append(names, name)
    }
    sort.Strings(names)
    return names, nil
}

// sendLabelNamesResult hands one answer to the merge, unless the merge has already returned.
func sendLabelNamesResult(ctx context.Context, results chan<- labelNamesResult, res *labelNamesResult) {
02|    select {
02|    case results <- *res:
02|    case <-ctx.Done():
02|    }
1|    results <- *res //@TMO-02
}
''')
_MIMIR = ['context', 'fmt', 'sort', '', 'github.com/pkg/errors', '',
          'github.com/grafana/mimir/pkg/storegateway/storepb']
cases_of(case, GH + 'grafana/mimir/pull/6615', 'pkg/querier/blocks_store_label_names.go',
         G('querier', _MIMIR)(MIMIRLABELS), [
             (1, 'go-00-mimir-label-names-send-ignores-cancelled-query',
              'an edit sends each store-gateway answer on the unbuffered channel without watching the query\'s '
              'context, so after the merge returns early every remaining goroutine blocks for ever', 'edit'),
             (2, 'go-00-mimir-label-names-goroutine-without-recover',
              'an edit drops the recover of the per-store-gateway goroutine, so a panic while decoding one answer '
              'takes the querier down', 'edit'),
             (0, 'go-ok-00-mimir-label-names-send-watches-context',
              'clean: the fix hands each answer over in a select on the query\'s context', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / TMO-03: pooled query lease of a time-series database client (questdb go client)
QDBQUERY = template('questdb-go-query-lease-close', r'''
// qwpQueryCleanupDrainTimeout bounds how long Close waits for the server's terminal frame after a cancel.
const qwpQueryCleanupDrainTimeout = 5 * time.Second

// Query is a lease on one pooled query worker. Close hands the worker back: a worker whose stream did not reach the
// terminal frame is evicted, because the next borrower would otherwise read this query's leftover events.
type Query struct {
    worker *queryWorker
    active *queryStream
    closed atomic.Bool
}

// Close cancels the running query, drains the server's events up to the terminal frame and returns the worker.
func (q *Query) Close() error {
    if !q.closed.CompareAndSwap(false, true) {
        return nil
    }
    w := q.worker
    q.worker = nil

01|    cleanupCtx, cancel := context.WithTimeout(context.Background(), qwpQueryCleanupDrainTimeout)
01|    defer cancel()
2|    cleanupCtx, _ := context.WithTimeout(context.Background(), qwpQueryCleanupDrainTimeout) //@TMO-03
    if q.active != nil {
        q.active.sendCancel()
02|        if err := w.drainUntilTerminal(cleanupCtx); err != nil {
02|            w.pool.evict(w, fmt.Errorf("qwp query: drain after cancel: %w", err))
02|            return err
02|        }
1|        _ = w.drainUntilTerminal(cleanupCtx) //@ERR-01
        q.active = nil
    }
    if err := w.terminalError(); err != nil {
        w.pool.evict(w, err)
        return err
    }
    w.pool.release(w)
    return nil
}

// drainUntilTerminal reads and discards events until the server's terminal frame or the context's end.
func (w *queryWorker) drainUntilTerminal(ctx context.Context) error {
    for {
        ev, err := w.conn.readEvent(ctx)
        if err != nil {
            w.setIoErr(err)
            return err
        }
        if ev.terminal() {
            return nil
        }
    }
}
''')
QDBQUERYTEST = r'''
func TestQueryCloseEvictsWorkerWhenDrainTimesOut(t *testing.T) {
    pool := newTestWorkerPool(t, 1)
    w := pool.borrow()
    w.conn = &stallingConn{}
    q := &Query{worker: w, active: &queryStream{worker: w}}

    if err := q.Close(); err == nil {
        t.Fatal("expected Close to report the unfinished drain")
    }
    if got := pool.idle(); got != 0 {
        t.Fatalf("idle workers after a failed drain: got %d, want 0", got)
    }
    if got := pool.evictions(); got != 1 {
        t.Fatalf("evictions: got %d, want 1", got)
    }
}
'''
_QDB = ['context', 'fmt', 'sync/atomic', 'time']
cases_of(case, GH + 'questdb/go-questdb-client/pull/64', 'qwp_query.go',
         G('questdb', _QDB)(QDBQUERY), [
             (1, 'go-00-questdb-query-close-drain-error-discarded',
              'an edit discards the outcome of the drain after a cancel and recycles the worker, so a slow server\'s '
              'leftover events reach the next borrower', 'edit'),
             (2, 'go-00-questdb-query-close-cleanup-cancel-dropped',
              'an edit discards the cancel of the cleanup drain\'s timeout context', 'edit'),
             (0, 'go-ok-00-questdb-query-close-evicts-on-drain-error',
              'clean: the fix evicts a worker whose drain failed, with a test beside it', 'fix',
              [f('qwp_query_close_test.go', new=go('questdb', ['testing'], QDBQUERYTEST))]),
         ])


# ---------------------------------------------------------------- CONC-03 / LOG-01: aggregator match cache of a graphite relay (carbon-relay-ng), CRLF file
RELAYAGG = template('carbon-relay-ng-aggregator-match-cache', r'''
// cacheEntry remembers whether a metric name matched the aggregator's expression and when it was last seen.
type cacheEntry struct {
    match bool
    key   string
    seen  uint32
}

// Aggregator buckets matching metrics by output key and flushes one aggregated point per bucket and interval.
type Aggregator struct {
    Key      string
    Regex    string
    regex    *regexp.Regexp
    outFmt   []byte
    in       chan msg
    cacheTTL uint32

    cacheMu    sync.Mutex
    matchCache map[string]cacheEntry
}

// AddMaybe feeds the metric to the aggregator if its name matches. The table routes every incoming metric through
// every aggregator, so the answer per name is cached; the cleaner goroutine expires the cache concurrently.
func (a *Aggregator) AddMaybe(buf [][]byte, val float64, ts uint32) bool {
    name := string(buf[0])
02|    a.cacheMu.Lock()
    entry, ok := a.matchCache[name] //@{1}CONC-03
02|    a.cacheMu.Unlock()
    if !ok {
        entry = a.match(name)
    }
    entry.seen = ts
02|    a.cacheMu.Lock()
    a.matchCache[name] = entry
02|    a.cacheMu.Unlock()

    if !entry.match {
2|        log.Infof("aggregator %s: %q does not match %s, skipping", a.Key, name, a.Regex) //@LOG-01
        return false
    }
    a.in <- msg{buf: buf, val: val, ts: ts, key: entry.key}
    return true
}

func (a *Aggregator) match(name string) cacheEntry {
    groups := a.regex.FindStringSubmatchIndex(name)
    if groups == nil {
        return cacheEntry{}
    }
    var key []byte
    key = a.regex.Expand(key, a.outFmt, []byte(name), groups)
    return cacheEntry{match: true, key: string(key)}
}

// cleanCache drops the names that were not seen within the TTL; it runs on the aggregator's cleaner goroutine.
func (a *Aggregator) cleanCache(now uint32) {
    a.cacheMu.Lock()
    defer a.cacheMu.Unlock()
    for name, entry := range a.matchCache {
        if entry.seen+a.cacheTTL < now {
            delete(a.matchCache, name)
        }
    }
}
''')
_RELAY = ['regexp', 'sync', '', 'log "github.com/sirupsen/logrus"']
cases_of(case, GH + 'grafana/carbon-relay-ng/pull/271', 'aggregator/aggregator.go',
         G('aggregator', _RELAY)(RELAYAGG), [
             (1, 'go-00-carbon-relay-ng-aggregator-cache-read-unlocked',
              'an edit drops the cache lock from AddMaybe, so the table\'s routing goroutines and the cleaner read, '
              'write and delete the match cache at once', 'edit'),
             (2, 'go-00-carbon-relay-ng-aggregator-logs-every-miss',
              'an edit logs, at info, every incoming metric that does not match the aggregator', 'edit'),
             (0, 'go-ok-00-carbon-relay-ng-aggregator-cache-locked',
              'clean: the fix takes the cache lock around every read and write of the match cache', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- TMO-01 / LOG-01: InfluxDB output of a mesh network collector (yanic)
YANICINFLUX = template('yanic-influxdb-output', r'''
const (
    batchMaxSize = 1000
    batchTimeout = 5 * time.Second
)

// Connection writes the collector's points to InfluxDB in batches, from one worker goroutine.
type Connection struct {
    config Config
    client client.Client
    points chan *client.Point
    wg     sync.WaitGroup
}

// Connect builds the InfluxDB client and starts the batch worker.
func Connect(configuration map[string]interface{}) (database.Connection, error) {
    config := Config(configuration)
    c, err := client.NewHTTPClient(client.HTTPConfig{ //@{1}TMO-01
        Addr:     config.Address(),
02|        Timeout:  batchTimeout,
        Username: config.Username(),
        Password: config.Password(),
    })
    if err != nil {
        return nil, err
    }
    db := &Connection{config: config, client: c, points: make(chan *client.Point, batchMaxSize)}
    db.wg.Add(1)
    go db.addWorker()
    return db, nil
}

func (conn *Connection) addWorker() {
    defer conn.wg.Done()
    defer func() {
        if r := recover(); r != nil {
            log.Errorf("influxdb: batch worker stopped: %v", r)
        }
    }()
    ticker := time.NewTicker(batchTimeout)
    defer ticker.Stop()
    pending := make([]*client.Point, 0, batchMaxSize)
    flush := func() {
        if len(pending) == 0 {
            return
        }
        bp, err := client.NewBatchPoints(client.BatchPointsConfig{Database: conn.config.Database(), Precision: "m"})
        if err != nil {
            log.Errorf("influxdb: cannot create batch of %d points: %s", len(pending), err)
            pending = pending[:0]
            return
        }
        bp.AddPoints(pending)
        if err := conn.client.Write(bp); err != nil {
            log.Errorf("influxdb: saving %d points failed: %s", len(pending), err)
2|            for _, p := range pending {
2|                log.Warnf("influxdb: dropped point %s", p.String()) //@LOG-01
2|            }
        }
        pending = pending[:0]
    }
    for {
        select {
        case p, ok := <-conn.points:
            if !ok {
                flush()
                return
            }
            pending = append(pending, p)
            if len(pending) >= batchMaxSize {
                flush()
            }
        case <-ticker.C:
            flush()
        }
    }
}
''')
_YANIC = ['sync', 'time', '', 'client "github.com/influxdata/influxdb1-client/v2"', 'log "github.com/sirupsen/logrus"', '',
          'github.com/FreifunkBremen/yanic/database']
cases_of(case, GH + 'FreifunkBremen/yanic/pull/215', 'database/influxdb/database.go',
         G('influxdb', _YANIC)(YANICINFLUX), [
             (1, 'go-00-yanic-influxdb-client-without-timeout',
              'an edit builds the InfluxDB HTTP client without a timeout, so a database that drops packets stalls '
              'the batch worker and, behind it, the whole collector', 'edit'),
             (2, 'go-00-yanic-influxdb-logs-every-dropped-point',
              'an edit logs every point of a failed batch, a thousand warn lines per failed write', 'edit'),
             (0, 'go-ok-00-yanic-influxdb-client-with-timeout',
              'clean: the fix bounds each InfluxDB request by the batch interval', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / TMO-02: paged log search of a monitoring platform (erda)
ERDAITER = template('erda-log-es-iterator', r'''
// esIterator pages through the log documents of one query with search_after, a page per fetch.
type esIterator struct {
    url      string
    client   *http.Client
    query    *storage.Selector
    pageSize int
1|    lastResp *http.Response
}

// fetch reads the next page after searchAfter and returns its items and the sort values of its last hit.
func (it *esIterator) fetch(ctx context.Context, searchAfter []interface{}) ([]*pb.LogItem, []interface{}, error) {
    body, err := it.buildSearchBody(searchAfter)
    if err != nil {
        return nil, nil, err
    }
01|    req, err := http.NewRequestWithContext(ctx, http.MethodPost, it.url+"/_search", bytes.NewReader(body))
2|    req, err := http.NewRequest(http.MethodPost, it.url+"/_search", bytes.NewReader(body)) //@TMO-02
    if err != nil {
        return nil, nil, err
    }
    req.Header.Set("Content-Type", "application/json")
    resp, err := it.client.Do(req)
    if err != nil {
        return nil, nil, fmt.Errorf("search logs: %w", err)
    }
02|    defer resp.Body.Close()
1|    it.lastResp = resp //@RES-02
    if resp.StatusCode != http.StatusOK {
        return nil, nil, fmt.Errorf("search logs: unexpected status %d", resp.StatusCode)
    }
    var result searchResult
    if err := json.NewDecoder(resp.Body).Decode(&result); err != nil {
        return nil, nil, fmt.Errorf("decode search result: %w", err)
    }
    items := make([]*pb.LogItem, 0, len(result.Hits.Hits))
    var last []interface{}
    for _, hit := range result.Hits.Hits {
        items = append(items, hit.Source.toLogItem())
        last = hit.Sort
    }
    return items, last, nil
}

// Close releases the iterator.
func (it *esIterator) Close() error {
1|    if it.lastResp != nil {
1|        return it.lastResp.Body.Close()
1|    }
    return nil
}
''')
_ERDA = ['bytes', 'context', 'encoding/json', 'fmt', 'net/http', '',
         'github.com/erda-project/erda-proto-go/core/monitor/log/query/pb',
         'github.com/erda-project/erda/internal/tools/monitor/core/log/storage']
cases_of(case, GH + 'erda-project/erda/pull/5994', 'internal/tools/monitor/core/log/storage/elasticsearch/iterator.go',
         G('elasticsearch', _ERDA)(ERDAITER), [
             (1, 'go-00-erda-log-iterator-keeps-only-last-page-open',
              'an edit keeps each page\'s response for the iterator\'s Close, which closes only the last one, so '
              'every earlier page\'s connection leaks', 'edit'),
             (2, 'go-00-erda-log-iterator-page-without-context',
              'an edit builds each page request without the caller\'s context, so a cancelled query keeps paging',
              'edit'),
             (0, 'go-ok-00-erda-log-iterator-closes-each-page',
              'clean: the fix closes each page\'s response body inside fetch', 'fix'),
         ])


# ---------------------------------------------------------------- RES-03 / ERR-01: table schema lookup of a time-series database adapter (taosadapter)
TAOSDESC = template('taosadapter-describe-tables', r'''
// Column is one column of a TDengine table as DESCRIBE reports it.
type Column struct {
    Name   string
    Type   string
    Length int
    Note   string
}

// DescribeTables reads the schema of every table, so that the remote-read plugin can tell tag columns from data
// columns. Each DESCRIBE holds a result set on the connection until its rows are closed.
func DescribeTables(ctx context.Context, db *sql.DB, dbName string, tables []string) (map[string][]Column, error) {
    schemas := make(map[string][]Column, len(tables))
    for _, table := range tables {
        rows, err := db.QueryContext(ctx, fmt.Sprintf("DESCRIBE `%s`.`%s`", dbName, table))
        if err != nil {
            return nil, fmt.Errorf("describe %s.%s: %w", dbName, table, err)
        }
1|        defer rows.Close() //@RES-03
        columns, err := scanColumns(rows)
02|        if cerr := rows.Close(); cerr != nil && err == nil {
02|            err = cerr
02|        }
        if err != nil {
            return nil, fmt.Errorf("describe %s.%s: %w", dbName, table, err)
        }
        schemas[table] = columns
    }
    return schemas, nil
}

func scanColumns(rows *sql.Rows) ([]Column, error) {
    var columns []Column
    for rows.Next() {
        var c Column
01|        if err := rows.Scan(&c.Name, &c.Type, &c.Length, &c.Note); err != nil {
01|            return nil, err
01|        }
2|        rows.Scan(&c.Name, &c.Type, &c.Length, &c.Note) //@ERR-01
        columns = append(columns, c)
    }
    return columns, rows.Err()
}
''')
cases_of(case, GH + 'taosdata/taosadapter/pull/270', 'tools/schema/describe.go',
         G('schema', ['context', 'database/sql', 'fmt'])(TAOSDESC), [
             (1, 'go-00-taosadapter-describe-defers-close-in-loop',
              'an edit defers the close of each DESCRIBE result inside the loop, so every table\'s result set stays '
              'open until the whole lookup returns', 'edit'),
             (2, 'go-00-taosadapter-describe-scan-error-dropped',
              'an edit drops the error of scanning a DESCRIBE row and keeps the half-filled column', 'edit'),
             (0, 'go-ok-00-taosadapter-describe-closes-each-result',
              'clean: the fix closes each result set before the next DESCRIBE', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / RES-02: remote read of a Prometheus aggregating proxy (promxy)
PROMXYRR = template('promxy-remote-read', r'''
// RemoteReadAPI answers selects of one server group target through Prometheus' remote read endpoint.
type RemoteReadAPI struct {
    url    string
02|    client *http.Client
1|    cfg    config_util.HTTPClientConfig
}

// NewRemoteReadAPI builds the remote read client of one target from the server group's HTTP client config.
func NewRemoteReadAPI(url string, cfg config_util.HTTPClientConfig) (*RemoteReadAPI, error) {
02|    client, err := config_util.NewClientFromConfig(cfg, "promxy_remote_read")
02|    if err != nil {
02|        return nil, err
02|    }
02|    return &RemoteReadAPI{url: url, client: client}, nil
1|    return &RemoteReadAPI{url: url, cfg: cfg}, nil
}

func (r *RemoteReadAPI) read(ctx context.Context, readReq *prompb.ReadRequest) (*prompb.ReadResponse, error) {
    data, err := proto.Marshal(readReq)
    if err != nil {
        return nil, err
    }
    httpReq, err := http.NewRequestWithContext(ctx, http.MethodPost, r.url, bytes.NewReader(snappy.Encode(nil, data)))
    if err != nil {
        return nil, err
    }
    httpReq.Header.Set("Content-Encoding", "snappy")
    httpReq.Header.Set("Content-Type", "application/x-protobuf")
    httpReq.Header.Set("X-Prometheus-Remote-Read-Version", "0.1.0")

1|    client, err := config_util.NewClientFromConfig(r.cfg, "promxy_remote_read") //@RES-04
1|    if err != nil {
1|        return nil, fmt.Errorf("remote read %s: build client: %w", r.url, err)
1|    }
02|    resp, err := r.client.Do(httpReq)
1|    resp, err := client.Do(httpReq)
    if err != nil {
        return nil, fmt.Errorf("remote read %s: %w", r.url, err)
    } //@{2}RES-02
01|    defer resp.Body.Close()
    if resp.StatusCode/100 != 2 {
        return nil, fmt.Errorf("remote read %s: server returned HTTP status %s", r.url, resp.Status)
    }
    compressed, err := io.ReadAll(resp.Body)
    if err != nil {
        return nil, err
    }
    raw, err := snappy.Decode(nil, compressed)
    if err != nil {
        return nil, err
    }
    var readResp prompb.ReadResponse
    if err := proto.Unmarshal(raw, &readResp); err != nil {
        return nil, err
    }
    return &readResp, nil
}
''')
_PROMXY = ['bytes', 'context', 'fmt', 'io', 'net/http', '', 'github.com/gogo/protobuf/proto', 'github.com/golang/snappy',
           'config_util github.com/prometheus/common/config', 'github.com/prometheus/prometheus/prompb']
cases_of(case, GH + 'jacksontj/promxy/issues/109', 'pkg/promclient/remote_read.go',
         G('promclient', _PROMXY)(PROMXYRR), [
             (1, 'go-00-promxy-remote-read-client-per-query',
              'an edit builds the remote read HTTP client on every query, so each query opens a new connection to '
              'the backend that stays established until keep-alive expires', 'edit'),
             (2, 'go-00-promxy-remote-read-body-left-open',
              'an edit drops the close of the remote read response body', 'edit'),
             (0, 'go-ok-00-promxy-remote-read-shared-client',
              'clean: the fix builds the client once per target and reuses it', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / CONC-02: crawler of a small search engine (SpaghettiSearch), new file
SPAGHETTI = template('spaghettisearch-crawler', r'''
// Crawl fetches every queued URL, indexes its page and queues the links it finds, depth by depth up to maxDepth. At
// most parallel pages are fetched and indexed at a time; a page whose indexing panics is logged and skipped.
func Crawl(ctx context.Context, client *http.Client, idx *indexer.Indexer, seeds []string, maxDepth, parallel int) {
    visited := make(map[string]bool)
    queue := seeds
    for depth := 0; depth <= maxDepth && len(queue) > 0; depth++ {
        log.Printf("Depth: %d - Queued: %d", depth, len(queue))
        var (
            mu   sync.Mutex
            wg   sync.WaitGroup
            next []string
        )
02|        sem := make(chan struct{}, parallel)
        for _, u := range queue {
            if visited[u] {
                continue
            }
            visited[u] = true
            wg.Add(1)
02|            sem <- struct{}{}
            go func(u string) { //@{1}CONC-01 //@{2}CONC-02
                defer wg.Done()
02|                defer func() { <-sem }()
01|                defer func() {
01|                    if r := recover(); r != nil {
01|                        log.Printf("indexing %s panicked: %v\n%s", u, r, debug.Stack())
01|                    }
01|                }()
                links, err := fetchAndIndex(ctx, client, idx, u)
                if err != nil {
                    log.Printf("crawl %s: %v", u, err)
                    return
                }
                mu.Lock()
                next = append(next, links...)
                mu.Unlock()
            }(u)
        }
        wg.Wait()
        queue = next
    }
}
''')
_SPAG = ['context', 'log', 'net/http', 'runtime/debug', 'sync', '', 'github.com/nwihardjo/SpaghettiSearch/indexer']
cases_of(case, GH + 'nwihardjo/SpaghettiSearch/issues/41', 'crawler/crawl.go',
         G('crawler', _SPAG)(SPAGHETTI), [
             (1, 'go-00-spaghettisearch-crawl-goroutine-without-recover',
              'a new crawl loop starts a goroutine per page without a recover, so one malformed page that panics the '
              'indexer kills the whole crawl', 'new'),
             (2, 'go-00-spaghettisearch-crawl-goroutine-per-queued-url',
              'a new crawl loop starts a goroutine for every queued URL at once, thousands per depth, without a '
              'bound', 'new'),
             (0, 'go-ok-00-spaghettisearch-crawl-bounded-and-recovered',
              'clean: the new crawl loop bounds the workers per depth and recovers each one', 'new'),
         ])


# ---------------------------------------------------------------- TMO-01 / TMO-03: Prometheus client of an observability platform (coroot)
COROOTPROM = template('coroot-prometheus-client', r'''
// ClientConfig is how coroot reaches a project's Prometheus.
type ClientConfig struct {
    Url     string
    Timeout time.Duration
    Headers map[string]string
}

// Client queries one Prometheus over its HTTP API.
type Client struct {
    url     *url.URL
    client  *http.Client
    headers map[string]string
    timeout time.Duration
}

func NewClient(cfg ClientConfig) (*Client, error) {
    u, err := url.Parse(cfg.Url)
    if err != nil {
        return nil, err
    }
    transport := &http.Transport{
        Proxy:               http.ProxyFromEnvironment,
02|        DialContext:         (&net.Dialer{Timeout: cfg.Timeout, KeepAlive: 30 * time.Second}).DialContext,
02|        TLSHandshakeTimeout: cfg.Timeout,
        MaxIdleConnsPerHost: 10,
        IdleConnTimeout:     90 * time.Second,
    }
02|    httpClient := &http.Client{Transport: transport, Timeout: cfg.Timeout}
1|    httpClient := &http.Client{Transport: transport} //@TMO-01
    return &Client{url: u, client: httpClient, headers: cfg.Headers, timeout: cfg.Timeout}, nil
}

// QueryRange runs one range query; it returns when Prometheus answers or the client's timeout expires.
func (c *Client) QueryRange(ctx context.Context, query string, from, to time.Time, step time.Duration) ([]MetricValues, error) {
01|    ctx, cancel := context.WithTimeout(ctx, c.timeout)
01|    defer cancel()
2|    ctx, _ = context.WithTimeout(ctx, c.timeout) //@TMO-03
    form := url.Values{}
    form.Set("query", query)
    form.Set("start", strconv.FormatInt(from.Unix(), 10))
    form.Set("end", strconv.FormatInt(to.Unix(), 10))
    form.Set("step", strconv.FormatFloat(step.Seconds(), 'f', -1, 64))
    req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url.JoinPath("/api/v1/query_range").String(), strings.NewReader(form.Encode()))
    if err != nil {
        return nil, err
    }
    req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
    for k, v := range c.headers {
        req.Header.Set(k, v)
    }
    resp, err := c.client.Do(req)
    if err != nil {
        return nil, err
    }
    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return nil, fmt.Errorf("prometheus: unexpected status code %d", resp.StatusCode)
    }
    var r queryRangeResponse
    if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
        return nil, err
    }
    return r.values()
}
''')
COROOTTEST = r'''
func TestQueryRangeGivesUpOnStalledPrometheus(t *testing.T) {
    release := make(chan struct{})
    srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
        <-release
    }))
    defer srv.Close()
    defer close(release)

    c, err := NewClient(ClientConfig{Url: srv.URL, Timeout: 200 * time.Millisecond})
    if err != nil {
        t.Fatal(err)
    }
    start := time.Now()
    _, err = c.QueryRange(context.Background(), "up", start.Add(-time.Hour), start, time.Minute)
    if err == nil {
        t.Fatal("expected the stalled query to fail")
    }
    if elapsed := time.Since(start); elapsed > 2*time.Second {
        t.Fatalf("query gave up after %s, want about the client timeout", elapsed)
    }
}
'''
_COROOT = ['context', 'encoding/json', 'fmt', 'net', 'net/http', 'net/url', 'strconv', 'strings', 'time']
_COROOTV = {0: _COROOT, 1: [i for i in _COROOT if i != 'net'], 2: _COROOT}
cases_of(case, GH + 'coroot/coroot/pull/722', 'prom/client.go',
         GV('prom', _COROOTV)(COROOTPROM), [
             (1, 'go-00-coroot-prometheus-client-without-timeouts',
              'an edit builds the Prometheus HTTP client without dial, handshake or overall timeouts and relies on '
              'the callers\' contexts alone', 'edit'),
             (2, 'go-00-coroot-prometheus-query-cancel-dropped',
              'an edit discards the cancel of the range query\'s timeout context', 'edit'),
             (0, 'go-ok-00-coroot-prometheus-client-with-timeouts',
              'clean: the fix sets the client\'s timeouts and adds a test against a stalled server', 'fix',
              [f('prom/client_timeout_test.go',
                 new=go('prom', ['context', 'net/http', 'net/http/httptest', 'testing', 'time'], COROOTTEST))]),
         ])


# ---------------------------------------------------------------- OPS-01 / CONC-03: hard limiter of a graphite storage daemon (go-carbon), renamed file
CARBONLIMIT = template('go-carbon-hard-limiter', r'''
// hardLimiter lets at most perSecond metrics through each second and drops the rest; the persister reads its out
// channel when max-updates-per-second is set. Stop ends the forwarding goroutine and waits for it.
type hardLimiter struct {
    in        chan *points.Points
    out       chan *points.Points
    perSecond int
    dropped   uint64
    exit      chan struct{}
    wg        sync.WaitGroup
}

func newHardLimiter(in chan *points.Points, perSecond int) *hardLimiter {
    l := &hardLimiter{
        in:        in,
        out:       make(chan *points.Points, cap(in)),
        perSecond: perSecond,
        exit:      make(chan struct{}),
    }
    l.wg.Add(1)
    go l.run()
    return l
}

func (l *hardLimiter) run() {
    defer l.wg.Done()
    defer func() {
        if r := recover(); r != nil {
            zapwriter.Logger("persister").Error("hard limiter stopped", zap.Any("panic", r))
        }
    }()
    ticker := time.NewTicker(time.Second)
    defer ticker.Stop()
    sent := 0
    for {
        select {
        case <-l.exit:
            return
        case <-ticker.C:
            sent = 0
        case p, ok := <-l.in:
            if !ok {
                close(l.out)
                return
            }
            if sent >= l.perSecond {
01|                atomic.AddUint64(&l.dropped, 1)
2|                l.dropped++ //@CONC-03
                continue
            }
            select {
            case l.out <- p:
                sent++
            case <-l.exit:
                return
            }
        }
    }
}

// Dropped is read by the stats collector goroutine.
func (l *hardLimiter) Dropped() uint64 {
01|    return atomic.LoadUint64(&l.dropped)
2|    return l.dropped
}

// Stop ends the limiter; the persister calls it before it closes its own workers.
func (l *hardLimiter) Stop() {
    close(l.exit) //@{1}OPS-01
02|    l.wg.Wait()
}
''')
_CARBON = ['sync', 'sync/atomic', 'time', '', 'github.com/lomik/zapwriter', 'go.uber.org/zap', '',
           'github.com/go-graphite/go-carbon/points']
_CARBONV = {0: _CARBON, 1: _CARBON, 2: [i for i in _CARBON if i != 'sync/atomic']}
cases_of(case, GH + 'go-graphite/go-carbon/pull/243', 'persister/hard_limiter.go',
         GV('persister', _CARBONV)(CARBONLIMIT), [
             (1, 'go-00-go-carbon-renamed-hard-limiter-stop-does-not-wait',
              'the limiter moves to its own file and its Stop no longer waits for the forwarding goroutine, which '
              'still sends to the persister after the persister has stopped', 'rename'),
             (2, 'go-00-go-carbon-renamed-hard-limiter-drop-count-unsynchronized',
              'the limiter moves to its own file and counts dropped metrics with a plain increment that the stats '
              'collector reads from another goroutine', 'rename'),
             (0, 'go-ok-00-go-carbon-renamed-hard-limiter',
              'clean: the move alone; Stop waits and the drop counter is atomic', 'rename'),
         ], rename_from='persister/throttle.go')
