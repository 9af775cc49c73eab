"""Round-28 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
once and gives three cases: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean
look-alike (round 15's common15.variant, through round 16's common16). A case is a new file, an edit that turns the
clean file into a defect, the fix that turns the first defect into the clean file, or a move (round 16's
common16.cases_of). Names carry `00`: they are numbered in order at the end."""
from common16 import make_case, gomod, go, f, cases_of, variant

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'
TEMPLATES = []


def G(pkg, imports, header=''):
    return lambda body: (lambda v: go(pkg, imports, variant(body, v), header))


def GV(pkg, imports_of):
    """Like G, but the import block depends on the version (`imports_of[v]`), as goimports would leave it."""
    return lambda body: (lambda v: go(pkg, imports_of[v], variant(body, v)))


def template(name, text):
    TEMPLATES.append((name, text))
    return text


# ---------------------------------------------------------------- RES-02 / TMO-01: Slack notifier (infra-controller-rest)
SLACK = template('slack', r'''
var slackClient = &http.Client{Timeout: 10 * time.Second}

// SlackNotifier posts alerts to one incoming webhook.
type SlackNotifier struct {
    webhookURL string
    channel    string
}

// Notify sends one alert to the channel of the notifier.
func (n *SlackNotifier) Notify(ctx context.Context, title, text string) error {
    payload, err := json.Marshal(map[string]string{"channel": n.channel, "text": "*" + title + "*\n" + text})
    if err != nil {
        return fmt.Errorf("encode slack message: %w", err)
    }
    req, err := http.NewRequestWithContext(ctx, http.MethodPost, n.webhookURL, bytes.NewReader(payload))
    if err != nil {
        return err
    }
    req.Header.Set("Content-Type", "application/json")
0|    resp, err := slackClient.Do(req)
1|    resp, err := slackClient.Do(req) //@RES-02
2|    resp, err := (&http.Client{}).Do(req) //@TMO-01
    if err != nil {
02|        return fmt.Errorf("post slack message: %w", err)
1|        return fmt.Errorf("post slack message to %s: %w", n.channel, err)
    }
02|    defer resp.Body.Close()
    if resp.StatusCode >= 300 {
02|        return fmt.Errorf("slack webhook answered %d", resp.StatusCode)
1|        body, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
1|        return fmt.Errorf("slack webhook answered %d: %s", resp.StatusCode, body)
    }
    return nil
}
''')
cases_of(case, GH + 'NVIDIA/infra-controller-rest/pull/71', 'internal/notify/slack.go',
         GV('notify', {0: ['bytes', 'context', 'encoding/json', 'fmt', 'net/http', 'time'],
                       1: ['bytes', 'context', 'encoding/json', 'fmt', 'io', 'net/http', 'time'],
                       2: ['bytes', 'context', 'encoding/json', 'fmt', 'net/http', 'time']})(SLACK), [
             (1, 'go-00-infra-controller-slack-body-never-closed',
              'an edit drops the deferred close and reads the error body, so every alert keeps a connection', 'edit'),
             (2, 'go-00-infra-controller-slack-post-on-client-without-timeout',
              'an edit posts alerts through a fresh client with no timeout, so a stalled webhook holds the caller', 'edit'),
             (0, 'go-ok-00-infra-controller-slack-shared-client-body-closed',
              'clean: the shared client with a timeout, body closed on return', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / TMO-02: Slack CLI client (notify_slack)
NOTIFY_SLACK = template('notify_slack', r'''
type payload struct {
    Channel  string `json:"channel,omitempty"`
    Username string `json:"username,omitempty"`
    Text     string `json:"text"`
}

// PostText sends one message through the webhook of the client.
func (c *Client) PostText(ctx context.Context, text string) error {
    body, err := json.Marshal(payload{Channel: c.channel, Username: c.username, Text: text})
    if err != nil {
        return err
    }
01|    req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url, bytes.NewReader(body))
2|    req, err := http.NewRequestWithContext(context.Background(), http.MethodPost, c.url, bytes.NewReader(body)) //@TMO-02
    if err != nil {
        return err
    }
    req.Header.Set("Content-Type", "application/json")
    res, err := c.httpClient.Do(req) //@{1}RES-02
    if err != nil {
02|        return err
1|        return fmt.Errorf("post to slack: %w", err)
    }
02|    defer res.Body.Close()

    if res.StatusCode != http.StatusOK {
        b, _ := io.ReadAll(res.Body)
        return fmt.Errorf("status code: %d; body: %s", res.StatusCode, b)
    }
    return nil
}
''')
cases_of(case, GH + 'catatsuy/notify_slack/pull/101', 'internal/slack/client.go',
         G('slack', ['bytes', 'context', 'encoding/json', 'fmt', 'io', 'net/http'])(NOTIFY_SLACK), [
             (1, 'go-00-notify-slack-post-body-never-closed',
              'an edit drops the deferred close of the webhook answer, leaking a connection per message', 'edit'),
             (2, 'go-00-notify-slack-post-on-background-context',
              'an edit builds the webhook request on a background context, so an interrupt no longer stops it', 'edit'),
             (0, 'go-ok-00-notify-slack-caller-context-body-closed',
              'clean: the request on the caller context, the body closed on return', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / ERR-01: remote trigger source (moira)
MOIRA = template('moira', r'''
// fetchRemote asks the remote Graphite for the series of one target.
func (r *Remote) fetchRemote(ctx context.Context, target string, from, until int64) ([]*MetricData, error) {
    req, err := r.prepareRequest(ctx, target, from, until)
    if err != nil {
        return nil, err
    }
    resp, err := r.client.Do(req) //@{1}RES-02
    if err != nil {
02|        return nil, ErrRemoteUnavailable{Target: target, Err: err}
1|        return nil, ErrRemoteUnavailable{Target: target, Err: fmt.Errorf("request %s: %w", r.config.URL, err)}
    }
02|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return nil, fmt.Errorf("remote graphite answered %s for %s", resp.Status, target)
    }
    body, err := io.ReadAll(resp.Body)
    if err != nil {
        return nil, err
    }
01|    series, err := decodeJSON(body)
01|    if err != nil {
01|        return nil, fmt.Errorf("decode remote answer for %s: %w", target, err)
01|    }
2|    series, _ := decodeJSON(body) //@ERR-01
    return series, nil
}
''')
cases_of(case, GH + 'moira-alert/moira/pull/237', 'metric_source/remote/request.go',
         G('remote', ['context', 'fmt', 'io', 'net/http'])(MOIRA), [
             (1, 'go-00-moira-remote-series-body-never-closed',
              'an edit drops the deferred close, so every remote trigger check leaves a connection open', 'edit'),
             (2, 'go-00-moira-remote-decode-error-dropped',
              'an edit ignores a failed decode and evaluates the trigger on no series at all', 'edit'),
             (0, 'go-ok-00-moira-remote-body-closed-decode-error-returned',
              'clean: the body closed on return, a failed decode returned', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / RES-04: GCM push (uniqush-push)
UNIQUSH = template('uniqush', r'''
const gcmServiceURL = "https://fcm.googleapis.com/fcm/send"

type gcmPushService struct {
    client *http.Client
}

func newGCMPushService() *gcmPushService {
    return &gcmPushService{client: &http.Client{Timeout: 30 * time.Second}}
}

// push sends one notification to GCM and reads the per-device results.
func (p *gcmPushService) push(apiKey string, data []byte) (*gcmResult, error) {
    req, err := http.NewRequest(http.MethodPost, gcmServiceURL, bytes.NewReader(data))
    if err != nil {
        return nil, err
    }
    req.Header.Set("Authorization", "key="+apiKey)
    req.Header.Set("Content-Type", "application/json")
0|    resp, err := p.client.Do(req)
1|    resp, err := p.client.Do(req) //@RES-02
2|    client := &http.Client{Timeout: 30 * time.Second} //@RES-04
2|    resp, err := client.Do(req)
    if err != nil {
02|        return nil, err
1|        return nil, fmt.Errorf("gcm request: %w", err)
    }
02|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return nil, fmt.Errorf("gcm: unexpected status %s", resp.Status)
    }
    var result gcmResult
    if err := json.NewDecoder(resp.Body).Decode(&result); err != nil {
        return nil, fmt.Errorf("gcm: bad answer: %w", err)
    }
    return &result, nil
}
''')
cases_of(case, GH + 'uniqush/uniqush-push/issues/13', 'srv/gcm.go',
         G('srv', ['bytes', 'encoding/json', 'fmt', 'net/http', 'time'])(UNIQUSH), [
             (1, 'go-00-uniqush-gcm-answer-body-never-closed',
              'an edit drops the deferred close of the GCM answer, so every push keeps its connection', 'edit'),
             (2, 'go-00-uniqush-gcm-client-per-push',
              'an edit builds a new HTTP client, with its own connection pool, for every push', 'edit'),
             (0, 'go-ok-00-uniqush-shared-client-body-closed',
              'clean: the service keeps one client, the body closed on return', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / TMO-03: workflows client (deviceauth)
DEVICEAUTH = template('deviceauth', r'''
// Client talks to the workflows service.
type Client struct {
    conf Config
    http *http.Client
}

// NewClient returns a client that reuses one HTTP client for every call.
func NewClient(c Config) *Client {
    return &Client{conf: c, http: &http.Client{Timeout: c.Timeout}}
}

// SubmitDeviceDecommissioningJob asks the workflows service to start decommissioning one device.
func (c *Client) SubmitDeviceDecommissioningJob(ctx context.Context, req DecommissioningReq) error {
    body, err := json.Marshal(req)
    if err != nil {
        return errors.Wrap(err, "failed to serialize decommissioning request")
    }
02|    ctx, cancel := context.WithTimeout(ctx, c.conf.Timeout)
02|    defer cancel()
1|    ctx, _ = context.WithTimeout(ctx, c.conf.Timeout) //@TMO-03
    hreq, err := http.NewRequestWithContext(ctx, http.MethodPost, c.conf.OrchestratorAddr+DeviceDecommissioningURI, bytes.NewReader(body))
    if err != nil {
        return errors.Wrap(err, "failed to build decommissioning request")
    }
    hreq.Header.Set("Content-Type", "application/json")
01|    rsp, err := c.http.Do(hreq)
2|    client := &http.Client{Timeout: c.conf.Timeout} //@RES-04
2|    rsp, err := client.Do(hreq)
    if err != nil {
        return errors.Wrap(err, "failed to submit decommissioning job")
    }
    defer rsp.Body.Close()
    if rsp.StatusCode != http.StatusCreated {
        return errors.Errorf("workflows answered %d", rsp.StatusCode)
    }
    return nil
}
''')
cases_of(case, GH + 'mendersoftware/deviceauth/pull/406', 'client/orchestrator/client.go',
         G('orchestrator', ['bytes', 'context', 'encoding/json', 'net/http', '', 'github.com/pkg/errors'])(DEVICEAUTH), [
             (1, 'go-00-deviceauth-submit-timeout-cancel-discarded',
              'an edit bounds the submit with a timeout and throws the cancel away', 'edit'),
             (2, 'go-00-deviceauth-http-client-per-submit',
              'an edit builds a new HTTP client for every decommissioning job instead of the shared one', 'edit'),
             (0, 'go-ok-00-deviceauth-shared-client-cancel-deferred',
              'clean: the shared client, the cancel deferred', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / CONC-01: cluster proxy (rancher)
RANCHER = template('rancher', r'''
// RemoteHandler proxies API requests to downstream clusters through their tunnels.
type RemoteHandler struct {
    mu            sync.Mutex
    transports    map[string]*http.Transport
    dialerFactory DialerFactory
    lookup        func(*http.Request) (*Cluster, error)
}

// ServeHTTP forwards one API request to the downstream cluster.
func (h *RemoteHandler) ServeHTTP(rw http.ResponseWriter, req *http.Request) {
    cluster, err := h.lookup(req)
    if err != nil {
        http.Error(rw, err.Error(), http.StatusNotFound)
        return
    }
01|    transport, err := h.transportFor(cluster)
01|    if err != nil {
01|        http.Error(rw, err.Error(), http.StatusBadGateway)
01|        return
01|    }
2|    dialer, err := h.dialerFactory.ClusterDialer(cluster.Name)
2|    if err != nil {
2|        http.Error(rw, err.Error(), http.StatusBadGateway)
2|        return
2|    }
2|    transport := &http.Transport{DialContext: dialer, TLSHandshakeTimeout: 10 * time.Second} //@RES-04
    proxy := &httputil.ReverseProxy{
        Director: func(r *http.Request) {
            r.URL.Scheme = "https"
            r.URL.Host = cluster.APIEndpoint
        },
        Transport: transport,
    }
    proxy.ServeHTTP(rw, req)
}

// transportFor returns the one transport kept for each cluster, building it on first use.
func (h *RemoteHandler) transportFor(cluster *Cluster) (*http.Transport, error) {
    h.mu.Lock()
    defer h.mu.Unlock()
    if t, ok := h.transports[cluster.Name]; ok {
        return t, nil
    }
    dialer, err := h.dialerFactory.ClusterDialer(cluster.Name)
    if err != nil {
        return nil, err
    }
    t := &http.Transport{DialContext: dialer, TLSHandshakeTimeout: 10 * time.Second}
    h.transports[cluster.Name] = t
    return t, nil
}

// watchRemovals drops the transport of every cluster that is removed.
func (h *RemoteHandler) watchRemovals(removed <-chan string) {
    go func() { //@{1}CONC-01
02|        defer func() {
02|            if r := recover(); r != nil {
02|                logrus.Errorf("cluster transport cleanup panicked: %v\n%s", r, debug.Stack())
02|            }
02|        }()
        for name := range removed {
            h.mu.Lock()
            if t, ok := h.transports[name]; ok {
                t.CloseIdleConnections()
                delete(h.transports, name)
            }
            h.mu.Unlock()
        }
    }()
}
''')
cases_of(case, GH + 'rancher/rancher/pull/19554', 'pkg/clusterrouter/remote.go',
         GV('clusterrouter', {0: ['net/http', 'net/http/httputil', 'runtime/debug', 'sync', 'time', '', 'github.com/sirupsen/logrus'],
                              1: ['net/http', 'net/http/httputil', 'sync', 'time'],
                              2: ['net/http', 'net/http/httputil', 'runtime/debug', 'sync', 'time', '', 'github.com/sirupsen/logrus']})(RANCHER), [
             (1, 'go-00-rancher-transport-cleanup-goroutine-without-recover',
              'an edit drops the recover of the goroutine that closes removed clusters\' transports', 'edit'),
             (2, 'go-00-rancher-transport-per-proxied-request',
              'an edit builds a tunnel transport for every proxied request, each with its own idle connections', 'edit'),
             (0, 'go-ok-00-rancher-transport-per-cluster-recovered-cleanup',
              'clean: one transport kept per cluster, the cleanup goroutine recovers', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-03 / TMO-02: command request (go-ipfs-cmds)
IPFS_CMDS = template('ipfs_cmds', r'''
// SetRootContext derives the request's context from the command root and applies the timeout option.
func (req *Request) SetRootContext(ctx context.Context) error {
    tout, found, err := req.Option(TimeoutOpt).String()
    if err != nil {
        return fmt.Errorf("error parsing timeout option: %w", err)
    }
    if found {
        d, err := time.ParseDuration(tout)
        if err != nil {
02|            return err
1|            return fmt.Errorf("bad timeout %q: %w", tout, err)
        }
02|        req.Context, req.cancel = context.WithTimeout(ctx, d)
1|        req.Context, _ = context.WithTimeout(ctx, d) //@TMO-03
    } else {
        req.Context, req.cancel = context.WithCancel(ctx)
    }
    return nil
}

// Close releases the request's context.
func (req *Request) Close() {
    if req.cancel != nil {
        req.cancel()
    }
}

// Execute runs the command on the request's context.
func (x *executor) Execute(req *Request, re ResponseEmitter, env Environment) error {
    cmd := req.Command
    if cmd.PreRun != nil {
        if err := cmd.PreRun(req, env); err != nil {
            return re.CloseWithError(err)
        }
    }
01|    return cmd.Run(req.Context, req, re, env)
2|    return cmd.Run(context.Background(), req, re, env) //@TMO-02
}
''')
cases_of(case, GH + 'ipfs/go-ipfs-cmds/issues/42', 'request.go',
         G('cmds', ['context', 'fmt', 'time'])(IPFS_CMDS), [
             (1, 'go-00-ipfs-cmds-timeout-cancel-discarded',
              'an edit applies the timeout option and throws the cancel away, so Close cannot release it', 'edit'),
             (2, 'go-00-ipfs-cmds-run-on-background-context',
              'an edit runs the command on a background context, dropping the request\'s timeout and cancel', 'edit'),
             (0, 'go-ok-00-ipfs-cmds-cancel-kept-run-on-request-context',
              'clean: the cancel kept for Close, the command run on the request context', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / CONC-02: goroutine pool (ants)
ANTS = template('ants', r'''
// run starts the worker's goroutine, which executes tasks until it is told to stop.
func (w *goWorker) run() {
    w.pool.addRunning(1)
    go func() { //@{1}CONC-01
        defer func() {
02|            if p := recover(); p != nil {
02|                if ph := w.pool.options.PanicHandler; ph != nil {
02|                    ph(p)
02|                } else {
02|                    w.pool.options.Logger.Printf("worker exits from panic: %v\n%s\n", p, debug.Stack())
02|                }
02|            }
            w.pool.addRunning(-1)
            w.pool.workerCache.Put(w)
            w.pool.cond.Signal()
        }()
        for f := range w.task {
            if f == nil {
                return
            }
            f()
            if ok := w.pool.revertWorker(w); !ok {
                return
            }
        }
    }()
}

// Submit hands a task to a free worker, waiting for one while the pool is full.
func (p *Pool) Submit(task func()) error {
    if p.IsClosed() {
        return ErrPoolClosed
    }
    w, err := p.retrieveWorker()
2|    if err == ErrPoolOverload {
2|        go p.spill(task) //@CONC-02
2|        return nil
2|    }
    if err != nil {
        return err
    }
    w.inputFunc(task)
    return nil
}
2|
2|// spill runs one task outside the workers when every worker is busy, recovering its panic as a worker does.
2|func (p *Pool) spill(task func()) {
2|    defer func() {
2|        if r := recover(); r != nil {
2|            p.options.Logger.Printf("spilled task panicked: %v", r)
2|        }
2|    }()
2|    task()
2|}
''')
cases_of(case, GH + 'panjf2000/ants/issues/135', 'worker.go',
         GV('ants', {0: ['runtime/debug'], 1: [], 2: ['runtime/debug']})(ANTS), [
             (1, 'go-00-ants-worker-goroutine-without-recover',
              'an edit drops the recover of the worker goroutine, so one panicking task ends the program', 'edit'),
             (2, 'go-00-ants-overload-spills-goroutine-per-task',
              'an edit starts a goroutine for every task the full pool cannot take, without any bound', 'edit'),
             (0, 'go-ok-00-ants-recovered-worker-bounded-submit',
              'clean: workers recover, a full pool blocks or refuses the task', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / TX-01: torrent store (nyaa)
NYAA = template('nyaa', r'''
// findTorrentByHash returns the torrent stored under one info hash.
func findTorrentByHash(ctx context.Context, db *sql.DB, hash string) (*Torrent, error) {
    rows, err := db.QueryContext(ctx, "SELECT torrent_id, torrent_name, filesize FROM torrents WHERE torrent_hash = $1", hash) //@{1}RES-01
    if err != nil {
02|        return nil, err
1|        return nil, fmt.Errorf("torrent %s: %w", hash, err)
    }
02|    defer rows.Close()
    for rows.Next() {
        var t Torrent
        if err := rows.Scan(&t.ID, &t.Name, &t.Filesize); err != nil {
            return nil, err
        }
        return &t, nil
    }
    if err := rows.Err(); err != nil {
        return nil, err
    }
    return nil, ErrTorrentNotFound
}

// deleteTorrent removes a torrent and its comments in one transaction.
func deleteTorrent(ctx context.Context, db *sql.DB, id uint) error {
    tx, err := db.BeginTx(ctx, nil) //@{2}TX-01
    if err != nil {
01|        return err
2|        return fmt.Errorf("begin delete of torrent %d: %w", id, err)
    }
    if _, err := tx.ExecContext(ctx, "DELETE FROM comments WHERE torrent_id = $1", id); err != nil {
01|        tx.Rollback()
        return err
    }
    if _, err := tx.ExecContext(ctx, "DELETE FROM torrents WHERE torrent_id = $1", id); err != nil {
01|        tx.Rollback()
        return err
    }
    return tx.Commit()
}
''')
cases_of(case, GH + 'NyaaPantsu/nyaa/issues/926', 'models/torrents/find.go',
         G('torrents', ['context', 'database/sql', 'fmt'])(NYAA), [
             (1, 'go-00-nyaa-torrent-by-hash-rows-left-open',
              'an edit drops the deferred close, and the loop returns with the rows still open', 'edit'),
             (2, 'go-00-nyaa-delete-torrent-never-rolled-back',
              'an edit returns from a failed delete without rolling the transaction back', 'edit'),
             (0, 'go-ok-00-nyaa-rows-closed-delete-rolled-back',
              'clean: rows closed on return, every failed delete rolled back', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / TX-02: order archiver (dcrdex)
DCRDEX = template('dcrdex', r'''
// epochOrders reads the orders of one epoch for the archiver.
func (a *Archiver) epochOrders(base, quote uint32, epochIdx int64) ([]order.Order, error) {
    stmt := fmt.Sprintf(internal.SelectEpochOrders, marketTableName(base, quote))
    rows, err := a.db.QueryContext(a.ctx, stmt, epochIdx) //@{1}RES-01
    if err != nil {
02|        return nil, err
1|        return nil, fmt.Errorf("epoch %d orders: %w", epochIdx, err)
    }
02|    defer rows.Close()

    var ords []order.Order
    for rows.Next() {
        o, err := scanOrder(rows)
        if err != nil {
            return nil, err
        }
        ords = append(ords, o)
    }
    return ords, rows.Err()
}

// FlushBook moves every booked order of a market to the archive in one transaction.
func (a *Archiver) FlushBook(base, quote uint32) error {
    tx, err := a.db.BeginTx(a.ctx, nil)
    if err != nil {
        return err
    }
    defer tx.Rollback()
    stmt := fmt.Sprintf(internal.MoveBookOrders, marketTableName(base, quote))
    if _, err := tx.ExecContext(a.ctx, stmt); err != nil {
        return fmt.Errorf("move booked orders: %w", err)
    }
01|    return tx.Commit()
2|    err = tx.Commit() //@TX-02
2|    a.flushed.Add(1)
2|    return nil
}
''')
cases_of(case, GH + 'decred/dcrdex/pull/632', 'server/db/driver/pg/orders.go',
         G('pg', ['fmt', '', 'decred.org/dcrdex/dex/order', 'decred.org/dcrdex/server/db/driver/pg/internal'])(DCRDEX), [
             (1, 'go-00-dcrdex-epoch-orders-rows-left-open-on-scan-error',
              'an edit drops the deferred close, so a failed scan returns with the rows holding a connection', 'edit'),
             (2, 'go-00-dcrdex-flush-book-commit-error-overwritten',
              'an edit stores the commit error and never reads it, counting a failed flush as done', 'edit'),
             (0, 'go-ok-00-dcrdex-rows-closed-commit-returned',
              'clean: rows closed on return, the commit error returned', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / CONC-05: avatar refresher (remark42)
REMARK = template('remark', r'''
// Run refreshes the cached avatars every period until the context ends.
func (p *Refresher) Run(ctx context.Context) {
    ticker := time.NewTicker(p.Period) //@{1}RES-01
02|    defer ticker.Stop()
1|    log.Printf("[INFO] avatar refresher started, every %v", p.Period)
    for {
        select {
        case <-ctx.Done():
            log.Printf("[INFO] avatar refresher stopped, %v", ctx.Err())
            return
        case <-ticker.C:
            p.refresh(ctx)
        }
    }
}

// cleanupLoop removes expired images every hour until the context ends.
func (s *FSStore) cleanupLoop(ctx context.Context) {
    for {
01|        select {
01|        case <-ctx.Done():
01|            return
01|        case <-time.After(time.Hour):
01|        }
2|        time.Sleep(time.Hour) //@CONC-05
        if err := s.cleanup(ctx, s.ttl); err != nil {
            log.Printf("[WARN] failed to cleanup images, %v", err)
        }
    }
}
''')
cases_of(case, GH + 'umputun/remark42/pull/1143', 'backend/app/store/image/refresher.go',
         G('image', ['context', 'log', 'time'])(REMARK), [
             (1, 'go-00-remark42-refresher-ticker-never-stopped',
              'an edit drops the deferred stop of the refresher\'s ticker, which outlives every restart of the loop', 'edit'),
             (2, 'go-00-remark42-cleanup-sleeps-past-shutdown',
              'an edit turns the cleanup wait into an hour\'s sleep that ignores the context', 'edit'),
             (0, 'go-ok-00-remark42-ticker-stopped-cleanup-selects',
              'clean: ticker stopped on return, the cleanup wait selects on the context', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-01 / TMO-02: probe handler (blackbox_exporter)
BLACKBOX = template('blackbox', r'''
// handleProbe runs one probe of one target and writes its metrics.
func handleProbe(w http.ResponseWriter, r *http.Request, c *config.Config, logger *slog.Logger) {
    params := r.URL.Query()
    module, ok := c.Modules[params.Get("module")]
    if !ok {
        http.Error(w, fmt.Sprintf("Unknown module %q", params.Get("module")), http.StatusBadRequest)
        return
    }
    timeoutSeconds, err := getTimeout(r, module, 0.5)
    if err != nil {
        http.Error(w, err.Error(), http.StatusInternalServerError)
        return
    }
    ctx, cancel := context.WithTimeout(r.Context(), time.Duration(timeoutSeconds*float64(time.Second)))
    defer cancel()

    target := params.Get("target")
    if target == "" {
        http.Error(w, "Target parameter is missing", http.StatusBadRequest)
        return
    }
    prober, ok := Probers[module.Prober]
    if !ok {
        http.Error(w, fmt.Sprintf("Unknown prober %q", module.Prober), http.StatusBadRequest)
        return
    }
1|    logger.Info("Beginning probe", "probe", module.Prober, "target", target, "timeout_seconds", timeoutSeconds) //@LOG-01
    registry := prometheus.NewRegistry()
    start := time.Now()
01|    success := prober(ctx, target, module, registry, logger)
2|    success := prober(context.Background(), target, module, registry, logger) //@TMO-02
    probeDurationGauge.Set(time.Since(start).Seconds())
    if success {
        probeSuccessGauge.Set(1)
    }
    promhttp.HandlerFor(registry, promhttp.HandlerOpts{}).ServeHTTP(w, r)
}
''')
cases_of(case, GH + 'prometheus/blackbox_exporter/pull/1559', 'prober/handler.go',
         G('prober', ['context', 'fmt', 'log/slog', 'net/http', 'time', '',
                      'github.com/prometheus/blackbox_exporter/config', 'github.com/prometheus/client_golang/prometheus',
                      'github.com/prometheus/client_golang/prometheus/promhttp'])(BLACKBOX), [
             (1, 'go-00-blackbox-info-line-per-probe',
              'an edit logs every probe of every target at info, one line per scrape of each target', 'edit'),
             (2, 'go-00-blackbox-probe-on-background-context',
              'an edit runs the prober on a background context, so the scrape timeout no longer bounds it', 'edit'),
             (0, 'go-ok-00-blackbox-probe-on-bounded-context-quiet',
              'clean: the probe on the scrape-bounded context, no line per probe', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / RES-01: signed artifacts (autograph, CRLF)
AUTOGRAPH = template('autograph', r'''
// writeSignedArtifacts stores the signature and the signed file next to each other in the output directory.
func writeSignedArtifacts(dir, name string, sig, signed []byte) error {
    if err := os.MkdirAll(dir, 0o755); err != nil {
        return err
    }
01|    if err := os.WriteFile(filepath.Join(dir, name+".sig"), sig, 0o644); err != nil {
01|        return fmt.Errorf("write signature: %w", err)
01|    }
2|    os.WriteFile(filepath.Join(dir, name+".sig"), sig, 0o644) //@ERR-01
    return writeAtomic(filepath.Join(dir, name), signed)
}

// writeAtomic writes data to a temporary file and renames it into place.
func writeAtomic(path string, data []byte) error {
    tmp, err := os.CreateTemp(filepath.Dir(path), ".signed-*") //@{1}RES-01
    if err != nil {
02|        return err
1|        return fmt.Errorf("temp file for %s: %w", path, err)
    }
    if _, err := tmp.Write(data); err != nil {
02|        tmp.Close()
        os.Remove(tmp.Name())
        return err
    }
02|    if err := tmp.Close(); err != nil {
02|        os.Remove(tmp.Name())
02|        return err
02|    }
    return os.Rename(tmp.Name(), path)
}
''')
cases_of(case, GH + 'mozilla-services/autograph/pull/774', 'signer/artifacts.go',
         G('signer', ['fmt', 'os', 'path/filepath'])(AUTOGRAPH), [
             (1, 'go-00-autograph-temp-file-never-closed',
              'an edit stops closing the temporary file, so every signing leaves a descriptor open (CRLF)', 'edit'),
             (2, 'go-00-autograph-signature-write-error-dropped',
              'an edit ignores a failed signature write and reports the artifacts as stored (CRLF)', 'edit'),
             (0, 'go-ok-00-autograph-temp-closed-write-checked',
              'clean: the temporary file closed on every path, the signature write checked (CRLF)', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- ERR-01 / RES-01: generator output (gocc, new files)
GOCC = template('gocc', r'''
const (
    PermDir  = 0o755
    PermFile = 0o644
)

// WriteFile writes data to fpath, creating its directory first.
func WriteFile(fpath string, data []byte) error {
    dir, _ := path.Split(fpath)
02|    if err := os.MkdirAll(dir, PermDir); err != nil {
02|        return err
02|    }
1|    os.MkdirAll(dir, PermDir) //@ERR-01
    return os.WriteFile(fpath, data, PermFile)
}

// WriteTemplate renders a generator template into fpath.
func WriteTemplate(fpath string, tmpl *template.Template, data interface{}) error {
    if err := os.MkdirAll(filepath.Dir(fpath), PermDir); err != nil {
        return err
    }
    f, err := os.OpenFile(fpath, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, PermFile) //@{2}RES-01
    if err != nil {
        return err
    }
01|    if err := tmpl.Execute(f, data); err != nil {
01|        f.Close()
01|        return err
01|    }
01|    return f.Close()
2|    return tmpl.Execute(f, data)
}
''')
GOCC_MOD = gomod('github.com/goccmack/gocc', [])
cases_of(case, GH + 'goccmack/gocc/issues/37', 'internal/io/io.go',
         G('io', ['os', 'path', 'path/filepath', 'text/template'])(GOCC), [
             (1, 'go-00-gocc-new-io-mkdir-error-dropped',
              'a new output package ignores a failed directory creation and writes on', 'new', [f('go.mod', new=GOCC_MOD)]),
             (2, 'go-00-gocc-new-io-template-file-never-closed',
              'a new output package renders each template into a file it never closes', 'new', [f('go.mod', new=GOCC_MOD)]),
             (0, 'go-ok-00-gocc-new-io-errors-returned-file-closed',
              'clean: a new output package returning every error and closing each file', 'new', [f('go.mod', new=GOCC_MOD)]),
         ])


# ---------------------------------------------------------------- ERR-01 / CONC-03: job worker (gearman-go)
GEARMAN = template('gearman', r'''
// Worker executes the jobs the job servers assign to it.
type Worker struct {
    sync.RWMutex
    agents  []*agent
    funcs   map[string]*jobFunc
    running bool
    err     func(error)
}

// AddFunc registers a job function and announces it to every job server.
func (worker *Worker) AddFunc(funcname string, f JobFunc, timeout uint32) error {
01|    worker.Lock()
01|    defer worker.Unlock()
    if _, ok := worker.funcs[funcname]; ok {
01|        return fmt.Errorf("the function already exists: %s", funcname)
2|        return fmt.Errorf("function %s is already registered", funcname)
    }
    worker.funcs[funcname] = &jobFunc{f: f, timeout: timeout} //@{2}CONC-03
    if worker.running {
        worker.broadcast(canDo(funcname, timeout))
    }
    return nil
}

// handleJob runs on an agent's reader goroutine for every assigned job.
func (worker *Worker) handleJob(a *agent, inpack *inPack) {
    worker.RLock()
    fn, ok := worker.funcs[inpack.fn]
    worker.RUnlock()
    if !ok {
        a.write(workFail(inpack.handle))
        return
    }
    go worker.exec(a, fn, inpack)
}

// broadcast writes one packet to every agent; an agent whose write fails is reconnected.
func (worker *Worker) broadcast(outpack *outPack) {
    for _, a := range worker.agents {
02|        if err := a.write(outpack); err != nil {
02|            worker.err(fmt.Errorf("write to %s: %w", a.addr, err))
02|            a.reconnect()
02|        }
1|        a.write(outpack) //@ERR-01
    }
}
''')
cases_of(case, GH + 'mikespook/gearman-go/pull/49', 'worker/worker.go',
         G('worker', ['fmt', 'sync'])(GEARMAN), [
             (1, 'go-00-gearman-broadcast-write-error-dropped',
              'an edit ignores a failed write to a job server, which never learns of the function', 'edit'),
             (2, 'go-00-gearman-add-func-without-lock',
              'an edit registers functions without the lock the agents\' reader goroutines read the map under', 'edit'),
             (0, 'go-ok-00-gearman-locked-funcs-write-errors-handled',
              'clean: the function map written under the lock, a failed write reported and reconnected', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / RES-03: file sender (fsutil)
FSUTIL = template('fsutil', r'''
// sendFile streams one file to the receiver in chunks.
func (s *sender) sendFile(h *sendHandle) error {
    f, err := os.Open(filepath.Join(s.root, h.path)) //@{1}RES-01
    if err != nil {
02|        return err
1|        return errors.Wrapf(err, "open %s", h.path)
    }
02|    defer f.Close()
    buf := s.bufPool.Get().(*[]byte)
    defer s.bufPool.Put(buf)
    w := &fileWriter{stream: s.conn, id: h.id}
    if _, err := io.CopyBuffer(w, f, *buf); err != nil {
        return errors.Wrapf(err, "send %s", h.path)
    }
    return w.Close()
}

// sendAll sends every requested file, in order.
func (s *sender) sendAll(handles []*sendHandle) error {
    for _, h := range handles {
01|        if err := s.sendFile(h); err != nil {
01|            return err
01|        }
2|        f, err := os.Open(filepath.Join(s.root, h.path))
2|        if err != nil {
2|            return err
2|        }
2|        defer f.Close() //@RES-03
2|        if _, err := io.Copy(&fileWriter{stream: s.conn, id: h.id}, f); err != nil {
2|            return err
2|        }
    }
    return nil
}
''')
cases_of(case, GH + 'tonistiigi/fsutil/pull/17', 'send.go',
         G('fsutil', ['io', 'os', 'path/filepath', '', 'github.com/pkg/errors'])(FSUTIL), [
             (1, 'go-00-fsutil-sent-file-never-closed',
              'an edit drops the deferred close, so every file sent keeps its descriptor until the collector runs', 'edit'),
             (2, 'go-00-fsutil-send-all-defers-close-in-loop',
              'an edit inlines the per-file send and defers each close until the whole transfer ends', 'edit'),
             (0, 'go-ok-00-fsutil-file-closed-per-send',
              'clean: each file closed when its own send returns', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / LOG-02: image datastore (ciao)
CIAO = template('ciao', r'''
// Write stores an uploaded image under its ID.
func (p *Posix) Write(ID string, body io.Reader) error {
    imageName := path.Join(p.MountPoint, ID)
    if _, err := os.Stat(imageName); err == nil {
        return fmt.Errorf("image %s already exists", ID)
    }
    image, err := os.Create(imageName) //@{1}RES-01
    if err != nil {
02|        return err
1|        return fmt.Errorf("create %s: %w", imageName, err)
    }
02|    defer image.Close()
    buf := make([]byte, 1<<20)
    _, err = io.CopyBuffer(image, body, buf)
    return err
}

// GetImageSize returns the size of a stored image.
func (p *Posix) GetImageSize(ID string) (uint64, error) {
    imageName := path.Join(p.MountPoint, ID)
    fi, err := os.Stat(imageName)
    if err != nil {
        return 0, err
    }
01|    if glog.V(2) {
01|        glog.Infof("image %s: %d bytes", ID, fi.Size())
01|    }
2|    glog.V(2).Info(fmt.Sprintf("image %s: %d bytes, mode %v, stat %+v", ID, fi.Size(), fi.Mode(), fi.Sys())) //@LOG-02
    return uint64(fi.Size()), nil
}
''')
cases_of(case, GH + 'ciao-project/ciao/issues/661', 'ciao-image/datastore/posix.go',
         G('datastore', ['fmt', 'io', 'os', 'path', '', 'github.com/golang/glog'])(CIAO), [
             (1, 'go-00-ciao-uploaded-image-file-never-closed',
              'an edit drops the deferred close, so every uploaded image leaks a descriptor', 'edit'),
             (2, 'go-00-ciao-image-size-debug-line-formatted-eagerly',
              'an edit formats the verbose stat line before the level check, paid on every size lookup', 'edit'),
             (0, 'go-ok-00-ciao-image-closed-guarded-verbose-line',
              'clean: the image file closed on return, the verbose line behind its level check', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / CONC-01: dependency pinger (go-apt)
GOAPT = template('goapt', r'''
// Failure is one dependency that did not answer its ping.
type Failure struct {
    Name string
    Err  error
}

// Check pings every dependency in parallel and collects the failures.
func (r *Reporter) Check(ctx context.Context) []Failure {
    var (
        wg       sync.WaitGroup
02|        mu       sync.Mutex
        failures []Failure
    )
    for name, pinger := range r.pingers {
        wg.Add(1)
        go func(name string, p Pinger) { //@{2}CONC-01
            defer wg.Done()
01|            defer func() {
01|                if rec := recover(); rec != nil {
01|                    r.log.Printf("ping of %s panicked: %v", name, rec)
01|                }
01|            }()
            if err := p.Ping(ctx); err != nil {
02|                mu.Lock()
02|                failures = append(failures, Failure{Name: name, Err: err})
02|                mu.Unlock()
1|                failures = append(failures, Failure{Name: name, Err: err}) //@CONC-03
            }
        }(name, pinger)
    }
    wg.Wait()
    return failures
}
''')
cases_of(case, GH + 'payfazz/go-apt/issues/90', 'pkg/fazzmonitor/ping/report.go',
         G('ping', ['context', 'sync'])(GOAPT), [
             (1, 'go-00-go-apt-failures-appended-without-lock',
              'an edit drops the mutex, so the ping goroutines append to one slice at once', 'edit'),
             (2, 'go-00-go-apt-ping-goroutine-without-recover',
              'an edit drops the recover of each ping goroutine, so one panicking pinger ends the service', 'edit'),
             (0, 'go-ok-00-go-apt-locked-append-recovered-pings',
              'clean: failures appended under the mutex, each ping goroutine recovers', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / CONC-03: in-memory repository (empire, moved)
EMPIRE = template('empire', r'''
// appsRepository keeps apps in memory, for single-node setups.
type appsRepository struct {
    sync.RWMutex
    apps map[string]*App
}

func newAppsRepository() *appsRepository {
    return &appsRepository{apps: make(map[string]*App)}
}

// Create stores a new app; a name can be taken only once.
func (r *appsRepository) Create(app *App) (*App, error) {
02|    r.Lock()
02|    defer r.Unlock()
02|    if _, ok := r.apps[app.Name]; ok {
1|    if existing := r.apps[app.Name]; existing != nil {
        return nil, ErrAppExists
    }
    r.apps[app.Name] = app //@{1}CONC-03
    return app, nil
}

// FindByName returns the app of that name, or nil.
func (r *appsRepository) FindByName(name string) (*App, error) {
01|    r.RLock()
01|    defer r.RUnlock()
    return r.apps[name], nil //@{2}CONC-03
}

// All returns every app, in no particular order.
func (r *appsRepository) All() ([]*App, error) {
    r.RLock()
    defer r.RUnlock()
    apps := make([]*App, 0, len(r.apps))
    for _, a := range r.apps {
        apps = append(apps, a)
    }
    return apps, nil
}
''')
cases_of(case, GH + 'remind101/empire/pull/10', 'empire/apps_memory.go',
         G('empire', ['sync'])(EMPIRE), [
             (1, 'go-00-empire-moved-repository-create-without-lock',
              'a PR moves the in-memory repository and writes the app map without the lock the readers take', 'rename'),
             (2, 'go-00-empire-moved-repository-find-without-read-lock',
              'a PR moves the in-memory repository and reads the app map without the read lock', 'rename'),
             (0, 'go-ok-00-empire-moved-repository-locked',
              'clean: the move alone; every read and write of the map under the lock', 'rename'),
         ], rename_from='empire/memory.go')


# ---------------------------------------------------------------- CONC-03 / ERR-01: layer encrypter (ocicrypt)
OCICRYPT = template('ocicrypt', r'''
// EncryptLayer encrypts one layer for every recipient of the config; the layers of an image are encrypted in parallel
// with the same config.
func (c *Encrypter) EncryptLayer(ec *config.EncryptConfig, layer io.Reader, desc ocispec.Descriptor) (io.Reader, *LayerInfo, error) {
02|    opts := make(map[string][][]byte, len(ec.Parameters)+1)
02|    for k, v := range ec.Parameters {
02|        opts[k] = v
02|    }
02|    opts["layer-digest"] = [][]byte{[]byte(desc.Digest.String())}
1|    ec.Parameters["layer-digest"] = [][]byte{[]byte(desc.Digest.String())} //@CONC-03
1|    opts := ec.Parameters
    enc, optsData, err := c.cipher.Encrypt(layer)
    if err != nil {
        return nil, nil, fmt.Errorf("encrypt layer %s: %w", desc.Digest, err)
    }
    info := &LayerInfo{Annotations: map[string]string{}}
    for _, kw := range c.wrappers {
        wrapped, err := kw.WrapKeys(opts, optsData)
01|        if err != nil {
01|            return nil, nil, fmt.Errorf("wrap keys with %s: %w", kw.Scheme(), err)
01|        }
2|        if err != nil { //@ERR-01
2|            continue
2|        }
        if len(wrapped) > 0 {
            info.Annotations[kw.AnnotationID()] = base64.StdEncoding.EncodeToString(wrapped)
        }
    }
    return enc, info, nil
}
''')
cases_of(case, GH + 'containers/ocicrypt/pull/93', 'encryption.go',
         G('ocicrypt', ['encoding/base64', 'fmt', 'io', '', 'github.com/containers/ocicrypt/config',
                        'ocispec github.com/opencontainers/image-spec/specs-go/v1'])(OCICRYPT), [
             (1, 'go-00-ocicrypt-shared-config-parameters-written',
              'an edit writes the layer digest into the config shared by the layers encrypted in parallel', 'edit'),
             (2, 'go-00-ocicrypt-key-wrap-failure-skipped',
              'an edit skips a recipient whose key wrapping failed, so the image is encrypted without their key', 'edit'),
             (0, 'go-ok-00-ocicrypt-copied-parameters-wrap-error-returned',
              'clean: each layer works on its own copy of the parameters, a failed key wrap returned', 'fix'),
         ])
