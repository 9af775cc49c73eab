"""Round-101 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- CONC-03 / TMO-01: local evaluation poller of a product analytics SDK (posthog-go)
POSTHOG = template('posthog-flag-poller', r'''
// FeatureFlagsPoller keeps the project's flag definitions in memory and refreshes them on an interval, so that flags
// are evaluated locally instead of with a request per call. Definitions are read by every request goroutine of the
// host application while the poller replaces them.
type FeatureFlagsPoller struct {
    ticker         *time.Ticker
    shutdown       chan bool
    loaded         chan bool
    loadedOnce     bool
    mu             sync.RWMutex
    featureFlags   []FeatureFlag
    groups         map[string]string
    personalApiKey string
    endpoint       string
    http           http.Client
    Logger         Logger
}

func newFeatureFlagsPoller(endpoint, personalApiKey string, interval, timeout time.Duration, logger Logger) *FeatureFlagsPoller {
    poller := &FeatureFlagsPoller{
        ticker:         time.NewTicker(interval),
        shutdown:       make(chan bool),
        loaded:         make(chan bool),
        personalApiKey: personalApiKey,
        endpoint:       endpoint,
01|        http:           http.Client{Timeout: timeout},
2|        http:           http.Client{}, //@TMO-01
        Logger:         logger,
    }
    go poller.run()
    return poller
}

func (poller *FeatureFlagsPoller) run() {
    defer func() {
        if r := recover(); r != nil {
            poller.Logger.Errorf("feature flag poller stopped by a panic: %v", r)
        }
    }()
    poller.fetchNewFeatureFlags()
    for {
        select {
        case <-poller.shutdown:
            poller.ticker.Stop()
            return
        case <-poller.ticker.C:
            poller.fetchNewFeatureFlags()
        }
    }
}

func (poller *FeatureFlagsPoller) fetchNewFeatureFlags() {
    req, err := http.NewRequest(http.MethodGet, poller.endpoint+"/api/feature_flag/local_evaluation", nil)
    if err != nil {
        poller.Logger.Errorf("unable to build the flag definitions request: %s", err)
        return
    }
    req.Header.Set("Authorization", "Bearer "+poller.personalApiKey)

    res, err := poller.http.Do(req)
    if err != nil {
        poller.Logger.Errorf("unable to fetch flag definitions: %s", err)
        return
    }
    defer res.Body.Close()
    if res.StatusCode != http.StatusOK {
        poller.Logger.Errorf("flag definitions request returned status %d", res.StatusCode)
        return
    }

    var body FeatureFlagsResponse
    if err := json.NewDecoder(res.Body).Decode(&body); err != nil {
        poller.Logger.Errorf("unable to decode flag definitions: %s", err)
        return
    }
02|    poller.mu.Lock()
    poller.featureFlags = body.Flags //@{1}CONC-03
    poller.groups = body.GroupTypeMapping
02|    poller.mu.Unlock()
    if !poller.loadedOnce {
        poller.loadedOnce = true
        close(poller.loaded)
    }
}

// GetFeatureFlags waits for the first load and returns the current definitions.
func (poller *FeatureFlagsPoller) GetFeatureFlags() []FeatureFlag {
    <-poller.loaded
    poller.mu.RLock()
    defer poller.mu.RUnlock()
    return poller.featureFlags
}

func (poller *FeatureFlagsPoller) shutdownPoller() {
    poller.shutdown <- true
}
''')
cases_of(case, GH + 'PostHog/posthog-go/issues/30', 'featureflags.go',
         G('posthog', ['encoding/json', 'net/http', 'sync', 'time'])(POSTHOG), [
             (1, 'go-00-posthog-flag-definitions-replaced-without-lock',
              'an edit drops the write lock around the replacement of the flag definitions, so the poller writes '
              'them while request goroutines read them under the read lock', 'edit'),
             (2, 'go-00-posthog-poller-client-without-timeout',
              'an edit builds the poller\'s HTTP client without the configured timeout, so a definitions endpoint '
              'that never answers stalls every later refresh', 'edit'),
             (0, 'go-ok-00-posthog-flag-definitions-replaced-under-lock',
              'clean: the fix replaces the definitions under the poller\'s write lock', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / RES-02: JSONL import of a search-as-a-service client (typesense-go)
TYPESENSE = template('typesense-import', r'''
// Import sends the documents to the collection through the JSONL import endpoint and returns one result per
// document. The caller's context bounds the whole import: a batch of a million documents can take minutes.
func (d *documents) Import(ctx context.Context, documents []interface{}, params *api.ImportDocumentsParams) ([]*api.ImportDocumentResponse, error) {
    if len(documents) == 0 {
        return nil, ErrNoDocuments
    }
    var body bytes.Buffer
    enc := json.NewEncoder(&body)
    for _, doc := range documents {
        if err := enc.Encode(doc); err != nil {
            return nil, fmt.Errorf("encoding document for import: %w", err)
        }
    }
    return d.importJSONL(ctx, &body, params)
}

// ImportJsonl sends an already encoded JSONL body.
func (d *documents) ImportJsonl(ctx context.Context, body io.Reader, params *api.ImportDocumentsParams) ([]*api.ImportDocumentResponse, error) {
    return d.importJSONL(ctx, body, params)
}

func (d *documents) importJSONL(ctx context.Context, body io.Reader, params *api.ImportDocumentsParams) ([]*api.ImportDocumentResponse, error) {
02|    resp, err := d.apiClient.ImportDocumentsWithBody(ctx, d.collectionName, params, "application/octet-stream", body)
1|    resp, err := d.apiClient.ImportDocumentsWithBody(context.Background(), d.collectionName, params, "application/octet-stream", body) //@TMO-02
    if err != nil { //@{2}RES-02
        return nil, err
    }
01|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return nil, &HTTPError{Status: resp.StatusCode, Body: readAll(resp.Body)}
    }

    var results []*api.ImportDocumentResponse
    scanner := bufio.NewScanner(resp.Body)
    scanner.Buffer(make([]byte, 0, 64*1024), maxImportLine)
    for scanner.Scan() {
        var result api.ImportDocumentResponse
        if err := json.Unmarshal(scanner.Bytes(), &result); err != nil {
            return nil, fmt.Errorf("decoding import result: %w", err)
        }
        results = append(results, &result)
    }
2|    resp.Body.Close()
    return results, scanner.Err()
}
''')
cases_of(case, GH + 'typesense/typesense-go/pull/153', 'typesense/documents_import.go',
         G('typesense', ['bufio', 'bytes', 'context', 'encoding/json', 'fmt', 'io', 'net/http', '',
                         'github.com/typesense/typesense-go/typesense/api'])(TYPESENSE), [
             (1, 'go-00-typesense-import-ignores-caller-context',
              'an edit sends the import request with a background context, so a caller\'s deadline or cancellation '
              'no longer stops an import of millions of documents', 'edit'),
             (2, 'go-00-typesense-import-body-closed-on-success-only',
              'an edit closes the import response only after the results were read, so every import rejected with '
              'an error status or a bad result line leaves its connection open', 'edit'),
             (0, 'go-ok-00-typesense-import-with-caller-context',
              'clean: the fix passes the caller\'s context to the import request', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-03 / ERR-01: task waiting of a search engine client (meilisearch-go), new file
MEILI_GO = template('meilisearch-go-wait', r'''
// WaitForTaskWithContext polls the task until it succeeded, failed or was canceled. The wait is bounded by the
// client's task timeout on top of any deadline the caller's context already carries.
func (c *client) WaitForTaskWithContext(ctx context.Context, taskUID int64, interval time.Duration) (*Task, error) {
    if interval <= 0 {
        interval = 50 * time.Millisecond
    }
02|    ctx, cancel := context.WithTimeout(ctx, c.taskTimeout)
02|    defer cancel()
1|    ctx, _ = context.WithTimeout(ctx, c.taskTimeout) //@TMO-03

    ticker := time.NewTicker(interval)
    defer ticker.Stop()
    for {
        task, err := c.GetTaskWithContext(ctx, taskUID)
        if err != nil {
            return nil, err
        }
        switch task.Status {
        case TaskStatusSucceeded, TaskStatusFailed, TaskStatusCanceled:
            return task, nil
        }
        select {
        case <-ctx.Done():
            return nil, ctx.Err()
        case <-ticker.C:
        }
    }
}

// GetTaskWithContext fetches one task by its uid.
func (c *client) GetTaskWithContext(ctx context.Context, taskUID int64) (*Task, error) {
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.host+"/tasks/"+strconv.FormatInt(taskUID, 10), nil)
    if err != nil {
        return nil, err
    }
    req.Header.Set("Authorization", "Bearer "+c.apiKey)
    resp, err := c.httpClient.Do(req)
    if err != nil {
        return nil, err
    }
    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return nil, newResponseError(resp)
    }
    task := new(Task)
01|    if err := json.NewDecoder(resp.Body).Decode(task); err != nil {
01|        return nil, fmt.Errorf("decoding task %d: %w", taskUID, err)
01|    }
2|    _ = json.NewDecoder(resp.Body).Decode(task) //@ERR-01
    return task, nil
}
''')
_MEILI_BASE = ['context', 'encoding/json']
cases_of(case, GH + 'meilisearch/meilisearch-go/issues/462', 'task_wait.go',
         GV('meilisearch', {0: _MEILI_BASE + ['fmt', 'net/http', 'strconv', 'time'],
                            1: _MEILI_BASE + ['fmt', 'net/http', 'strconv', 'time'],
                            2: _MEILI_BASE + ['net/http', 'strconv', 'time']})(MEILI_GO), [
             (1, 'go-00-meilisearch-wait-timeout-cancel-discarded',
              'a new task waiter derives the task timeout from the caller\'s context and discards its cancel, so every '
              'wait that ends early keeps a timer and its context until the timeout fires', 'new'),
             (2, 'go-00-meilisearch-task-decode-error-dropped',
              'a new task waiter drops the error of decoding the task, so a truncated answer reads as an unfinished '
              'task and the wait polls until its timeout', 'new'),
             (0, 'go-ok-00-meilisearch-task-waiter',
              'clean: a new task waiter that cancels its derived context and reports a task it cannot decode', 'new'),
         ])


# ---------------------------------------------------------------- CONC-01 / RES-03: auto refresh of an A/B testing SDK (growthbook-golang)
GROWTHBOOK = template('growthbook-refresh', r'''
// repository caches the features of every client key the application registered and, with auto refresh on,
// re-fetches them in the background until Close.
type repository struct {
    mu      sync.RWMutex
    apiHost string
    client  *http.Client
    logger  *slog.Logger
    keys    map[string]*cacheEntry
    done    chan struct{}
    wg      sync.WaitGroup
}

// startAutoRefresh starts the background refresh. The host application embeds the SDK in its own process, so a
// panic in a refresh (a payload the decoder trips over) must be logged, not take the application down.
func (r *repository) startAutoRefresh(interval time.Duration) {
    r.wg.Add(1)
02|    go runGuarded(r.logger, "growthbook auto refresh", r.wg.Done, func() { r.refreshLoop(interval) })
1|    go func() { //@CONC-01
1|        defer r.wg.Done()
1|        r.refreshLoop(interval)
1|    }()
}

// runGuarded runs fn, logs a panic instead of crashing the host application, and calls done either way.
func runGuarded(logger *slog.Logger, name string, done func(), fn func()) {
    defer done()
    defer func() {
        if p := recover(); p != nil {
            logger.Error("background task panicked", "task", name, "panic", p, "stack", string(debug.Stack()))
        }
    }()
    fn()
}

func (r *repository) refreshLoop(interval time.Duration) {
    ticker := time.NewTicker(interval)
    defer ticker.Stop()
    for {
        select {
        case <-r.done:
            return
        case <-ticker.C:
            ctx, cancel := context.WithTimeout(context.Background(), interval)
            r.refreshAll(ctx)
            cancel()
        }
    }
}

func (r *repository) refreshAll(ctx context.Context) {
    for _, key := range r.clientKeys() {
01|        if err := r.refreshKey(ctx, key); err != nil {
01|            r.logger.Warn("feature refresh failed", "clientKey", key, "error", err)
01|        }
2|        req, err := http.NewRequestWithContext(ctx, http.MethodGet, r.apiHost+"/api/features/"+key, nil)
2|        if err != nil {
2|            r.logger.Warn("feature refresh failed", "clientKey", key, "error", err)
2|            continue
2|        }
2|        resp, err := r.client.Do(req)
2|        if err != nil {
2|            r.logger.Warn("feature refresh failed", "clientKey", key, "error", err)
2|            continue
2|        }
2|        defer resp.Body.Close() //@RES-03
2|        if resp.StatusCode != http.StatusOK {
2|            r.logger.Warn("feature refresh failed", "clientKey", key, "status", resp.Status)
2|            continue
2|        }
2|        if err := r.store(key, resp.Body); err != nil {
2|            r.logger.Warn("feature refresh failed", "clientKey", key, "error", err)
2|        }
    }
}
01|
01|func (r *repository) refreshKey(ctx context.Context, key string) error {
01|    req, err := http.NewRequestWithContext(ctx, http.MethodGet, r.apiHost+"/api/features/"+key, nil)
01|    if err != nil {
01|        return err
01|    }
01|    resp, err := r.client.Do(req)
01|    if err != nil {
01|        return err
01|    }
01|    defer resp.Body.Close()
01|    if resp.StatusCode != http.StatusOK {
01|        return fmt.Errorf("features request for %s: %s", key, resp.Status)
01|    }
01|    return r.store(key, resp.Body)
01|}

func (r *repository) clientKeys() []string {
    r.mu.RLock()
    defer r.mu.RUnlock()
    keys := make([]string, 0, len(r.keys))
    for k := range r.keys {
        keys = append(keys, k)
    }
    return keys
}
''')
_GB_BASE = ['context', 'log/slog', 'net/http', 'runtime/debug', 'sync', 'time']
cases_of(case, GH + 'growthbook/growthbook-golang/issues/14', 'repository.go',
         GV('growthbook', {0: ['context', 'fmt', 'log/slog', 'net/http', 'runtime/debug', 'sync', 'time'],
                           1: ['context', 'fmt', 'log/slog', 'net/http', 'runtime/debug', 'sync', 'time'],
                           2: _GB_BASE})(GROWTHBOOK), [
             (1, 'go-00-growthbook-auto-refresh-goroutine-without-recover',
              'an edit starts the auto refresh on a plain goroutine instead of the guarded runner, so a panic in one '
              'refresh takes the host application down', 'edit'),
             (2, 'go-00-growthbook-refresh-defers-close-in-loop',
              'an edit inlines the per-key refresh into the loop over client keys with a deferred close, so every '
              'response stays open until all keys were refreshed', 'edit'),
             (0, 'go-ok-00-growthbook-auto-refresh-guarded',
              'clean: the fix starts the auto refresh through the guarded runner', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / TX-02: signup of an auth backend-as-a-service (gotrue), CRLF file
GOTRUE = template('gotrue-signup', r'''
// createUserWithIdentity stores the new user and its identity in one transaction: a user without an identity
// cannot log in and blocks the address for a second signup.
func (a *API) createUserWithIdentity(ctx context.Context, params *SignupParams, aud string) (*models.User, error) {
    tx, err := a.db.BeginTx(ctx, nil)
    if err != nil { //@{1}TX-01
        return nil, internalServerError("Database error starting signup").WithInternalError(err)
    }
02|    defer func() {
02|        if rbErr := tx.Rollback(); rbErr != nil && !errors.Is(rbErr, sql.ErrTxDone) {
02|            logrus.WithError(rbErr).Warn("signup rollback failed")
02|        }
02|    }()

    user, err := models.NewUser(params.Email, params.Password, aud, params.Data)
    if err != nil {
        return nil, internalServerError("Database error creating user").WithInternalError(err)
    }
    if err := user.Insert(ctx, tx); err != nil {
        return nil, internalServerError("Database error saving new user").WithInternalError(err)
    }
    identity := models.NewIdentity(user, params.Provider)
    if err := identity.Insert(ctx, tx); err != nil {
        return nil, internalServerError("Database error saving identity").WithInternalError(err)
    }
01|    if err := tx.Commit(); err != nil {
01|        return nil, internalServerError("Database error committing signup").WithInternalError(err)
01|    }
2|    tx.Commit() //@TX-02
    return user, nil
}

// signup handles POST /signup.
func (a *API) Signup(w http.ResponseWriter, r *http.Request) error {
    ctx := r.Context()
    params := &SignupParams{}
    if err := json.NewDecoder(r.Body).Decode(params); err != nil {
        return badRequestError("Could not read Signup params: %v", err)
    }
    if params.Email == "" || params.Password == "" {
        return unprocessableEntityError("Signup requires a valid email and password")
    }
    user, err := a.createUserWithIdentity(ctx, params, a.requestAud(ctx, r))
    if err != nil {
        return err
    }
    return sendJSON(w, http.StatusOK, user)
}
''')
cases_of(case, GH + 'netlify/gotrue/pull/8', 'api/signup.go',
         GV('api', {0: ['context', 'database/sql', 'encoding/json', 'errors', 'net/http', '',
                        'github.com/netlify/gotrue/models', 'github.com/sirupsen/logrus'],
                    1: ['context', 'encoding/json', 'net/http', '', 'github.com/netlify/gotrue/models'],
                    2: ['context', 'database/sql', 'encoding/json', 'errors', 'net/http', '',
                        'github.com/netlify/gotrue/models', 'github.com/sirupsen/logrus']})(GOTRUE), [
             (1, 'go-00-gotrue-signup-transaction-not-rolled-back',
              'an edit drops the deferred rollback of the signup transaction, so a failed identity insert leaves the '
              'transaction and its connection open with the user row locked', 'edit'),
             (2, 'go-00-gotrue-signup-commit-error-ignored',
              'an edit drops the check of the signup commit, so a failed commit answers the signup with a user that '
              'was never stored', 'edit'),
             (0, 'go-ok-00-gotrue-signup-transaction-rolled-back',
              'clean: the fix rolls the signup transaction back on every failed path', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-03 / LOG-01: evaluation cache of a feature flag service (flagr)
FLAGR = template('flagr-eval-cache', r'''
// EvalCache is the in-memory copy of all enabled flags that the evaluation API reads. The reloader swaps the maps
// under the write lock; every evaluation request reads them under the read lock and must not change them.
type EvalCache struct {
    mu         sync.RWMutex
    idCache    map[string]*entity.Flag
    keyCache   map[string]*entity.Flag
    tagCache   map[string]map[uint]*entity.Flag
    logLimiter sync.Map
}

// GetByTags returns the flags carrying any of the tags, or all of them with the ALL operator.
func (ec *EvalCache) GetByTags(tags []string, operator *string) []*entity.Flag {
    ec.mu.RLock()
    defer ec.mu.RUnlock()

    if operator != nil && *operator == models.EvaluationBatchRequestFlagTagsOperatorALL {
        return ec.flagsWithAllTags(tags)
    }
02|    results := map[uint]*entity.Flag{}
02|    for _, t := range tags {
02|        for id, f := range ec.tagCache[t] {
02|            results[id] = f
02|        }
02|    }
1|    if len(tags) == 0 {
1|        return nil
1|    }
1|    results := ec.tagCache[tags[0]]
1|    for _, t := range tags[1:] {
1|        for id, f := range ec.tagCache[t] {
1|            results[id] = f //@CONC-03
1|        }
1|    }
    flags := make([]*entity.Flag, 0, len(results))
    for _, f := range results {
        flags = append(flags, f)
    }
    return flags
}

// logEvalResult writes one evaluation to the console log, at most once a second per flag: a flag evaluated for
// thousands of requests a second must not become thousands of log lines a second.
func (ec *EvalCache) logEvalResult(r *models.EvalResult) {
    if !config.Config.EvalLoggingEnabled {
        return
    }
01|    if !ec.limiterFor(r.FlagID).Allow() {
01|        return
01|    }
    logrus.WithFields(logrus.Fields{ //@{2}LOG-01
        "flagID":       r.FlagID,
        "flagKey":      r.FlagKey,
        "segmentID":    r.SegmentID,
        "variantKey":   r.VariantKey,
        "entityID":     r.EvalContext.EntityID,
    }).Info("flag evaluated")
}

func (ec *EvalCache) limiterFor(flagID int64) *rate.Limiter {
    l, _ := ec.logLimiter.LoadOrStore(flagID, rate.NewLimiter(rate.Every(time.Second), 1))
    return l.(*rate.Limiter)
}
''')
cases_of(case, GH + 'openflagr/flagr/issues/398', 'pkg/handler/eval_cache.go',
         G('handler', ['sync', 'time', '', 'github.com/openflagr/flagr/pkg/config', 'github.com/openflagr/flagr/pkg/entity',
                       'github.com/openflagr/flagr/swagger_gen/models', 'github.com/sirupsen/logrus',
                       'golang.org/x/time/rate'])(FLAGR), [
             (1, 'go-00-flagr-get-by-tags-merges-into-cached-map',
              'an edit merges the flags of all tags into the cached map of the first tag, so concurrent batch '
              'evaluations write a shared map under the read lock', 'edit'),
             (2, 'go-00-flagr-eval-logging-without-rate-limit',
              'an edit drops the per-flag rate limit of the evaluation console log, so every evaluation of a hot flag '
              'writes a log line', 'edit'),
             (0, 'go-ok-00-flagr-get-by-tags-fresh-map',
              'clean: the fix merges the tagged flags into a fresh map', 'fix'),
         ])


# ---------------------------------------------------------------- OPS-01 / ERR-01: per-minute rollups of a web analytics service (miabi), renamed file
MIABI = template('miabi-rollups', r'''
// Rollups aggregates page view events into per-minute buckets in memory and writes the closed buckets to the store.
type Rollups struct {
    mu     sync.Mutex
    open   map[bucketKey]*bucket
    store  Store
    logger *slog.Logger
    stop   chan struct{}
    done   chan struct{}
}

func NewRollups(store Store, logger *slog.Logger) *Rollups {
    return &Rollups{
        open:   make(map[bucketKey]*bucket),
        store:  store,
        logger: logger,
        stop:   make(chan struct{}),
        done:   make(chan struct{}),
    }
}

// Run flushes the buckets of every finished minute until Close.
func (r *Rollups) Run(ctx context.Context, every time.Duration) {
    defer close(r.done)
    ticker := time.NewTicker(every)
    defer ticker.Stop()
    for {
        select {
        case <-r.stop:
            return
        case now := <-ticker.C:
            r.flushBefore(ctx, now.Truncate(time.Minute))
        }
    }
}

// Close stops the flusher and writes every bucket still open, so a deploy does not drop the last minute of traffic.
func (r *Rollups) Close(ctx context.Context) error {
    close(r.stop) //@{1}OPS-01
02|    <-r.done
02|    return r.store.WriteRollups(ctx, r.take(func(*bucket) bool { return true }))
1|    return nil
}

func (r *Rollups) flushBefore(ctx context.Context, cutoff time.Time) {
    closed := r.take(func(b *bucket) bool { return b.start.Before(cutoff) })
    if len(closed) == 0 {
        return
    }
01|    if err := r.store.WriteRollups(ctx, closed); err != nil {
01|        r.logger.Error("writing rollups", "buckets", len(closed), "error", err)
01|        r.putBack(closed)
01|    }
2|    _ = r.store.WriteRollups(ctx, closed) //@ERR-01
}

func (r *Rollups) take(match func(*bucket) bool) []*bucket {
    r.mu.Lock()
    defer r.mu.Unlock()
    var taken []*bucket
    for k, b := range r.open {
        if match(b) {
            taken = append(taken, b)
            delete(r.open, k)
        }
    }
    return taken
}

func (r *Rollups) putBack(buckets []*bucket) {
    r.mu.Lock()
    defer r.mu.Unlock()
    for _, b := range buckets {
        if cur, ok := r.open[b.key]; ok {
            cur.merge(b)
        } else {
            r.open[b.key] = b
        }
    }
}
''')
cases_of(case, GH + 'miabi-io/miabi/pull/88', 'internal/analytics/rollups.go',
         G('analytics', ['context', 'log/slog', 'sync', 'time'])(MIABI), [
             (1, 'go-00-miabi-renamed-rollups-close-drops-open-buckets',
              'a PR renames the rollup code and makes Close return without waiting for the flusher or writing the '
              'open buckets, so every deploy loses the current minute of page views', 'rename'),
             (2, 'go-00-miabi-renamed-rollups-write-error-dropped',
              'a PR renames the rollup code and drops the error of writing closed buckets, so a store outage silently '
              'discards whole minutes of analytics', 'rename'),
             (0, 'go-ok-00-miabi-renamed-rollups',
              'clean: the rename alone; Close waits for the flusher and writes the open buckets', 'rename'),
         ], rename_from='internal/analytics/rollup.go')


# ---------------------------------------------------------------- CONC-01 / CONC-07: crons of a messaging and campaign engine (mailroom)
MAILROOM = template('mailroom-cron', r'''
// StartCron runs fn every interval until quit is closed. Unless allInstances is set the cron takes a lock first, so
// that one mailroom instance runs each firing. Campaign events and broadcasts are started by these crons: one that
// stops firing stops every scheduled message of every workspace.
func StartCron(rt *runtime.Runtime, wg *sync.WaitGroup, name string, interval time.Duration, allInstances bool, fn Function, quit chan bool) {
    wg.Add(1)
    go func() { //@{1}CONC-01
        defer wg.Done()
02|        defer func() {
02|            if p := recover(); p != nil {
02|                slog.Error("cron panicked, restarting it", "cron", name, "panic", p, "stack", string(debug.Stack()))
02|                StartCron(rt, wg, name, interval, allInstances, fn, quit)
02|            }
02|        }()

        log := slog.With("cron", name)
        wait := time.Until(NextFire(time.Now(), interval))
        for {
            select {
            case <-quit:
                log.Info("cron exiting")
                return
            case <-time.After(wait):
                started := time.Now()
                if err := fireCron(rt, name, allInstances, fn); err != nil {
                    log.Error("error running cron", "error", err)
2|                    return //@CONC-07
                }
                log.Debug("cron fired", "elapsed", time.Since(started))
                wait = time.Until(NextFire(started, interval))
            }
        }
    }()
}

func fireCron(rt *runtime.Runtime, name string, allInstances bool, fn Function) error {
    ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
    defer cancel()
    if allInstances {
        return fn(ctx, rt)
    }
    locked, release, err := rt.Locker.Grab(ctx, "cron_"+name, 5*time.Minute)
    if err != nil {
        return err
    }
    if !locked {
        return nil
    }
    defer release()
    return fn(ctx, rt)
}
''')
_MAILROOM_IMPORTS = ['context', 'log/slog', 'sync', 'time', '', 'github.com/nyaruka/mailroom/runtime']
cases_of(case, GH + 'rapidpro/mailroom/issues/20', 'core/tasks/cron.go',
         GV('tasks', {0: ['context', 'log/slog', 'runtime/debug', 'sync', 'time', '',
                          'github.com/nyaruka/mailroom/runtime'],
                      1: _MAILROOM_IMPORTS,
                      2: ['context', 'log/slog', 'runtime/debug', 'sync', 'time', '',
                          'github.com/nyaruka/mailroom/runtime']})(MAILROOM), [
             (1, 'go-00-mailroom-cron-goroutine-without-recover',
              'an edit drops the recover of the cron goroutine, so a panic in one campaign cron takes the whole '
              'mailroom process down', 'edit'),
             (2, 'go-00-mailroom-cron-stops-after-error',
              'an edit returns from the cron loop after a failed firing, so one database timeout stops the cron until '
              'the next restart', 'edit'),
             (0, 'go-ok-00-mailroom-cron-recovered',
              'clean: the fix recovers and restarts a cron that panicked', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / LOG-03: log ingestion worker of a session replay and analytics platform (highlight)
HIGHLIGHT = template('highlight-kafka-worker', r'''
// flushLogs writes the log rows of the buffered messages to ClickHouse in one batch. It runs on the batch worker's
// context, which is cancelled when the worker shuts down or the batch's flush deadline passes.
func (k *KafkaBatchWorker) flushLogs(ctx context.Context) error {
    span, ctx := util.StartSpanFromContext(ctx, "kafkaBatchWorker.flushLogs")
    defer span.Finish()

    var logRows []*clickhouse.LogRow
    for _, msg := range k.messages {
        rows, err := k.logRowsOf(ctx, msg)
        if err != nil {
01|            logrus.WithContext(ctx).WithError(err).
01|                WithField("project_id", msg.ProjectID).
01|                WithField("session_secure_id", msg.SessionSecureID).
01|                Error("failed to convert message to log rows")
2|            logrus.WithError(err).Error("failed to convert message to log rows") //@LOG-03
            continue
        }
        logRows = append(logRows, rows...)
    }
    if len(logRows) == 0 {
        return nil
    }

02|    if err := k.Worker.PublicResolver.Clickhouse.BatchWriteLogRows(ctx, logRows); err != nil {
1|    if err := k.Worker.PublicResolver.Clickhouse.BatchWriteLogRows(context.TODO(), logRows); err != nil { //@TMO-02
        logrus.WithContext(ctx).WithError(err).WithField("rows", len(logRows)).Error("failed to write log rows")
        return err
    }
    k.messages = k.messages[:0]
    return nil
}
''')
cases_of(case, GH + 'highlight/highlight/issues/5163', 'backend/worker/kafka_batch_logs.go',
         G('worker', ['context', '', 'github.com/highlight-run/highlight/backend/clickhouse',
                      'github.com/highlight-run/highlight/backend/util', 'github.com/sirupsen/logrus'],
           )(HIGHLIGHT), [
             (1, 'go-00-highlight-log-rows-written-without-worker-context',
              'an edit writes the log rows with a TODO context instead of the worker\'s, so a shutdown or flush '
              'deadline no longer stops a ClickHouse insert that hangs', 'edit'),
             (2, 'go-00-highlight-conversion-error-logged-without-ids',
              'an edit logs a failed message conversion without the project and session ids or the request\'s '
              'context, so the failure cannot be traced to the customer it hit', 'edit'),
             (0, 'go-ok-00-highlight-log-rows-written-with-worker-context',
              'clean: the fix writes the log rows on the worker\'s context', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / RES-02: streaming client of a feature flag SDK (split go-client)
SPLIT = template('split-streaming', r'''
// run keeps the stream connected until ctx ends. Every end of the stream is reported on status, so that the sync
// manager falls back to polling while streaming is down.
func (c *StreamingClient) run(ctx context.Context, token *dtos.Token) {
    err := c.connect(ctx, token)
    switch {
    case ctx.Err() != nil:
        c.status <- StatusDown
    case err == nil:
        c.status <- StatusRetryableError
    case isRetryable(err):
        c.logger.Error("streaming ended: ", err.Error())
        c.status <- StatusRetryableError
    default:
        c.logger.Error("streaming failed: ", err.Error())
        c.status <- StatusNonRetryableError
    }
}

// connect opens the SSE stream for the channels of the auth token and hands every event to the processor until the
// stream ends.
func (c *StreamingClient) connect(ctx context.Context, token *dtos.Token) error {
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.streamURL(token), nil)
    if err != nil {
        return fmt.Errorf("building streaming request: %w", err)
    }
    req.Header.Set("Accept", "text/event-stream")

    resp, err := c.httpClient.Do(req)
    if err != nil { //@{2}RES-02
        return retryable(fmt.Errorf("connecting to streaming: %w", err))
    }
01|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return retryable(fmt.Errorf("streaming answered with status %d", resp.StatusCode))
    }

    c.status <- StatusUp
    reader := bufio.NewReader(resp.Body)
    for {
        event, err := readEvent(reader)
        if err != nil { //@{1}ERR-01
2|            resp.Body.Close()
02|            if ctx.Err() != nil {
02|                return nil
02|            }
02|            return retryable(fmt.Errorf("reading streaming buffer: %w", err))
1|            return nil
        }
        if event.IsKeepAlive() {
            continue
        }
        c.processor.Process(event)
    }
}
''')
cases_of(case, GH + 'splitio/go-client/issues/130', 'splitio/push/streaming.go',
         G('push', ['bufio', 'context', 'fmt', 'net/http', '', 'github.com/splitio/go-split-commons/v4/dtos'])(SPLIT), [
             (1, 'go-00-split-stream-read-error-swallowed',
              'an edit returns nil from the stream reader on a read error, so the error is lost and the sync manager '
              'reconnects blindly instead of reporting why streaming failed', 'edit'),
             (2, 'go-00-split-stream-body-closed-on-read-end-only',
              'an edit closes the stream response only when the reader ends, so every stream refused with an error '
              'status leaves its connection open', 'edit'),
             (0, 'go-ok-00-split-stream-read-error-reported',
              'clean: the fix reports a stream read error so that polling takes over', 'fix'),
         ])
