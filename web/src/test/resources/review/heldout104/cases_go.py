"""Round-104 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- CONC-03 / CONC-01: the expiry janitor of an in-memory cache library (go-cache)
GOCACHE_JANITOR = template('go-cache-janitor', r'''
// janitor deletes expired items on an interval. It runs on its own goroutine for as long as the Cache it belongs to
// is reachable: the finalizer set in newCacheWithJanitor stops it when the Cache is collected.
type janitor struct {
    Interval time.Duration
    stop     chan bool
}

func (j *janitor) Run(c *cache) {
1|    j.stop = make(chan bool) //@CONC-03
    ticker := time.NewTicker(j.Interval)
    defer ticker.Stop()
    for {
        select {
        case <-ticker.C:
            c.DeleteExpired()
        case <-j.stop:
            return
        }
    }
}

func stopJanitor(c *Cache) {
    c.janitor.stop <- true
}

// runJanitor starts the janitor. DeleteExpired calls the user's OnEvicted function, so a panic in an eviction
// callback must not take the whole process down with the janitor.
func runJanitor(c *cache, ci time.Duration) {
    j := &janitor{
        Interval: ci,
02|        stop:     make(chan bool),
    }
    c.janitor = j
01|    go func() {
01|        defer func() {
01|            if r := recover(); r != nil {
01|                log.Printf("go-cache: janitor stopped by a panic in an eviction callback: %v", r)
01|            }
01|        }()
01|        j.Run(c)
01|    }()
2|    go j.Run(c) //@CONC-01
}

func newCache(de time.Duration, m map[string]Item) *cache {
    if de == 0 {
        de = -1
    }
    c := &cache{
        defaultExpiration: de,
        items:             m,
    }
    return c
}

func newCacheWithJanitor(de time.Duration, ci time.Duration, m map[string]Item) *Cache {
    c := newCache(de, m)
    // This trick ensures that the janitor goroutine (which is running DeleteExpired on c forever) does not keep the
    // returned C object from being garbage collected. When it is garbage collected, the finalizer stops the janitor
    // goroutine, after which c can be collected.
    C := &Cache{c}
    if ci > 0 {
        runJanitor(c, ci)
        runtime.SetFinalizer(C, stopJanitor)
    }
    return C
}
''')
cases_of(case, GH + 'patrickmn/go-cache/pull/64', 'cache.go',
         GV('cache', {0: ['log', 'runtime', 'time'], 1: ['log', 'runtime', 'time'], 2: ['runtime', 'time']})(GOCACHE_JANITOR), [
             (1, 'go-00-gocache-janitor-stop-channel-made-on-its-goroutine',
              'an edit creates the janitor\'s stop channel on the janitor goroutine itself, so the finalizer that '
              'sends on it from the GC goroutine races with the write', 'edit'),
             (2, 'go-00-gocache-janitor-goroutine-without-recover',
              'an edit starts the janitor goroutine directly, so a panicking eviction callback kills the process', 'edit'),
             (0, 'go-ok-00-gocache-janitor-stop-channel-made-before-start',
              'clean: the fix creates the stop channel with the janitor, before its goroutine starts', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / TMO-02: the metrics wrapper of a cache abstraction library (eko/gocache)
EKO_METRIC = template('eko-gocache-metric', r'''
// MetricCache is the struct that wraps a cache and records, for every getter it holds, the hits and misses of the
// codecs behind it. Chained caches are walked so that each layer reports its own numbers.
type MetricCache[T any] struct {
    cache   CacheInterface[T]
    metrics metrics.MetricsInterface
}

// NewMetric creates a new cache with metrics and a given cache storage
func NewMetric[T any](metricsInterface metrics.MetricsInterface, cache CacheInterface[T]) *MetricCache[T] {
    return &MetricCache[T]{
        cache:   cache,
        metrics: metricsInterface,
    }
}

// Get obtains a value from cache and also records metrics
func (c *MetricCache[T]) Get(ctx context.Context, key any) (T, error) {
    result, err := c.cache.Get(ctx, key)
    c.updateMetrics(c.cache)
    return result, err
}

// Set defines data in the cache for given key identifier
func (c *MetricCache[T]) Set(ctx context.Context, key any, object T, options ...store.Option) error {
01|    return c.cache.Set(ctx, key, object, options...)
2|    return c.cache.Set(context.Background(), key, object, options...) //@TMO-02
}

// Delete removes data in the cache for given key identifier
func (c *MetricCache[T]) Delete(ctx context.Context, key any) error {
    return c.cache.Delete(ctx, key)
}

func (c *MetricCache[T]) updateMetrics(cache CacheInterface[T]) {
    switch current := cache.(type) {
    case *ChainCache[T]:
        for _, inner := range current.GetCaches() {
02|            c.updateMetrics(inner)
1|            go c.updateMetrics(inner) //@CONC-01
        }
    case SetterCacheInterface[T]:
        if cdc, ok := current.GetCodec().(*codec.Codec); ok {
            c.metrics.RecordFromCodec(cdc)
        }
    }
}
''')
_EKO = ['context', '', 'github.com/eko/gocache/lib/v4/codec', 'github.com/eko/gocache/lib/v4/metrics',
        'github.com/eko/gocache/lib/v4/store']
cases_of(case, GH + 'eko/gocache/pull/16', 'lib/cache/metric.go', G('cache', _EKO)(EKO_METRIC), [
    (1, 'go-00-eko-gocache-metrics-of-chained-caches-on-goroutines',
     'an edit updates the metrics of each chained cache on its own goroutine, without a recover and racing on the '
     'codec counters', 'edit'),
    (2, 'go-00-eko-gocache-set-drops-caller-context',
     'an edit sets values through a background context, so a caller\'s deadline no longer bounds the store call',
     'edit'),
    (0, 'go-ok-00-eko-gocache-metrics-updated-inline',
     'clean: the fix walks the chained caches on the caller\'s goroutine', 'fix'),
])


# ---------------------------------------------------------------- CONC-03 / LOG-01: a shard of a sharded byte cache (bigcache)
BIGCACHE_SHARD = template('bigcache-shard', r'''
func (s *cacheShard) get(key string, hashedKey uint64) ([]byte, error) {
    s.lock.RLock()
    wrappedEntry, err := s.getWrappedEntry(hashedKey)
    if err != nil {
        s.lock.RUnlock()
        return nil, err
    }
    if entryKey := readKeyFromEntry(wrappedEntry); key != entryKey {
        s.lock.RUnlock()
        s.collision()
01|        if s.isVerbose {
01|            s.logger.Printf("Collision detected. Both %q and %q have the same hash %x", key, entryKey, hashedKey)
01|        }
2|        s.logger.Printf("Collision detected. Both %q and %q have the same hash %x", key, entryKey, hashedKey) //@LOG-01
        return nil, ErrEntryNotFound
    }
    entry := readEntry(wrappedEntry)
    s.lock.RUnlock()
    s.hit(hashedKey)
    return entry, nil
}

func (s *cacheShard) getWrappedEntry(hashedKey uint64) ([]byte, error) {
    itemIndex := s.hashmap[hashedKey]
    if itemIndex == 0 {
        s.miss()
        return nil, ErrEntryNotFound
    }
    wrappedEntry, err := s.entries.Get(int(itemIndex))
    if err != nil {
        s.miss()
        return nil, err
    }
    return wrappedEntry, err
}

// getKeyMetadata returns the number of requests of a key. The counters are written by get under the shard lock and
// cleared by the cleaner when the entry is evicted.
func (s *cacheShard) getKeyMetadata(key uint64) Metadata {
02|    s.lock.RLock()
02|    defer s.lock.RUnlock()
    return Metadata{
        RequestCount: s.hashmapStats[key], //@{1}CONC-03
    }
}

func (s *cacheShard) hit(key uint64) {
    atomic.AddInt64(&s.stats.Hits, 1)
    if s.statsEnabled {
        s.lock.Lock()
        s.hashmapStats[key]++
        s.lock.Unlock()
    }
}

func (s *cacheShard) miss() {
    atomic.AddInt64(&s.stats.Misses, 1)
}

func (s *cacheShard) collision() {
    atomic.AddInt64(&s.stats.Collisions, 1)
}
''')
cases_of(case, GH + 'allegro/bigcache/pull/233', 'shard.go', G('bigcache', ['sync/atomic'])(BIGCACHE_SHARD), [
    (1, 'go-00-bigcache-key-metadata-read-without-lock',
     'an edit reads a key\'s request counter without the shard lock, racing with the cleaner that deletes it',
     'edit'),
    (2, 'go-00-bigcache-collision-logged-on-every-get',
     'an edit logs every hash collision on the read path whether or not the cache is verbose, one line per colliding '
     'get', 'edit'),
    (0, 'go-ok-00-bigcache-key-metadata-read-under-lock',
     'clean: the fix reads the key metadata under the shard\'s read lock', 'fix'),
])


# ---------------------------------------------------------------- TMO-02 / TMO-03: application stop of a dependency injection framework (uber-go/fx)
FX_STOP = template('fx-app-stop', r'''
// Stop gracefully stops the application. It executes any registered OnStop hooks in reverse order, so that each
// constructor's resources are released before those of its dependencies.
//
// If the application didn't start cleanly, only hooks whose OnStart phase was called are executed. However, all
// those hooks are executed, even if some fail. An application started without a deadline on ctx is given the
// StopTimeout option's duration.
func (app *App) Stop(ctx context.Context) (err error) {
    if _, ok := ctx.Deadline(); !ok {
01|        var cancel context.CancelFunc
01|        ctx, cancel = context.WithTimeout(ctx, app.stopTimeout)
01|        defer cancel()
2|        ctx, _ = context.WithTimeout(ctx, app.stopTimeout) //@TMO-03
    }
    defer func() {
        app.log().LogEvent(&fxevent.Stopped{Err: err})
    }()

    cb := func(ctx context.Context) error {
        defer app.receivers.Stop(ctx)
        return app.stopHooks(ctx)
    }
    return withTimeout(ctx, &withTimeoutParams{
        hook:      _onStopHook,
        callback:  cb,
        lifecycle: app.lifecycle,
        log:       app.log(),
    })
}

// stopHooks runs the OnStop hook of every started constructor, newest first, each with the stop context so that a
// hook that waits on a drain gives up when the application's stop deadline passes.
func (app *App) stopHooks(ctx context.Context) error {
    var errs []error
    hooks := app.lifecycle.startedHooks()
    for i := len(hooks) - 1; i >= 0; i-- {
        hook := hooks[i]
        if hook.OnStop == nil {
            continue
        }
        app.log().LogEvent(&fxevent.OnStopExecuting{FunctionName: hook.onStopName, CallerName: hook.callerFrame.Function})
        began := time.Now()
02|        err := hook.OnStop(ctx)
1|        err := hook.OnStop(context.Background()) //@TMO-02
        app.log().LogEvent(&fxevent.OnStopExecuted{
            FunctionName: hook.onStopName,
            CallerName:   hook.callerFrame.Function,
            Runtime:      time.Since(began),
            Err:          err,
        })
        if err != nil {
            errs = append(errs, err)
        }
    }
    return multierr.Combine(errs...)
}
''')
cases_of(case, GH + 'uber-go/fx/issues/1035', 'app_stop.go',
         G('fx', ['context', 'time', '', 'go.uber.org/fx/fxevent', 'go.uber.org/multierr'])(FX_STOP), [
             (1, 'go-00-fx-stop-hooks-run-with-background-context',
              'an edit runs every OnStop hook with a background context, so a hook draining connections ignores the '
              'application\'s stop deadline', 'edit'),
             (2, 'go-00-fx-stop-timeout-cancel-discarded',
              'an edit derives the default stop deadline and discards its cancel function', 'edit'),
             (0, 'go-ok-00-fx-stop-hooks-run-with-stop-context',
              'clean: the fix passes the stop context to every OnStop hook', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-03 / CONC-01: a new context-aware deadline of a resiliency library (go-resiliency)
RESILIENCY_DEADLINE = template('go-resiliency-deadline-context', r'''
// RunContext runs work with a context derived from ctx that expires with the deadline, so that work which honours
// its context stops when the caller stops waiting for it. It returns ErrTimedOut if the deadline passes first; the
// result of work that finishes later is discarded (the channel is buffered, so the worker never blocks on it).
func (d *Deadline) RunContext(ctx context.Context, work func(context.Context) error) error {
02|    ctx, cancel := context.WithTimeout(ctx, d.timeout)
02|    defer cancel()
1|    ctx, _ = context.WithTimeout(ctx, d.timeout) //@TMO-03

    result := make(chan error, 1)
01|    go func() {
01|        defer func() {
01|            if r := recover(); r != nil {
01|                result <- fmt.Errorf("deadline: work panicked: %v", r)
01|            }
01|        }()
01|        result <- work(ctx)
01|    }()
2|    go func() { //@CONC-01
2|        result <- work(ctx)
2|    }()

    select {
    case err := <-result:
        return err
    case <-ctx.Done():
        if errors.Is(ctx.Err(), context.DeadlineExceeded) {
            return ErrTimedOut
        }
        return ctx.Err()
    }
}
''')
cases_of(case, GH + 'eapache/go-resiliency/pull/24', 'deadline/deadline_context.go',
         GV('deadline', {0: ['context', 'errors', 'fmt'], 1: ['context', 'errors', 'fmt'],
                         2: ['context', 'errors']})(RESILIENCY_DEADLINE), [
             (1, 'go-00-resiliency-deadline-context-cancel-discarded',
              'a new context-aware deadline discards the cancel of its derived context, so work that returns early '
              'keeps the timer and the context until the timeout fires', 'new'),
             (2, 'go-00-resiliency-deadline-worker-without-recover',
              'a new context-aware deadline runs the work on a goroutine without a recover, so a panicking task '
              'crashes the caller\'s process', 'new'),
             (0, 'go-ok-00-resiliency-deadline-context',
              'clean: a new context-aware deadline that cancels its context and recovers the worker', 'new'),
         ])


# ---------------------------------------------------------------- CONC-01 / LOG-01: the metric exchange of a circuit breaker library (hystrix-go), renamed
HYSTRIX_METRICS = template('hystrix-metric-exchange', r'''
type commandExecution struct {
    Types            []string      `json:"types"`
    Start            time.Time     `json:"start_time"`
    RunDuration      time.Duration `json:"run_duration"`
    ConcurrencyInUse float64       `json:"concurrency_inuse"`
}

// metricExchange receives the executions of one command and hands them to every metric collector. IncrementMetrics
// runs on the goroutine of each command call; Monitor drains the updates on the exchange's own goroutine.
type metricExchange struct {
    Name    string
    Updates chan *commandExecution
    Mutex   *sync.RWMutex

    metricCollectors []metricCollector.MetricCollector
}

func newMetricExchange(name string) *metricExchange {
    m := &metricExchange{}
    m.Name = name

    m.Updates = make(chan *commandExecution, 2000)
    m.Mutex = &sync.RWMutex{}
    m.metricCollectors = metricCollector.Registry.InitializeMetricCollectors(name)
    m.Reset()

02|    go func() {
02|        defer func() {
02|            if r := recover(); r != nil {
02|                log.Printf("hystrix-go: metric exchange for %v stopped by a panic in a collector: %v", name, r)
02|            }
02|        }()
02|        m.Monitor()
02|    }()
1|    go m.Monitor() //@CONC-01

    return m
}

// IncrementMetrics records one execution of the command. It is called for every command, successful or not.
func (m *metricExchange) IncrementMetrics(wg *sync.WaitGroup, collector metricCollector.MetricCollector, update *commandExecution, totalDuration time.Duration) {
    r := metricCollector.MetricResult{
        Attempts:         1,
        TotalDuration:    totalDuration,
        RunDuration:      update.RunDuration,
        ConcurrencyInUse: update.ConcurrencyInUse,
    }
    switch update.Types[0] {
    case "success":
        r.Successes = 1
    case "failure":
        r.Failures = 1
        r.Errors = 1
    case "rejected":
        r.Rejects = 1
        r.Errors = 1
2|        log.Printf("hystrix-go: %v rejected a call, too many concurrent requests", m.Name) //@LOG-01
    case "short-circuit":
        r.ShortCircuits = 1
        r.Errors = 1
    case "timeout":
        r.Timeouts = 1
        r.Errors = 1
    }
    collector.Update(r)
    wg.Done()
}
''')
cases_of(case, GH + 'afex/hystrix-go/issues/95', 'hystrix/metric_exchange.go',
         G('hystrix', ['log', 'sync', 'time', '', 'github.com/afex/hystrix-go/hystrix/metric_collector'])(HYSTRIX_METRICS), [
             (1, 'go-00-hystrix-renamed-metric-exchange-monitor-without-recover',
              'a PR renames the metrics file and starts the exchange\'s monitor goroutine without its recover, so a '
              'panicking collector kills the service', 'rename'),
             (2, 'go-00-hystrix-renamed-metric-exchange-logs-every-rejection',
              'a PR renames the metrics file and logs every rejected call, one line per request while the command is '
              'saturated', 'rename'),
             (0, 'go-ok-00-hystrix-renamed-metric-exchange',
              'clean: the rename alone; the monitor goroutine recovers and rejections are only counted', 'rename'),
         ], rename_from='hystrix/metrics.go')


# ---------------------------------------------------------------- CONC-03 / ERR-01: the loader path of a TTL cache library (ttlcache), CRLF
TTLCACHE_GET = template('ttlcache-get', r'''
// Get returns the value cached for key. A key that is missing is loaded with the cache's loader function, when one
// is set, and stored with the TTL the loader returned. Metrics are read by other goroutines through GetMetrics.
func (cache *Cache) Get(key string) (interface{}, error) {
    cache.mutex.Lock()
    if cache.isShutDown {
        cache.mutex.Unlock()
        return nil, ErrClosed
    }
    item, exists, expiredNotice := cache.getItem(key)
    var data interface{}
    if exists {
02|        cache.metrics.Hits++
        data = item.data
    }
    loader := cache.loaderFunction
    cache.mutex.Unlock()

    if expiredNotice {
        cache.expireNotify <- struct{}{}
    }
    if exists {
1|        cache.metrics.Hits++ //@CONC-03
        return data, nil
    }
    if loader == nil {
        return nil, ErrNotFound
    }
    return cache.invokeLoader(key, loader)
}

func (cache *Cache) invokeLoader(key string, loader LoaderFunction) (interface{}, error) {
    value, ttl, err := loader(key)
    if err != nil {
        return nil, err
    }
01|    if err := cache.SetWithTTL(key, value, ttl); err != nil {
01|        return nil, err
01|    }
2|    cache.SetWithTTL(key, value, ttl) //@ERR-01
    return value, nil
}

// GetMetrics exposes the metrics of the cache.
func (cache *Cache) GetMetrics() Metrics {
    cache.mutex.Lock()
    defer cache.mutex.Unlock()
    return cache.metrics
}
''')
cases_of(case, GH + 'jellydator/ttlcache/pull/17', 'cache.go', G('ttlcache', [])(TTLCACHE_GET), [
    (1, 'go-00-ttlcache-hit-counted-after-unlock',
     'an edit counts a cache hit after the mutex is released, racing with other readers and with GetMetrics; CRLF file',
     'edit'),
    (2, 'go-00-ttlcache-loaded-value-store-error-dropped',
     'an edit drops the error of storing a loaded value, so a closed cache returns the value as if it were cached; '
     'CRLF file', 'edit'),
    (0, 'go-ok-00-ttlcache-hit-counted-under-lock',
     'clean: the fix counts the hit while the mutex is held; CRLF file', 'fix'),
], crlf=True)


# ---------------------------------------------------------------- RES-04 / LOG-01: the handler helpers of an HTTP rate limiting middleware (tollbooth)
TOLLBOOTH = template('tollbooth-handler', r'''
// LimitByIPHandler is a middleware that limits every client address to max requests per second. Buckets of
// addresses that stay idle for ttl are expired, so the limiter's memory follows the active clients only.
func LimitByIPHandler(max float64, ttl time.Duration, next http.Handler) http.Handler {
02|    lmt := NewLimiter(max, &limiter.ExpirableOptions{DefaultExpirationTTL: ttl})
    return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
1|        lmt := NewLimiter(max, &limiter.ExpirableOptions{DefaultExpirationTTL: ttl}) //@RES-04
        if httpError := LimitByRequest(lmt, w, r); httpError != nil {
            lmt.ExecOnLimitReached(w, r)
2|            log.Printf("tollbooth: %s %s from %s over the limit", r.Method, r.URL.Path, r.RemoteAddr) //@LOG-01
            setResponseHeaders(lmt, w, r)
            w.Header().Add("Content-Type", lmt.GetMessageContentType())
            w.WriteHeader(httpError.StatusCode)
            w.Write([]byte(httpError.Message))
            return
        }
        next.ServeHTTP(w, r)
    })
}

// LimitHandler is a middleware that performs rate-limiting given http.Handler struct.
func LimitHandler(lmt *limiter.Limiter, next http.Handler) http.Handler {
    middle := func(w http.ResponseWriter, r *http.Request) {
        httpError := LimitByRequest(lmt, w, r)
        if httpError != nil {
            lmt.ExecOnLimitReached(w, r)
            setResponseHeaders(lmt, w, r)
            w.Header().Add("Content-Type", lmt.GetMessageContentType())
            w.WriteHeader(httpError.StatusCode)
            w.Write([]byte(httpError.Message))
            return
        }
        next.ServeHTTP(w, r)
    }
    return http.HandlerFunc(middle)
}
''')
cases_of(case, GH + 'didip/tollbooth/issues/65', 'handlers.go',
         GV('tollbooth', {0: ['net/http', 'time', '', 'github.com/didip/tollbooth/v7/limiter'],
                          1: ['net/http', 'time', '', 'github.com/didip/tollbooth/v7/limiter'],
                          2: ['log', 'net/http', 'time', '', 'github.com/didip/tollbooth/v7/limiter']})(TOLLBOOTH), [
             (1, 'go-00-tollbooth-limiter-built-per-request',
              'an edit builds the per-address limiter inside the handler, so every request gets a fresh bucket and an '
              'expiring store that nothing shares', 'edit'),
             (2, 'go-00-tollbooth-every-limited-request-logged',
              'an edit logs every request over the limit, one line per rejected request during the flood the limiter '
              'exists for', 'edit'),
             (0, 'go-ok-00-tollbooth-limiter-built-once',
              'clean: the fix builds the limiter once, outside the handler', 'fix'),
         ])


# ---------------------------------------------------------------- TX-02 / ERR-01: the transaction helper of an ORM (gobuffalo/pop)
POP_TX = template('pop-transaction', r'''
// Transaction will start a new transaction on the connection. If the inner function returns an error then the
// transaction will be rolled back, otherwise the transaction will automatically commit at the end.
func (c *Connection) Transaction(fn func(tx *Connection) error) error {
    return c.Dialect.Lock(func() (err error) {
        var dberr error

        cn, err := c.NewTransaction()
        if err != nil {
            return err
        }
        txlog(logging.SQL, cn, "BEGIN Transaction ---")

        defer func() {
            if ex := recover(); ex != nil {
                txlog(logging.SQL, cn, "ROLLBACK Transaction (inner function panic) ---")
02|                dberr = cn.TX.Rollback()
02|                if dberr != nil {
02|                    txlog(logging.Error, cn, "database error while inner panic rollback: %v", dberr)
02|                }
1|                _ = cn.TX.Rollback() //@ERR-01
                panic(ex)
            }
        }()

        err = fn(cn)
        if err != nil {
            txlog(logging.SQL, cn, "ROLLBACK Transaction ---")
            dberr = cn.TX.Rollback()
        } else {
            txlog(logging.SQL, cn, "END Transaction ---")
01|            dberr = cn.TX.Commit()
2|            cn.TX.Commit() //@TX-02
        }

        if dberr != nil {
            return fmt.Errorf("database error on committing or rolling back transaction: %w", dberr)
        }

        return err
    })
}
''')
cases_of(case, GH + 'gobuffalo/pop/pull/568', 'connection.go',
         G('pop', ['fmt', '', 'github.com/gobuffalo/pop/v6/logging'])(POP_TX), [
             (1, 'go-00-pop-panic-rollback-error-dropped',
              'an edit drops the error of the rollback that follows a panic in the transaction function', 'edit'),
             (2, 'go-00-pop-commit-error-ignored',
              'an edit ignores the error of committing the transaction, so a failed commit is reported as success',
              'edit'),
             (0, 'go-ok-00-pop-panic-rollback-error-logged',
              'clean: the fix logs the error of the rollback after a panic', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / LOG-03: the request transaction middleware of a web framework (gobuffalo/buffalo)
BUFFALO_TX = template('buffalo-pop-transaction', r'''
// PopTransaction is a piece of Buffalo middleware that wraps each request in a transaction that is committed when
// the handler returns no error and a 2xx or 3xx status, and rolled back otherwise. The transaction is available to
// handlers as "tx".
var PopTransaction = func(db *pop.Connection) buffalo.MiddlewareFunc {
    return func(h buffalo.Handler) buffalo.Handler {
        return func(c buffalo.Context) error {
            tx, err := db.NewTransaction()
            if err != nil { //@{1}TX-01
                return err
            }
02|            committed := false
02|            defer func() {
02|                if committed {
02|                    return
02|                }
02|                if rbErr := tx.TX.Rollback(); rbErr != nil {
0|                    c.Logger().WithField("tx_id", tx.ID).Errorf("rolling back the request transaction: %v", rbErr)
2|                    log.Printf("rolling back request transaction %s: %v", tx.ID, rbErr) //@LOG-03
02|                }
02|            }()

            c.Set("tx", tx)
            if err := h(c); err != nil {
                return err
            }
            if res, ok := c.Response().(*buffalo.Response); ok && (res.Status < 200 || res.Status >= 400) {
                return nil
            }
            if err := tx.TX.Commit(); err != nil {
                return fmt.Errorf("committing the request transaction: %w", err)
            }
02|            committed = true
            return nil
        }
    }
}
''')
cases_of(case, GH + 'gobuffalo/buffalo/pull/668', 'middleware/pop_transaction.go',
         GV('middleware', {0: ['fmt', '', 'github.com/gobuffalo/buffalo', 'github.com/gobuffalo/pop/v6'],
                           1: ['fmt', '', 'github.com/gobuffalo/buffalo', 'github.com/gobuffalo/pop/v6'],
                           2: ['fmt', 'log', '', 'github.com/gobuffalo/buffalo', 'github.com/gobuffalo/pop/v6']})(BUFFALO_TX), [
             (1, 'go-00-buffalo-request-transaction-not-rolled-back',
              'an edit drops the deferred rollback, so a handler error or a 4xx or 5xx status leaves the request\'s '
              'transaction open on its connection', 'edit'),
             (2, 'go-00-buffalo-rollback-failure-logged-without-request',
              'an edit logs a failed rollback with the standard logger instead of the request\'s logger, so the line '
              'carries no request id', 'edit'),
             (0, 'go-ok-00-buffalo-request-transaction-rolled-back',
              'clean: the fix rolls the transaction back unless it was committed, logging through the request logger',
              'fix'),
         ])
