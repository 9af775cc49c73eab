"""Round-43 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- RES-03 / ERR-01: backup command of an omnibus installer (mattermost-omnibus)
OMNIBUS = template('omnibus-backup', r'''
const progressEvery = 500

// Backup is what `mmomni backup` writes: the database dump and the data directory in one gzipped tarball.
type Backup struct {
    DataDir string
    Logger  *log.Logger
}

// listDataFiles returns the regular files under the data directory, relative to it, in walk order.
func (b *Backup) listDataFiles() ([]string, error) {
    var files []string
    err := filepath.Walk(b.DataDir, func(path string, info os.FileInfo, err error) error {
        if err != nil {
            return err
        }
        if !info.Mode().IsRegular() {
            return nil
        }
        rel, err := filepath.Rel(b.DataDir, path)
        if err != nil {
            return err
        }
        files = append(files, rel)
        return nil
    })
    return files, err
}

// addDataFiles writes every listed file into the tarball under data/, skipping files removed since the listing.
func (b *Backup) addDataFiles(tw *tar.Writer, files []string) error {
    for i, name := range files {
        full := filepath.Join(b.DataDir, name)
        info, err := os.Stat(full)
        if err != nil {
            if os.IsNotExist(err) {
                b.Logger.Printf("skipping %s: removed since the listing", name)
                continue
            }
            return fmt.Errorf("stat %s: %w", full, err)
        }
        hdr, err := tar.FileInfoHeader(info, "")
        if err != nil {
            return fmt.Errorf("header for %s: %w", name, err)
        }
        hdr.Name = filepath.ToSlash(filepath.Join("data", name))
        if err := tw.WriteHeader(hdr); err != nil {
            return fmt.Errorf("write header for %s: %w", name, err)
        }
        file, err := os.Open(full)
        if err != nil {
            return fmt.Errorf("open %s: %w", full, err)
        }
1|        defer file.Close() //@RES-03
01|        _, err = io.Copy(tw, file)
2|        io.Copy(tw, file) //@ERR-01
02|        file.Close()
01|        if err != nil {
01|            return fmt.Errorf("copy %s into the archive: %w", name, err)
01|        }
        if (i+1)%progressEvery == 0 {
            b.Logger.Printf("added %d of %d data files", i+1, len(files))
        }
    }
    return nil
}
''')
cases_of(case, GH + 'mattermost/mattermost-omnibus/pull/90', 'mmomni/backup/data.go',
         G('backup', ['archive/tar', 'fmt', 'io', 'log', 'os', 'path/filepath'])(OMNIBUS), [
             (1, 'go-00-omnibus-backup-data-files-closed-by-defer-in-loop',
              'an edit of the backup command closes each data file by a defer inside the loop, so every file of the '
              'data directory stays open until the whole archive is written and large installs hit the descriptor '
              'limit', 'edit'),
             (2, 'go-00-omnibus-backup-copy-error-ignored',
              'an edit of the backup command copies each data file into the tarball without looking at the copy\'s '
              'error, so a read failure leaves a truncated file in a backup reported as good', 'edit'),
             (0, 'go-ok-00-omnibus-backup-file-closed-per-iteration-copy-checked',
              'clean: the fix closes each data file right after its copy and checks the copy\'s error', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / CONC-01: key expiry of a geo database (tile38)
TILE38 = template('tile38-expirer', r'''
// expireEntry is one key/id pair whose TTL has passed.
type expireEntry struct {
    key string
    id  string
}

// Expirer deletes the objects whose TTL has passed, in a background loop.
type Expirer struct {
    mu      sync.Mutex
    expires map[string]map[string]time.Time
    del     func(key, id string) error
    logger  *log.Logger
}

// NewExpirer returns an expirer that deletes through del.
func NewExpirer(del func(key, id string) error, logger *log.Logger) *Expirer {
    return &Expirer{expires: make(map[string]map[string]time.Time), del: del, logger: logger}
}

// SetExpires records that key/id expires at at; a zero time clears its TTL. SET and EXPIRE call it from the
// connection goroutines.
func (e *Expirer) SetExpires(key, id string, at time.Time) {
02|    e.mu.Lock()
02|    defer e.mu.Unlock()
    m := e.expires[key] //@{1}CONC-03
    if at.IsZero() {
        if m != nil {
            delete(m, id)
            if len(m) == 0 {
                delete(e.expires, key)
            }
        }
        return
    }
    if m == nil {
        m = make(map[string]time.Time)
        e.expires[key] = m
    }
    m[id] = at
}

// Start runs the purge loop every interval until ctx is done.
func (e *Expirer) Start(ctx context.Context, interval time.Duration) {
    go func() { //@{2}CONC-01
01|        defer func() {
01|            if r := recover(); r != nil {
01|                e.logger.Printf("expirer: purge loop stopped by a panic: %v\n%s", r, debug.Stack())
01|            }
01|        }()
        ticker := time.NewTicker(interval)
        defer ticker.Stop()
        for {
            select {
            case <-ctx.Done():
                return
            case now := <-ticker.C:
                e.purge(now)
            }
        }
    }()
}

func (e *Expirer) purge(now time.Time) {
    var due []expireEntry
    e.mu.Lock()
    for key, m := range e.expires {
        for id, at := range m {
            if !at.After(now) {
                due = append(due, expireEntry{key: key, id: id})
                delete(m, id)
            }
        }
        if len(m) == 0 {
            delete(e.expires, key)
        }
    }
    e.mu.Unlock()
    for _, d := range due {
        if err := e.del(d.key, d.id); err != nil {
            e.logger.Printf("expirer: delete %s/%s: %v", d.key, d.id, err)
        }
    }
}
''')
TILE38_IMPORTS = {0: ['context', 'log', 'runtime/debug', 'sync', 'time'],
                  1: ['context', 'log', 'runtime/debug', 'sync', 'time'],
                  2: ['context', 'log', 'sync', 'time']}
cases_of(case, GH + 'tidwall/tile38/issues/497', 'internal/server/expire.go',
         GV('server', TILE38_IMPORTS)(TILE38), [
             (1, 'go-00-tile38-expirer-set-expires-without-lock',
              'an edit drops the lock from SetExpires, so connection goroutines write the TTL map while the purge '
              'loop ranges over it and deletes from it', 'edit'),
             (2, 'go-00-tile38-expirer-purge-goroutine-without-recover',
              'an edit removes the recover from the purge goroutine, so one panicking delete takes the whole server '
              'down', 'edit'),
             (0, 'go-ok-00-tile38-expirer-locked-map-recovered-loop',
              'clean: the TTL map written under its lock, the purge loop recovering and logging a panic', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-02: Bot API client of a Telegram bot framework (telebot)
TELEBOT = template('telebot-client', r'''
// DefaultAPIURL is the endpoint of the Telegram Bot API.
const DefaultAPIURL = "https://api.telegram.org"

// APIError is an answer of the Bot API with ok=false.
type APIError struct {
    Code        int
    Description string
    RetryAfter  time.Duration
}

func (e *APIError) Error() string {
    return fmt.Sprintf("telegram: %s (%d)", e.Description, e.Code)
}

// Client calls the Bot API for one bot token.
type Client struct {
    URL   string
    Token string
    HTTP  *http.Client
}

// NewClient returns a client for token; hc may be nil.
func NewClient(token string, hc *http.Client) *Client {
    if hc == nil {
02|        hc = &http.Client{Timeout: time.Minute}
1|        hc = http.DefaultClient //@TMO-01
    }
    return &Client{URL: DefaultAPIURL, Token: token, HTTP: hc}
}

// Raw posts params as JSON to method and returns the "result" field of the answer.
func (c *Client) Raw(ctx context.Context, method string, params interface{}) (json.RawMessage, error) {
    body, err := json.Marshal(params)
    if err != nil {
        return nil, fmt.Errorf("telebot: encode %s: %w", method, err)
    }
    url := fmt.Sprintf("%s/bot%s/%s", c.URL, c.Token, method)
    req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
    if err != nil {
        return nil, err
    }
    req.Header.Set("Content-Type", "application/json")
    resp, err := c.HTTP.Do(req) //@{2}RES-02
    if err != nil {
        return nil, fmt.Errorf("telebot: %s: %w", method, err)
    }
01|    defer resp.Body.Close()
    var answer struct {
        Ok          bool            `json:"ok"`
        Result      json.RawMessage `json:"result"`
        Code        int             `json:"error_code"`
        Description string          `json:"description"`
        Parameters  struct {
            RetryAfter int `json:"retry_after"`
        } `json:"parameters"`
    }
    if err := json.NewDecoder(resp.Body).Decode(&answer); err != nil {
        return nil, fmt.Errorf("telebot: decode %s answer (status %d): %w", method, resp.StatusCode, err)
    }
2|    resp.Body.Close()
    if !answer.Ok {
        return nil, &APIError{Code: answer.Code, Description: answer.Description,
            RetryAfter: time.Duration(answer.Parameters.RetryAfter) * time.Second}
    }
    return answer.Result, nil
}
''')
cases_of(case, GH + 'tucnak/telebot/issues/478', 'api.go',
         G('telebot', ['bytes', 'context', 'encoding/json', 'fmt', 'net/http', 'time'])(TELEBOT), [
             (1, 'go-00-telebot-new-api-client-default-http-client',
              'a new Bot API client falls back to http.DefaultClient when the caller brings none, so a Telegram '
              'request that stalls blocks the bot forever', 'new'),
             (2, 'go-00-telebot-new-api-client-body-open-on-bad-answer',
              'a new Bot API client closes the answer only after it decoded, so every answer that is not JSON (a '
              'proxy error page) keeps its connection', 'new'),
             (0, 'go-ok-00-telebot-new-api-client-bounded-body-deferred',
              'clean: a new Bot API client with a one-minute client by default and each body closed by defer', 'new'),
         ])


# ---------------------------------------------------------------- RES-02 / TMO-02: issuer download of a certificate CLI (certigo)
CERTIGO = template('certigo-issuers', r'''
// maxIssuerSize bounds an issuer download: a certificate or a small PKCS#7 bundle.
const maxIssuerSize = 1 << 20

// fetchIssuers downloads the issuing certificates named in cert's AIA extension and returns the first that parses.
func fetchIssuers(ctx context.Context, client *http.Client, cert *x509.Certificate) ([]*x509.Certificate, error) {
    if len(cert.IssuingCertificateURL) == 0 {
        return nil, errNoIssuerURL
    }
    var lastErr error
    for _, url := range cert.IssuingCertificateURL {
01|        req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
2|        req, err := http.NewRequest(http.MethodGet, url, nil) //@TMO-02
        if err != nil {
            lastErr = err
            continue
        }
        resp, err := client.Do(req)
        if err != nil {
            lastErr = fmt.Errorf("fetch %s: %w", url, err)
            continue
        }
        if resp.StatusCode != http.StatusOK { //@{1}RES-02
02|            resp.Body.Close()
            lastErr = fmt.Errorf("fetch %s: status %s", url, resp.Status)
            continue
        }
        der, err := io.ReadAll(io.LimitReader(resp.Body, maxIssuerSize))
        resp.Body.Close()
        if err != nil {
            lastErr = fmt.Errorf("read %s: %w", url, err)
            continue
        }
        certs, err := parseIssuer(der)
        if err != nil {
            lastErr = fmt.Errorf("parse %s: %w", url, err)
            continue
        }
        return certs, nil
    }
    return nil, lastErr
}

// parseIssuer reads one DER certificate or a PKCS#7 bundle of them.
func parseIssuer(der []byte) ([]*x509.Certificate, error) {
    if cert, err := x509.ParseCertificate(der); err == nil {
        return []*x509.Certificate{cert}, nil
    }
    p7, err := pkcs7.Parse(der)
    if err != nil {
        return nil, err
    }
    if len(p7.Certificates) == 0 {
        return nil, errors.New("empty PKCS#7 bundle")
    }
    return p7.Certificates, nil
}
''')
cases_of(case, GH + 'square/certigo/pull/324', 'lib/issuers.go',
         G('lib', ['context', 'crypto/x509', 'errors', 'fmt', 'io', 'net/http', '', 'go.mozilla.org/pkcs7'])(CERTIGO), [
             (1, 'go-00-certigo-issuers-error-status-body-left-open',
              'an edit of the issuer download skips a URL that answers with an error status without closing its '
              'body, so each such answer keeps its connection', 'edit'),
             (2, 'go-00-certigo-issuers-request-ignores-context',
              'an edit builds the issuer requests without the caller\'s context, so --timeout and Ctrl-C no longer '
              'stop a download that hangs', 'edit'),
             (0, 'go-ok-00-certigo-issuers-body-closed-context-passed',
              'clean: every answer\'s body closed on each path, each request built with the caller\'s context',
              'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / CONC-01: per-host workers of a web crawler (gocrawl)
GOCRAWL = template('gocrawl-workers', r'''
// enqueueURL hands u to the worker of its host and starts that worker first if there is none. At most
// Options.MaxHosts workers run at once; the URLs of further hosts wait in c.pending until a worker stops.
func (c *Crawler) enqueueURL(u *URLContext) {
    host := u.normalizedURL.Host
    w, ok := c.workers[host]
    if !ok {
02|        if len(c.workers) >= c.Options.MaxHosts {
02|            c.pending[host] = append(c.pending[host], u)
02|            c.logFunc(LogTrace, "host %s waits for a worker (%d running)", host, len(c.workers))
02|            return
02|        }
        w = c.launchWorker(u) //@{1}CONC-02
        c.workers[host] = w
    }
    w.pop.stack(u)
    c.pushPopRefCount++
}

// launchWorker starts the goroutine that crawls the host of ctx.
func (c *Crawler) launchWorker(ctx *URLContext) *worker {
    i := len(c.workers) + 1
    pop := newPopChannel()
    w := &worker{
        host:    ctx.normalizedURL.Host,
        index:   i,
        push:    c.push,
        pop:     pop,
        stop:    c.stop,
        enqueue: c.enqueue,
        logFunc: getLogFunc(c.Options.Extender, c.Options.LogFlags, i),
        opts:    c.Options,
    }
    c.wg.Add(1)
    go func() { //@{2}CONC-01
        defer c.wg.Done()
01|        defer func() {
01|            if r := recover(); r != nil {
01|                w.logFunc(LogError, "worker %d for %s stopped by a panic: %v", i, w.host, r)
01|                c.push <- &workerResponse{host: w.host, idleDeath: true}
01|            }
01|        }()
        w.run()
    }()
    w.logFunc(LogInfo, "worker %d launched for host %s", i, w.host)
    return w
}
''')
cases_of(case, GH + 'PuerkitoBio/gocrawl/issues/49', 'crawler_workers.go',
         G('gocrawl', [])(GOCRAWL), [
             (1, 'go-00-gocrawl-worker-per-host-without-limit',
              'an edit drops the MaxHosts check, so a seed page linking thousands of hosts starts a worker goroutine '
              'and its connections for every one of them at once', 'edit'),
             (2, 'go-00-gocrawl-worker-goroutine-without-recover',
              'an edit removes the recover from the worker goroutine, so one extender callback that panics ends the '
              'whole crawl', 'edit'),
             (0, 'go-ok-00-gocrawl-bounded-recovered-workers',
              'clean: workers bounded by MaxHosts with the rest pending, each worker recovering and reporting a panic',
              'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / TMO-02: auth provider list of an on-call service (goalert)
GOALERT = template('goalert-providers', r'''
type providerInfo struct {
    ID       string `json:"ID"`
    Title    string `json:"Title"`
    LogoURL  string `json:"LogoUrl,omitempty"`
    URL      string `json:"URL"`
    Fields   []field `json:"Fields,omitempty"`
    Hidden   bool   `json:"Hidden,omitempty"`
}

type field struct {
    ID       string `json:"ID"`
    Label    string `json:"Label"`
    Password bool   `json:"Password,omitempty"`
}

// providerList asks every enabled provider for its login description, in the configured order.
func (h *Handler) providerList(ctx context.Context) ([]providerInfo, error) {
    cfg := config.FromContext(ctx)
    var list []providerInfo
    for _, id := range h.providerOrder {
        p := h.providers[id]
        enabled, err := p.Enabled(ctx, cfg)
        if err != nil {
            return nil, fmt.Errorf("provider %s: %w", id, err)
        }
        if !enabled {
            continue
        }
        info := p.Info(ctx)
        list = append(list, providerInfo{ID: id, Title: info.Title, LogoURL: info.LogoURL,
            URL: "/api/v2/identity/providers/" + url.PathEscape(id), Hidden: info.Hidden, Fields: fieldsOf(info)})
    }
    return list, nil
}

// ServeProviders answers GET /api/v2/identity/providers with the login options of the login page.
func (h *Handler) ServeProviders(w http.ResponseWriter, req *http.Request) {
    ctx := req.Context()
01|    list, err := h.providerList(ctx)
2|    list, err := h.providerList(context.Background()) //@TMO-02
    if errutil.HTTPError(ctx, w, err) {
        return
    }
    data, err := json.Marshal(list)
    if errutil.HTTPError(ctx, w, err) {
        return
    }
    w.Header().Set("Content-Type", "application/json")
02|    if _, err := w.Write(data); err != nil {
02|        log.Log(ctx, fmt.Errorf("write provider list: %w", err))
02|    }
1|    w.Write(data) //@ERR-01
}
''')
GOALERT_BASE = ['context', 'encoding/json', 'fmt', 'net/http', 'net/url', '',
                'github.com/target/goalert/config', 'github.com/target/goalert/util/errutil']
GOALERT_IMPORTS = {0: GOALERT_BASE + ['github.com/target/goalert/util/log'], 1: GOALERT_BASE,
                   2: GOALERT_BASE + ['github.com/target/goalert/util/log']}
cases_of(case, GH + 'target/goalert/pull/2753', 'auth/providers.go',
         GV('auth', GOALERT_IMPORTS)(GOALERT), [
             (1, 'go-00-goalert-provider-list-write-error-dropped',
              'an edit writes the provider list without looking at the error of the write, so a failed answer leaves '
              'no trace', 'edit'),
             (2, 'go-00-goalert-provider-list-background-context',
              'an edit asks the providers with context.Background instead of the request\'s context, so a login page '
              'the browser abandoned still waits on every provider and keeps the request\'s config out', 'edit'),
             (0, 'go-ok-00-goalert-provider-list-request-context-write-logged',
              'clean: the providers asked with the request\'s context, a failed write logged', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / TMO-03: agent daemon loops (multica)
MULTICA = template('multica-daemon', r'''
// Run starts the daemon's loops and blocks until ctx is done, then waits for the running tasks.
func (d *Daemon) Run(ctx context.Context) error {
    if err := d.register(ctx); err != nil {
        return fmt.Errorf("register runtime: %w", err)
    }
    d.logger.Info("daemon started", "runtime", d.runtimeID, "workspaces", len(d.cfg.Workspaces))
    d.safeGo("health server", func() { d.serveHealth(ctx) })
02|    d.safeGo("heartbeat loop", func() { d.heartbeatLoop(ctx) })
1|    go d.heartbeatLoop(ctx) //@CONC-01
    d.safeGo("workspace sync loop", func() { d.workspaceSyncLoop(ctx) })
    d.safeGo("gc loop", func() { d.gcLoop(ctx) })
    <-ctx.Done()
    d.logger.Info("daemon stopping, waiting for tasks", "running", d.activeTasks.Load())
    d.taskWG.Wait()
    return nil
}

// safeGo runs fn in a goroutine that logs a panic with its stack instead of taking the daemon down.
func (d *Daemon) safeGo(name string, fn func()) {
    go func() {
        defer func() {
            if r := recover(); r != nil {
                d.logger.Error("daemon goroutine panicked", "goroutine", name, "panic", r,
                    "stack", string(debug.Stack()))
            }
        }()
        fn()
    }()
}

// heartbeatLoop reports the runtime as alive every HeartbeatInterval; each report is bounded by HeartbeatTimeout.
func (d *Daemon) heartbeatLoop(ctx context.Context) {
    ticker := time.NewTicker(d.cfg.HeartbeatInterval)
    defer ticker.Stop()
    for {
        select {
        case <-ctx.Done():
            return
        case <-ticker.C:
        }
        hbCtx, cancel := context.WithTimeout(ctx, d.cfg.HeartbeatTimeout) //@{2}TMO-03
        resp, err := d.client.Heartbeat(hbCtx, d.runtimeID)
01|        cancel()
        if err != nil {
            d.logger.Warn("heartbeat failed", "runtime", d.runtimeID, "err", err)
            continue
        }
2|        cancel()
        if resp.Gone {
            d.handleRuntimeGone(ctx)
        }
    }
}
''')
cases_of(case, GH + 'multica-ai/multica/pull/4324', 'server/internal/daemon/daemon.go',
         G('daemon', ['context', 'fmt', 'runtime/debug', 'time'])(MULTICA), [
             (1, 'go-00-multica-daemon-heartbeat-loop-started-without-recover',
              'an edit starts the heartbeat loop with a bare go statement instead of safeGo, so a panic in a '
              'heartbeat answer takes the whole daemon and its running tasks down', 'edit'),
             (2, 'go-00-multica-daemon-heartbeat-cancel-skipped-on-error',
              'an edit cancels the heartbeat\'s timeout context only after a successful report, so every failed '
              'heartbeat leaves its timer and context behind', 'edit'),
             (0, 'go-ok-00-multica-daemon-loops-recovered-heartbeat-cancelled',
              'clean: every loop started through safeGo, each heartbeat context cancelled right after the call',
              'fix'),
         ])


# ---------------------------------------------------------------- TMO-03 / ERR-01: compliance scan watcher (stackrox)
STACKROX = template('stackrox-scan-watcher', r'''
var errWatcherStopped = errors.New("the watcher is stopped")

// readyQueue receives the id of a scan whose results are complete (nil error) or timed out.
type readyQueue interface {
    Push(id string, err error) error
}

// scanWatcher collects the check results of one compliance scan until all nodes reported or the timeout passed.
type scanWatcher struct {
    id       string
    ctx      context.Context
    cancel   context.CancelFunc
    resultsC chan *CheckResult
    pending  map[string]bool
    queue    readyQueue
    timeout  time.Duration
    stopped  chan struct{}
}

// newScanWatcher starts the watcher of scan id that expects a result from each of nodes.
func newScanWatcher(parent context.Context, id string, nodes []string, q readyQueue, timeout time.Duration) *scanWatcher {
    ctx, cancel := context.WithCancel(parent)
    w := &scanWatcher{id: id, ctx: ctx, cancel: cancel, resultsC: make(chan *CheckResult), pending: map[string]bool{},
        queue: q, timeout: timeout, stopped: make(chan struct{})}
    for _, n := range nodes {
        w.pending[n] = true
    }
    go w.run()
    return w
}

// PushCheckResult hands one node's result to the watcher; it fails once the watcher has stopped.
func (w *scanWatcher) PushCheckResult(r *CheckResult) error {
    select {
    case w.resultsC <- r:
        return nil
    case <-w.ctx.Done():
        return errWatcherStopped
    }
}

func (w *scanWatcher) run() {
    defer func() {
02|        w.cancel()
        close(w.stopped) //@{1}TMO-03
    }()
    timer := time.NewTimer(w.timeout)
    defer timer.Stop()
    for {
        select {
        case <-w.ctx.Done():
            return
        case <-timer.C:
            if err := w.queue.Push(w.id, fmt.Errorf("scan %s timed out waiting for %d nodes", w.id, len(w.pending))); err != nil {
                log.Errorf("scan %s: pushing the timeout: %v", w.id, err)
            }
            return
        case r := <-w.resultsC:
            delete(w.pending, r.Node)
            if len(w.pending) > 0 {
                continue
            }
01|            if err := w.queue.Push(w.id, nil); err != nil {
01|                log.Errorf("scan %s: pushing the completed scan: %v", w.id, err)
01|            }
2|            w.queue.Push(w.id, nil) //@ERR-01
            return
        }
    }
}
''')
cases_of(case, GH + 'stackrox/stackrox/pull/22001', 'central/complianceoperator/v2/report/watcher/scan_watcher.go',
         G('watcher', ['context', 'errors', 'fmt', 'time', '', 'github.com/stackrox/rox/pkg/logging'])(
             'var log = logging.LoggerForModule()\n' + STACKROX), [
             (1, 'go-00-stackrox-moved-scan-watcher-context-not-cancelled',
              'a PR moves the scan watcher into its own file and no longer cancels its context when run returns, so '
              'a late result blocks its sender forever on a channel nobody reads', 'rename'),
             (2, 'go-00-stackrox-moved-scan-watcher-ready-push-error-dropped',
              'a PR moves the scan watcher into its own file and pushes a completed scan without looking at the '
              'error, so a scan whose report never gets queued leaves no trace', 'rename'),
             (0, 'go-ok-00-stackrox-moved-scan-watcher-cancelled-push-checked',
              'clean: the move alone; the context cancelled when run returns, every push checked', 'rename'),
         ], rename_from='central/complianceoperator/v2/report/watcher/watcher.go',
         rename_old=lambda t: t.replace('newScanWatcher', 'newWatcher'))


# ---------------------------------------------------------------- TX-02 / TX-01: transaction retry helper of a database driver kit (cockroach-go)
CRDB = template('crdb-execute-tx', r'''
const defaultMaxRetries = 50

// Tx is the part of a driver's transaction that ExecuteInTx needs.
type Tx interface {
    Exec(ctx context.Context, query string, args ...interface{}) error
    Commit(ctx context.Context) error
    Rollback(ctx context.Context) error
}

// ExecuteTx runs fn in a transaction of db and retries it while CockroachDB asks for a retry.
func ExecuteTx(ctx context.Context, db *sql.DB, opts *sql.TxOptions, fn func(*sql.Tx) error) error {
02|    tx, err := db.BeginTx(ctx, opts)
02|    if err != nil {
02|        return err
02|    }
1|    tx, _ := db.BeginTx(ctx, opts) //@TX-02
    return ExecuteInTx(ctx, stdlibTxnAdapter{tx}, func() error { return fn(tx) })
}

// ExecuteInTx runs fn under the cockroach_restart savepoint, rolling back to it on a retryable error. The transaction
// is committed when fn succeeds and rolled back when it fails for good.
func ExecuteInTx(ctx context.Context, tx Tx, fn func() error) (err error) {
01|    defer func() {
01|        if err == nil {
01|            return
01|        }
01|        // The caller needs fn's error; a failed rollback is only logged.
01|        if rbErr := tx.Rollback(ctx); rbErr != nil {
01|            log.Printf("crdb: rollback after %v failed: %v", err, rbErr)
01|        }
01|    }()
    if err = tx.Exec(ctx, "SAVEPOINT cockroach_restart"); err != nil { //@{2}TX-01
        return err
    }
    for retries := 0; ; retries++ {
        if retries >= defaultMaxRetries {
            return newMaxRetriesExceededError(err, defaultMaxRetries)
        }
        err = fn()
        if err == nil {
            if err = tx.Exec(ctx, "RELEASE SAVEPOINT cockroach_restart"); err == nil {
                return tx.Commit(ctx)
            }
        }
        if !errIsRetryable(err) {
            return err
        }
        if rbErr := tx.Exec(ctx, "ROLLBACK TO SAVEPOINT cockroach_restart"); rbErr != nil {
            return newTxnRestartError(rbErr, err)
        }
    }
}

type stdlibTxnAdapter struct {
    tx *sql.Tx
}

func (a stdlibTxnAdapter) Exec(ctx context.Context, q string, args ...interface{}) error {
    _, err := a.tx.ExecContext(ctx, q, args...)
    return err
}

func (a stdlibTxnAdapter) Commit(context.Context) error {
    return a.tx.Commit()
}

func (a stdlibTxnAdapter) Rollback(context.Context) error {
    return a.tx.Rollback()
}
''')
CRDB_IMPORTS = {0: ['context', 'database/sql', 'log'], 1: ['context', 'database/sql', 'log'],
                2: ['context', 'database/sql']}
cases_of(case, GH + 'cockroachdb/cockroach-go/pull/130', 'crdb/tx.go',
         GV('crdb', CRDB_IMPORTS)(CRDB), [
             (1, 'go-00-crdb-execute-tx-begin-error-discarded',
              'an edit discards the error of BeginTx, so a transaction that could not start reaches the savepoint '
              'code as a nil *sql.Tx', 'edit'),
             (2, 'go-00-crdb-execute-in-tx-failed-transaction-not-rolled-back',
              'an edit removes the deferred rollback, so a transaction whose fn fails for good (or whose commit '
              'fails) is left open and keeps its connection', 'edit'),
             (0, 'go-ok-00-crdb-execute-tx-begin-checked-rollback-deferred',
              'clean: the error of BeginTx returned, a failed transaction rolled back by the deferred function',
              'fix'),
         ])


# ---------------------------------------------------------------- LOG-01 / CONC-02: UDP listener of a metrics exporter (statsd_exporter)
STATSD = template('statsd-udp-listener', r'''
// StatsDUDPListener reads StatsD lines from a UDP socket and queues their events.
type StatsDUDPListener struct {
    Conn            *net.UDPConn
    EventHandler    event.EventHandler
    Logger          log.Logger
    LineParser      Parser
    UDPPackets      prometheus.Counter
    LinesReceived   prometheus.Counter
    EventsFlushed   prometheus.Counter
    SampleErrors    prometheus.CounterVec
    SamplesReceived prometheus.Counter
    TagErrors       prometheus.Counter
    TagsReceived    prometheus.Counter
}

// Listen reads packets until the socket is closed.
func (l *StatsDUDPListener) Listen() {
    buf := make([]byte, 65535)
    for {
        n, _, err := l.Conn.ReadFromUDP(buf)
        if err != nil {
            if strings.Contains(err.Error(), "use of closed network connection") {
                return
            }
            level.Error(l.Logger).Log("error", err)
            return
        }
01|        l.HandlePacket(buf[0:n])
2|        go l.HandlePacket(append([]byte(nil), buf[0:n]...)) //@CONC-02
    }
}

// HandlePacket turns each line of one packet into events.
func (l *StatsDUDPListener) HandlePacket(packet []byte) {
    l.UDPPackets.Inc()
    lines := strings.Split(string(packet), "\n")
    for _, line := range lines {
1|        level.Debug(l.Logger).Log("msg", "Incoming line", "proto", "udp", "line", line) //@LOG-01
        l.LinesReceived.Inc()
        l.EventHandler.Queue(l.LineParser.LineToEvents(line, l.SampleErrors, l.SamplesReceived, l.TagErrors,
            l.TagsReceived, l.Logger))
    }
}
''')
cases_of(case, GH + 'prometheus/statsd_exporter/issues/384', 'pkg/listener/udp.go',
         G('listener', ['net', 'strings', '', 'github.com/go-kit/log', 'github.com/go-kit/log/level',
                        'github.com/prometheus/client_golang/prometheus', '',
                        'github.com/prometheus/statsd_exporter/pkg/event'])(STATSD), [
             (1, 'go-00-statsd-udp-listener-debug-line-per-statsd-line',
              'an edit logs every incoming StatsD line at debug level in the packet loop; go-kit builds the record '
              '(caller lookup included) for each of them even when debug is off', 'edit'),
             (2, 'go-00-statsd-udp-listener-goroutine-per-packet',
              'an edit hands every UDP packet to a goroutine of its own, so a burst of packets starts as many '
              'goroutines as it has packets with nothing to bound them', 'edit'),
             (0, 'go-ok-00-statsd-udp-listener-inline-quiet-packets',
              'clean: packets handled in the read loop, no log line per StatsD line', 'fix'),
         ])
