"""Round-113 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- RES-01 / CONC-03: close of an embedded TinyLFU cache (ristretto)
RISTRETTO = template('ristretto-cache-close', r'''
// Cache is a thread-safe in-memory cache with a TinyLFU admission policy. Set only queues an item on setBuf; the
// processItems goroutine applies it and, on every tick of cleanupTicker, drops expired entries. A service that builds
// a cache per tenant closes it when the tenant goes away, so Close must release everything NewCache started.
type Cache[K Key, V any] struct {
    store         *shardedMap[V]
    policy        *defaultPolicy[V]
    setBuf        chan *Item[V]
    stop          chan struct{}
    done          chan struct{}
    cleanupTicker *time.Ticker
01|    isClosed      atomic.Bool
2|    isClosed      bool
    onEvict       func(*Item[V])
    keyToHash     func(K) (uint64, uint64)
}

// Set queues key/value with the given cost; false means the item was dropped (buffer full or cache closed).
func (c *Cache[K, V]) Set(key K, value V, cost int64) bool {
01|    if c == nil || c.isClosed.Load() {
2|    if c == nil || c.isClosed {
        return false
    }
    keyHash, conflict := c.keyToHash(key)
    item := &Item[V]{flag: itemNew, Key: keyHash, Conflict: conflict, Value: value, Cost: cost}
    if prev, ok := c.store.Update(item); ok {
        item.flag = itemUpdate
        c.onEvict(&Item[V]{Key: keyHash, Conflict: conflict, Value: prev})
    }
    select {
    case c.setBuf <- item:
        return true
    default:
        return false
    }
}

// Close stops the processItems goroutine and the cleanup ticker and waits for the goroutine to exit. Close may be
// called more than once; later calls do nothing.
func (c *Cache[K, V]) Close() {
01|    if c == nil || c.isClosed.Load() {
2|    if c == nil || c.isClosed {
        return
    }
01|    c.isClosed.Store(true)
2|    c.isClosed = true //@CONC-03
    close(c.stop)
    <-c.done //@{1}RES-01
02|    c.cleanupTicker.Stop()
    c.policy.Close()
    c.store.Clear(c.onEvict)
}

func (c *Cache[K, V]) processItems() {
    defer close(c.done)
    for {
        select {
        case item := <-c.setBuf:
            c.apply(item)
        case <-c.cleanupTicker.C:
            c.store.Cleanup(c.policy, c.onEvict)
        case <-c.stop:
            return
        }
    }
}
''')
cases_of(case, GH + 'dgraph-io/ristretto/pull/343', 'cache.go',
         G('ristretto', ['sync/atomic', 'time'])(RISTRETTO), [
             (1, 'go-00-ristretto-close-leaves-cleanup-ticker-running',
              'an edit drops the stop of the cleanup ticker from Close, so every closed cache keeps its ticker alive',
              'edit'),
             (2, 'go-00-ristretto-closed-flag-written-without-sync',
              'an edit turns the closed flag into a plain bool that Close writes while Set reads it from other '
              'goroutines', 'edit'),
             (0, 'go-ok-00-ristretto-close-stops-cleanup-ticker',
              'clean: the fix stops the cleanup ticker in Close, after the processing goroutine has exited', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / MEM-02: statistics and reads of a segmented in-memory cache (freecache)
FREECACHE = template('freecache-stats-and-get', r'''
// Cache is a zero-GC in-memory cache: entries live in 256 ring-buffer segments, each guarded by its own lock. A
// segment's counters change under that lock on every Set and Get, so the statistics take each segment's lock in turn
// instead of reading the counters while another goroutine writes them.
type Cache struct {
    locks    [segmentCount]sync.Mutex
    segments [segmentCount]segment
    bufPool  sync.Pool
}

func NewCache(size int) *Cache {
    c := &Cache{}
    for i := 0; i < segmentCount; i++ {
        c.segments[i] = newSegment(size/segmentCount, i)
    }
    c.bufPool.New = func() any { return make([]byte, 0, 4096) }
    return c
}

// Get returns a copy of the value of key. The read goes through a pooled scratch buffer; the buffer goes back to the
// pool when Get returns, so the caller gets its own copy.
func (c *Cache) Get(key []byte) ([]byte, error) {
    hashVal := hashFunc(key)
    segID := hashVal & segmentAndOpVal
    buf := c.bufPool.Get().([]byte)
    defer c.bufPool.Put(buf[:0])
    c.locks[segID].Lock()
    value, _, err := c.segments[segID].get(key, buf[:0], hashVal, false)
    c.locks[segID].Unlock()
    if err != nil {
        return nil, err
    }
01|    return append([]byte(nil), value...), nil
2|    return value, nil //@MEM-02
}

// EntryCount returns the number of entries of all segments.
func (c *Cache) EntryCount() (entryCount int64) {
    for i := range c.segments {
02|        c.locks[i].Lock()
        entryCount += c.segments[i].entryCount //@{1}CONC-03
02|        c.locks[i].Unlock()
    }
    return entryCount
}

// HitCount returns the number of times a key was found in the cache.
func (c *Cache) HitCount() (count int64) {
    for i := range c.segments {
        c.locks[i].Lock()
        count += c.segments[i].hitCount
        c.locks[i].Unlock()
    }
    return count
}
''')
cases_of(case, GH + 'coocood/freecache/pull/35', 'cache.go',
         G('freecache', ['sync'])(FREECACHE), [
             (1, 'go-00-freecache-entry-count-read-without-segment-lock',
              'an edit sums the segments\' entry counters without their locks while Set and Get write them',
              'edit'),
             (2, 'go-00-freecache-get-returns-pooled-buffer',
              'an edit returns the value read into the pooled scratch buffer, which goes back to the pool while the '
              'caller still holds it', 'edit'),
             (0, 'go-ok-00-freecache-entry-count-under-segment-lock',
              'clean: the fix takes each segment\'s lock while reading its entry counter', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / ERR-01: encoding example of the Elasticsearch Go client (go-elasticsearch), new file
GOES = template('go-elasticsearch-jsonreader-example', r'''
// This example indexes a few articles with esutil.NewJSONReader, which encodes a value lazily as the request body is
// read, and then searches them. Every response body is closed: an unclosed body keeps its connection out of the
// transport's pool.

type article struct {
    ID        int       `json:"id"`
    Title     string    `json:"title"`
    Published time.Time `json:"published"`
}

type searchResult struct {
    Hits struct {
        Total struct {
            Value int `json:"value"`
        } `json:"total"`
        Hits []struct {
            Source article `json:"_source"`
        } `json:"hits"`
    } `json:"hits"`
}

func indexArticle(ctx context.Context, es *elasticsearch.Client, a article) error {
    res, err := es.Index("articles", esutil.NewJSONReader(&a),
        es.Index.WithDocumentID(strconv.Itoa(a.ID)),
        es.Index.WithRefresh("true"),
        es.Index.WithContext(ctx))
    if err != nil {
        return fmt.Errorf("indexing article %d: %w", a.ID, err)
    }
    defer res.Body.Close()
    if res.IsError() {
        return fmt.Errorf("indexing article %d: %s", a.ID, res.String())
    }
    return nil
}

func searchArticles(ctx context.Context, es *elasticsearch.Client, text string) (*searchResult, error) {
    query := map[string]any{"query": map[string]any{"match": map[string]any{"title": text}}}
    res, err := es.Search( //@{1}RES-02
        es.Search.WithIndex("articles"),
        es.Search.WithBody(esutil.NewJSONReader(&query)),
        es.Search.WithContext(ctx))
    if err != nil {
        return nil, fmt.Errorf("searching for %q: %w", text, err)
    }
02|    defer res.Body.Close()
    if res.IsError() {
        return nil, fmt.Errorf("searching for %q: %s", text, res.String())
    }
    var r searchResult
01|    if err := json.NewDecoder(res.Body).Decode(&r); err != nil {
01|        return nil, fmt.Errorf("decoding search response: %w", err)
01|    }
2|    _ = json.NewDecoder(res.Body).Decode(&r) //@ERR-01
    return &r, nil
}

func main() {
    es, err := elasticsearch.NewDefaultClient()
    if err != nil {
        log.Fatalf("creating the client: %s", err)
    }
    ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
    defer cancel()
    for i, title := range []string{"Test One", "Test Two", "Test Three"} {
        if err := indexArticle(ctx, es, article{ID: i + 1, Title: title, Published: time.Now().UTC()}); err != nil {
            log.Fatal(err)
        }
    }
    r, err := searchArticles(ctx, es, "one")
    if err != nil {
        log.Fatal(err)
    }
    log.Printf("%d hit(s)", r.Hits.Total.Value)
    for _, hit := range r.Hits.Hits {
        log.Printf("* %d %s", hit.Source.ID, hit.Source.Title)
    }
}
''')
cases_of(case, GH + 'elastic/go-elasticsearch/pull/1307', '_examples/encoding/jsonreader.go',
         G('main', ['context', 'encoding/json', 'fmt', 'log', 'strconv', 'time', '',
                    'github.com/elastic/go-elasticsearch/v8', 'github.com/elastic/go-elasticsearch/v8/esutil'])(GOES), [
             (1, 'go-00-go-elasticsearch-example-search-body-left-open',
              'a new example searches the index and never closes the search response\'s body', 'new'),
             (2, 'go-00-go-elasticsearch-example-decode-error-dropped',
              'a new example discards the error of decoding the search response and returns an empty result', 'new'),
             (0, 'go-ok-00-go-elasticsearch-example-closes-every-body',
              'clean: the example closes every response body and reports a decoding error', 'new'),
         ])


# ---------------------------------------------------------------- RES-02 / TMO-02: retry loop of the OpenSearch Go client's transport (opensearch-go)
OSGO = template('opensearch-go-perform-retry', r'''
// Perform sends the request to a node of the pool, retrying on a network error or a retryable status with the next
// node. A response that is retried is read and closed before the next attempt: its connection goes back to the
// transport's pool instead of staying open until the garbage collector finds it.
func (c *Client) Perform(req *http.Request) (*http.Response, error) {
    var (
        res *http.Response
        err error
    )
    c.setReqURL(req)
    c.setReqAuth(req)
    c.setReqUserAgent(req)

    for i := 0; i <= c.maxRetries; i++ {
        conn, cerr := c.pool.Next()
        if cerr != nil {
            return nil, fmt.Errorf("cannot get connection: %w", cerr)
        }
01|        attempt := req.Clone(req.Context())
2|        attempt := req.Clone(context.Background()) //@TMO-02
        c.setReqURLHost(attempt, conn.URL)
        if req.GetBody != nil {
            if attempt.Body, err = req.GetBody(); err != nil {
                return nil, fmt.Errorf("cannot rewind request body: %w", err)
            }
        }

        res, err = c.transport.RoundTrip(attempt)
        if err != nil {
            c.pool.OnFailure(conn)
        } else {
            c.pool.OnSuccess(conn)
        }
        retry := err != nil || (res != nil && c.retryOnStatus[res.StatusCode])
        if !retry || i == c.maxRetries { //@{1}RES-02
            break
        }
02|        if res != nil && res.Body != nil {
02|            _, _ = io.Copy(io.Discard, res.Body)
02|            res.Body.Close()
02|        }
        if c.retryBackoff != nil {
            select {
            case <-req.Context().Done():
                return nil, req.Context().Err()
            case <-time.After(c.retryBackoff(i + 1)):
            }
        }
    }
    return res, err
}
''')
OSGO_TEST = f('opensearchtransport/opensearchtransport_retry_test.go', new=go('opensearchtransport', [
    'io', 'net/http', 'net/url', 'strings', 'sync/atomic', 'testing'], r'''
type countingBody struct {
    io.Reader
    closed *int32
}

func (b countingBody) Close() error {
    atomic.AddInt32(b.closed, 1)
    return nil
}

func TestPerformClosesRetriedResponses(t *testing.T) {
    var closed int32
    calls := 0
    tp := roundTripFunc(func(*http.Request) (*http.Response, error) {
        calls++
        status := http.StatusBadGateway
        if calls == 3 {
            status = http.StatusOK
        }
        return &http.Response{StatusCode: status, Body: countingBody{strings.NewReader("{}"), &closed}}, nil
    })
    u, _ := url.Parse("http://localhost:9200")
    c, err := New(Config{URLs: []*url.URL{u}, Transport: tp, MaxRetries: 3, RetryOnStatus: []int{http.StatusBadGateway}})
    if err != nil {
        t.Fatal(err)
    }
    req, _ := http.NewRequest(http.MethodGet, "/_cluster/health", nil)
    res, err := c.Perform(req)
    if err != nil {
        t.Fatal(err)
    }
    res.Body.Close()
    if got := atomic.LoadInt32(&closed); got != 3 {
        t.Fatalf("expected every response to be closed, %d of 3 were", got)
    }
}
'''))
cases_of(case, GH + 'opensearch-project/opensearch-go/pull/300', 'opensearchtransport/opensearchtransport.go',
         G('opensearchtransport', ['context', 'fmt', 'io', 'net/http', 'time'])(OSGO), [
             (1, 'go-00-opensearch-go-retried-response-left-open',
              'an edit stops draining and closing a response before the retry loop sends the request again, so every '
              'retried attempt keeps a connection', 'edit'),
             (2, 'go-00-opensearch-go-retry-attempt-detached-from-caller-context',
              'an edit clones each attempt with a background context, so a retry outlives the caller\'s deadline',
              'edit'),
             (0, 'go-ok-00-opensearch-go-retried-response-drained-and-closed',
              'clean: the fix drains and closes every retried response; the change adds a test beside it', 'fix',
              [OSGO_TEST]),
         ])


# ---------------------------------------------------------------- OPS-01 / CONC-02: stop and promotion of an LRU cache with a worker goroutine (ccache)
CCACHE = template('ccache-stop-and-promote', r'''
// Cache is an LRU cache whose list is owned by a single worker goroutine: Get and Set only hand items to the worker
// through bounded channels, so the list needs no lock. Stop closes the promotion channel and waits for the worker to
// drain it; a caller that stops the cache and then inspects it sees a quiet cache.
type Cache struct {
    *Configuration
    list        *list.List
    size        int64
    buckets     []*bucket
    bucketMask  uint32
    deletables  chan *Item
    promotables chan *Item
    donec       chan struct{}
}

func New(config *Configuration) *Cache {
    c := &Cache{
        list:          list.New(),
        Configuration: config,
        bucketMask:    uint32(config.buckets) - 1,
        buckets:       make([]*bucket, config.buckets),
    }
    for i := 0; i < config.buckets; i++ {
        c.buckets[i] = &bucket{lookup: make(map[string]*Item)}
    }
    c.restart()
    return c
}

func (c *Cache) restart() {
    c.deletables = make(chan *Item, c.deleteBuffer)
    c.promotables = make(chan *Item, c.promoteBuffer)
    c.donec = make(chan struct{})
    go c.worker()
}

// Get returns the item of key, or nil. A live item is handed to the worker to be moved to the front of the list.
func (c *Cache) Get(key string) *Item {
    item := c.bucket(key).get(key)
    if item == nil {
        return nil
    }
    if !item.Expired() && item.shouldPromote(c.getsPerPromote) {
01|        c.promotables <- item
2|        go func() { c.promotables <- item }() //@CONC-02
    }
    return item
}

// Stop stops the worker. Calls made on the cache after Stop may panic.
func (c *Cache) Stop() {
    close(c.promotables) //@{1}OPS-01
02|    <-c.donec
}

func (c *Cache) worker() {
    defer close(c.donec)
    for {
        select {
        case item, ok := <-c.promotables:
            if !ok {
                return
            }
            if c.doPromote(item) && c.size > c.maxSize {
                c.gc()
            }
        case item := <-c.deletables:
            c.doDelete(item)
        }
    }
}
''')
cases_of(case, GH + 'karlseguin/ccache/pull/10', 'cache.go',
         G('ccache', ['container/list'])(CCACHE), [
             (1, 'go-00-ccache-stop-returns-before-worker-drains',
              'an edit makes Stop return as soon as the promotion channel is closed, without waiting for the worker '
              'to drain it', 'edit'),
             (2, 'go-00-ccache-promotion-goroutine-per-get',
              'an edit hands each promotion to the worker from a goroutine of its own instead of the bounded '
              'channel, so a busy cache piles up blocked goroutines', 'edit'),
             (0, 'go-ok-00-ccache-stop-waits-for-worker',
              'clean: the fix makes Stop wait until the worker has drained the promotion channel', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / CONC-01: singleflight of a vector search engine's internals (vald)
VALD = template('vald-singleflight-dochan', r'''
// DoChan is like Do but returns a channel that receives the result once fn returns. Duplicate callers of key share
// the first caller's execution. The call runs on the group's errgroup, whose Go recovers a panic of fn and turns it
// into an error; when the errgroup refuses the call (its limit is reached and the context is done), every waiter of
// key gets that error instead of waiting for a result that never comes.
func (g *group[V]) DoChan(ctx context.Context, key string, fn func(context.Context) (V, error)) <-chan Result[V] {
    ch := make(chan Result[V], 1)
    g.mu.Lock()
    if c, ok := g.m[key]; ok {
        c.dups.Add(1)
        c.chans = append(c.chans, ch)
        g.mu.Unlock()
        return ch
    }
    c := &call[V]{chans: []chan<- Result[V]{ch}}
    c.wg.Add(1)
    g.m[key] = c
    g.mu.Unlock()

0|    if err := g.eg.Go(func() error {
0|        g.doCall(ctx, c, key, fn)
0|        return nil
0|    }); err != nil {
0|        g.fail(c, key, err)
0|    }
1|    g.eg.Go(func() error { //@ERR-01
1|        g.doCall(ctx, c, key, fn)
1|        return nil
1|    })
2|    go g.doCall(ctx, c, key, fn) //@CONC-01
    return ch
}

// fail ends the call of key with err: its waiters get err and the key is free for the next caller.
func (g *group[V]) fail(c *call[V], key string, err error) {
    c.err = err
    g.mu.Lock()
    delete(g.m, key)
    for _, ch := range c.chans {
        ch <- Result[V]{Err: err, Shared: c.dups.Load() > 0}
    }
    g.mu.Unlock()
    c.wg.Done()
}
''')
cases_of(case, GH + 'vdaas/vald/pull/3264', 'internal/sync/singleflight/singleflight.go',
         G('singleflight', ['context'])(VALD), [
             (1, 'go-00-vald-singleflight-errgroup-refusal-ignored',
              'an edit ignores the error of the errgroup\'s Go, so a refused call leaves every waiter of the key '
              'waiting', 'edit'),
             (2, 'go-00-vald-singleflight-raw-goroutine-without-recover',
              'an edit runs the shared call on a bare goroutine, outside the errgroup that recovers its panics',
              'edit'),
             (0, 'go-ok-00-vald-singleflight-errgroup-refusal-reported',
              'clean: the call runs on the errgroup and a refusal is delivered to every waiter', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / LOG-01: open-file cache of a hash-indexed store (go-storethehash), renamed file
STH = template('storethehash-filecache', r'''
// FileCache keeps a bounded number of index files open. Open hands out a file and counts a reference; Close gives
// the reference back. A file evicted while references are still out is kept in removed and closed when its last
// reference comes back, so eviction never closes a file under a reader and never leaks one.
type FileCache struct {
    lock     sync.Mutex
    cache    map[string]*list.Element
    ll       *list.List
    capacity int
    removed  map[*os.File]int
    flag     int
    perm     os.FileMode
}

type entry struct {
    file *os.File
    refs int
}

var log = logging.Logger("storethehash/filecache")

// Open returns the open file of name, opening it when it is not cached.
func (c *FileCache) Open(name string) (*os.File, error) {
    c.lock.Lock()
    defer c.lock.Unlock()
    if elem, ok := c.cache[name]; ok {
        c.ll.MoveToFront(elem)
        ent := elem.Value.(*entry)
        ent.refs++
2|        log.Infow("index file served from cache", "name", name, "refs", ent.refs) //@LOG-01
        return ent.file, nil
    }
    file, err := os.OpenFile(name, c.flag, c.perm)
    if err != nil {
        return nil, err
    }
    c.cache[name] = c.ll.PushFront(&entry{file: file, refs: 1})
    if c.ll.Len() > c.capacity {
        c.evictOldest()
    }
    return file, nil
}

func (c *FileCache) evictOldest() {
    elem := c.ll.Back()
    ent := elem.Value.(*entry)
    c.ll.Remove(elem)
    delete(c.cache, ent.file.Name())
    if ent.refs > 0 { //@{1}RES-01
02|        c.removed[ent.file] = ent.refs
        return
    }
    if err := ent.file.Close(); err != nil {
        log.Errorw("cannot close evicted index file", "name", ent.file.Name(), "err", err)
    }
}

// Close gives back a reference to file; the file is closed when it is no longer cached and unreferenced.
func (c *FileCache) Close(file *os.File) error {
    c.lock.Lock()
    defer c.lock.Unlock()
    if refs, ok := c.removed[file]; ok {
        if refs <= 1 {
            delete(c.removed, file)
            return file.Close()
        }
        c.removed[file] = refs - 1
        return nil
    }
    if elem, ok := c.cache[file.Name()]; ok {
        ent := elem.Value.(*entry)
        if ent.file == file && ent.refs > 0 {
            ent.refs--
        }
    }
    return nil
}
''')
cases_of(case, GH + 'ipld/go-storethehash/pull/80', 'store/filecache/filecache.go',
         G('filecache', ['container/list', 'os', 'sync', '', 'logging github.com/ipfs/go-log/v2'])(STH), [
             (1, 'go-00-storethehash-renamed-evicted-file-forgotten',
              'a move of the file cache into its own package also stops remembering a file evicted with references '
              'out, so nothing ever closes it', 'rename'),
             (2, 'go-00-storethehash-renamed-logs-every-cache-hit',
              'a move of the file cache into its own package also logs every cache hit of the index at info',
              'rename'),
             (0, 'go-ok-00-storethehash-renamed-filecache',
              'clean: the move alone; evicted files in use are closed by their last Close', 'rename'),
         ], rename_from='store/index/filecache.go',
         rename_old=lambda t: t.replace('package filecache', 'package index'))


# ---------------------------------------------------------------- TMO-01 / LOG-01: Elasticsearch client and bulk failures of a MongoDB-to-Elasticsearch sync (monstache), CRLF file
MONSTACHE = template('monstache-http-client', r'''
// newHTTPClient builds the client every Elasticsearch request of monstache goes through. The client timeout is the
// configured elasticsearch-client-timeout: without it a node that accepts the connection and never answers stalls a
// bulk worker for good.
func (config *configOptions) newHTTPClient() (*http.Client, error) {
    tlsConfig := &tls.Config{InsecureSkipVerify: !config.ElasticValidatePemFile}
    if config.ElasticPemFile != "" {
        pem, err := os.ReadFile(config.ElasticPemFile)
        if err != nil {
            return nil, fmt.Errorf("reading elasticsearch-pem-file: %w", err)
        }
        pool := x509.NewCertPool()
        pool.AppendCertsFromPEM(pem)
        tlsConfig.RootCAs = pool
    }
    transport := &http.Transport{
        DisableCompression:  !config.Gzip,
        TLSHandshakeTimeout: 30 * time.Second,
        TLSClientConfig:     tlsConfig,
        MaxIdleConnsPerHost: config.ElasticMaxConns,
    }
    client := &http.Client{ //@{1}TMO-01
02|        Timeout:   time.Duration(config.ElasticClientTimeout) * time.Second,
        Transport: transport,
    }
    return client, nil
}

// afterBulk reports the outcome of a bulk request. A bulk with line failures is reported once, with the count and the
// first failure; the statistics count every failed line.
func (ic *indexClient) afterBulk(executionID int64, requests []elastic.BulkableRequest, response *elastic.BulkResponse, err error) {
    if err != nil {
        errorLog.Printf("Bulk index request with execution ID %d failed: %s", executionID, err)
        return
    }
    if response == nil || !response.Errors {
        return
    }
    failed := response.Failed()
    if len(failed) == 0 {
        return
    }
    ic.stats.AddFailed(len(failed))
01|    first := failed[0]
01|    errorLog.Printf("Bulk index request with execution ID %d has %d line failure(s); first: %s/%s: %s",
01|        executionID, len(failed), first.Index, first.Id, first.Error.Reason)
2|    for _, item := range failed {
2|        errorLog.Printf("Bulk index request with execution ID %d failed for %s/%s: %s", //@LOG-01
2|            executionID, item.Index, item.Id, item.Error.Reason)
2|    }
}
''')
cases_of(case, GH + 'rwynn/monstache/issues/25', 'monstache.go',
         G('main', ['crypto/tls', 'crypto/x509', 'fmt', 'net/http', 'os', 'time', '',
                    'github.com/olivere/elastic/v7'])(MONSTACHE), [
             (1, 'go-00-monstache-elastic-client-without-timeout',
              'an edit drops the configured timeout from the Elasticsearch HTTP client, so a node that never answers '
              'stalls a bulk worker', 'edit'),
             (2, 'go-00-monstache-logs-every-failed-bulk-line',
              'an edit logs every failed line of every bulk response instead of one summary per bulk', 'edit'),
             (0, 'go-ok-00-monstache-elastic-client-with-timeout',
              'clean: the client carries the configured timeout', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- ERR-01 / RES-02: bulk flush and credential check of a MySQL-to-Elasticsearch river (go-mysql-elasticsearch)
GOMYES = template('go-mysql-elasticsearch-sync', r'''
// checkElasticsearch asks the cluster's root endpoint before the river starts, so wrong es_user or es_pass settings
// stop the river with a message instead of a river that runs and never indexes anything.
func (r *River) checkElasticsearch() error {
    resp, err := r.es.DoRequest(http.MethodGet, r.es.Addr+"/", nil)
    if err != nil { //@{2}RES-02
        return errors.Annotatef(err, "cannot reach elasticsearch at %s", r.es.Addr)
    }
01|    defer resp.Body.Close()
    switch resp.StatusCode {
    case http.StatusOK:
        return nil
    case http.StatusUnauthorized, http.StatusForbidden:
        return errors.Errorf("elasticsearch at %s refused the credentials (%s): check es_user and es_pass", r.es.Addr, resp.Status)
    default:
        return errors.Errorf("elasticsearch at %s answered %s", r.es.Addr, resp.Status)
    }
}

func (r *River) syncLoop() {
    bulkSize := r.c.BulkSize
    if bulkSize == 0 {
        bulkSize = 128
    }
    ticker := time.NewTicker(r.c.FlushBulkTime.Duration)
    defer ticker.Stop()
    defer r.wg.Done()

    reqs := make([]*elastic.BulkRequest, 0, 1024)
    for {
        needFlush := false
        select {
        case v := <-r.syncCh:
            reqs = append(reqs, v.([]*elastic.BulkRequest)...)
            needFlush = len(reqs) >= bulkSize
        case <-ticker.C:
            needFlush = true
        case <-r.ctx.Done():
            return
        }
        if needFlush && len(reqs) > 0 {
02|            if err := r.doBulk(reqs); err != nil {
02|                log.Errorf("do ES bulk err %v, close sync", err)
02|                r.cancel()
02|                return
02|            }
1|            r.doBulk(reqs) //@ERR-01
            reqs = reqs[0:0]
        }
    }
}
''')
cases_of(case, GH + 'go-mysql-org/go-mysql-elasticsearch/issues/131', 'river/sync.go',
         G('river', ['net/http', 'time', '', 'github.com/go-mysql-org/go-mysql-elasticsearch/elastic',
                     'github.com/juju/errors', 'github.com/siddontang/go-log/log'])(GOMYES), [
             (1, 'go-00-go-mysql-elasticsearch-bulk-error-dropped',
              'an edit flushes each bulk without looking at its error, so a river whose bulks are refused keeps '
              'running and indexes nothing', 'edit'),
             (2, 'go-00-go-mysql-elasticsearch-credential-check-body-left-open',
              'an edit stops closing the response of the credential check against the cluster\'s root endpoint',
              'edit'),
             (0, 'go-ok-00-go-mysql-elasticsearch-bulk-error-stops-river',
              'clean: the fix stops the river on a bulk error and logs it', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / LOG-03: search service of an IPFS search engine on riot (Lens)
LENS = template('lens-search-service', r'''
// Service answers search requests from the riot engine. riot's Search writes to a map shared by all searches, so
// searches and index updates are serialised on mu; the engine is otherwise fast enough that the lock costs little.
type Service struct {
    mu     sync.Mutex
    engine *riot.Engine
    l      *zap.SugaredLogger
}

func (s *Service) Index(ctx context.Context, req *lenspb.IndexReq) (*lenspb.IndexResp, error) {
    s.mu.Lock()
    s.engine.Index(req.GetHash(), types.DocData{Content: req.GetContent(), Labels: req.GetTags()})
    s.engine.Flush()
    s.mu.Unlock()
    return &lenspb.IndexResp{Hash: req.GetHash()}, nil
}

func (s *Service) Search(ctx context.Context, req *lenspb.SearchReq) (*lenspb.SearchResp, error) {
    logger := s.l.With("request.id", requestID(ctx))
    query := strings.TrimSpace(req.GetQuery())
    if query == "" {
        return nil, status.Error(codes.InvalidArgument, "empty query")
    }
02|    s.mu.Lock()
    out := s.engine.Search(types.SearchReq{Text: query, Labels: req.GetTags(), RankOpts: &types.RankOpts{MaxOutputs: 50}}) //@{1}CONC-03
02|    s.mu.Unlock()

    docs, ok := out.Docs.(types.ScoredDocs)
    if !ok {
        return nil, status.Error(codes.Internal, "unexpected search result")
    }
    resp := &lenspb.SearchResp{Results: make([]*lenspb.SearchResult, 0, len(docs))}
    for _, d := range docs {
        resp.Results = append(resp.Results, &lenspb.SearchResult{Hash: d.DocId, Score: d.Scores[0]})
    }
01|    logger.Debugw("search complete", "query", query, "hits", len(resp.Results))
2|    s.l.Debugw("search complete", "query", query, "hits", len(resp.Results)) //@LOG-03
    return resp, nil
}
''')
cases_of(case, GH + 'RTradeLtd/Lens/pull/20', 'search/service.go',
         G('search', ['context', 'strings', 'sync', '', 'lenspb github.com/RTradeLtd/grpc/lensv2',
                      'github.com/go-ego/riot', 'github.com/go-ego/riot/types', 'go.uber.org/zap',
                      'google.golang.org/grpc/codes', 'google.golang.org/grpc/status'])(LENS), [
             (1, 'go-00-lens-search-outside-engine-lock',
              'an edit runs riot\'s search without the service\'s lock, so concurrent searches write riot\'s shared '
              'map at once', 'edit'),
             (2, 'go-00-lens-search-logged-without-request-id',
              'an edit logs the finished search with the service\'s logger instead of the request\'s, losing the '
              'request id', 'edit'),
             (0, 'go-ok-00-lens-search-under-engine-lock',
              'clean: searches run under the lock that serialises riot', 'fix'),
         ])
