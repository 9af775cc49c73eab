"""Round-29 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- RES-01 / RES-03: file downloads (filestash)
FILESTASH = template('filestash', r'''
// FileDownload streams one file of the session's storage to the browser.
func FileDownload(ctx *App, res http.ResponseWriter, req *http.Request) {
    path, err := PathBuilder(ctx, req.URL.Query().Get("path"))
    if err != nil {
        SendErrorResult(res, err)
        return
    }
    file, err := os.Open(path) //@{1}RES-01
    if err != nil {
1|        Log.Debug("download: open %s: %s", path, err)
        SendErrorResult(res, ErrNotFound)
        return
    }
02|    defer file.Close()
    res.Header().Set("Content-Type", GetMimeType(filepath.Ext(path)))
    res.Header().Set("Content-Disposition", "attachment; filename=\""+filepath.Base(path)+"\"")
    if _, err := io.Copy(res, file); err != nil {
        Log.Warning("download: copy %s: %s", path, err)
    }
}

// FileDownloadZip packs every selected path into one zip archive written to the response.
func FileDownloadZip(ctx *App, res http.ResponseWriter, req *http.Request) {
    paths, err := selectedPaths(ctx, req)
    if err != nil {
        SendErrorResult(res, err)
        return
    }
    res.Header().Set("Content-Type", "application/zip")
    res.Header().Set("Content-Disposition", "attachment; filename=\"download.zip\"")
    if err := writeZip(res, paths); err != nil {
        Log.Error("zip: %s", err)
    }
}

func selectedPaths(ctx *App, req *http.Request) ([]string, error) {
    var paths []string
    for _, raw := range req.URL.Query()["path"] {
        path, err := PathBuilder(ctx, raw)
        if err != nil {
            return nil, err
        }
        paths = append(paths, path)
    }
    return paths, nil
}

func writeZip(w io.Writer, paths []string) error {
    zw := zip.NewWriter(w)
    for _, path := range paths {
01|        if err := addToZip(zw, path); err != nil {
01|            return err
01|        }
2|        file, err := os.Open(path)
2|        if err != nil {
2|            return err
2|        }
2|        defer file.Close() //@RES-03
2|        entry, err := zw.Create(filepath.Base(path))
2|        if err != nil {
2|            return err
2|        }
2|        if _, err := io.Copy(entry, file); err != nil {
2|            return err
2|        }
    }
    return zw.Close()
}
01|
01|// addToZip copies one file into the archive and closes it before the next one is opened.
01|func addToZip(zw *zip.Writer, path string) error {
01|    file, err := os.Open(path)
01|    if err != nil {
01|        return err
01|    }
01|    defer file.Close()
01|    entry, err := zw.Create(filepath.Base(path))
01|    if err != nil {
01|        return err
01|    }
01|    _, err = io.Copy(entry, file)
01|    return err
01|}
''')
cases_of(case, GH + 'mickael-kerjean/filestash/pull/812', 'server/ctrl/download.go',
         G('ctrl', ['archive/zip', 'io', 'net/http', 'os', 'path/filepath', '',
                    '. github.com/mickael-kerjean/filestash/server/common'])(FILESTASH), [
             (1, 'go-00-filestash-download-file-never-closed',
              'an edit drops the deferred close of the downloaded file, so every download keeps a descriptor', 'edit'),
             (2, 'go-00-filestash-zip-defers-close-in-loop',
              'an edit inlines the per-file zip copy and defers each close until the whole archive is written', 'edit'),
             (0, 'go-ok-00-filestash-download-closed-zip-per-file-helper',
              'clean: the downloaded file closed on return, each zipped file closed by its own helper call', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: postfix maps (mailfull-go)
MAILFULL = template('mailfull', r'''
// writeDomains writes the virtual domain map postfix reads and rebuilds its lookup table.
func (r *Repository) writeDomains(domains []*Domain) error {
    path := filepath.Join(r.DirMailDataPath, FileNameDomains)
    file, err := os.Create(path) //@{1}RES-01
    if err != nil {
02|        return err
1|        return fmt.Errorf("create %s: %w", path, err)
    }
02|    defer file.Close()

    w := bufio.NewWriter(file)
    for _, domain := range domains {
        fmt.Fprintf(w, "%s virtual\n", domain.Name())
    }
01|    if err := w.Flush(); err != nil {
01|        return err
01|    }
2|    w.Flush() //@ERR-01

    return r.postmap(path)
}

// postmap runs postmap over one map file so postfix sees the new entries.
func (r *Repository) postmap(path string) error {
    out, err := exec.Command(r.CmdPostmap, path).CombinedOutput()
    if err != nil {
        return fmt.Errorf("postmap %s: %v: %s", path, err, out)
    }
    return nil
}
''')
cases_of(case, GH + 'directorz/mailfull-go/issues/2', 'generate.go',
         G('mailfull', ['bufio', 'fmt', 'os', 'os/exec', 'path/filepath'])(MAILFULL), [
             (1, 'go-00-mailfull-domain-map-file-never-closed',
              'an edit drops the deferred close of the map file, so every generation leaves a descriptor open', 'edit'),
             (2, 'go-00-mailfull-domain-map-flush-error-dropped',
              'an edit ignores a failed flush and runs postmap over a truncated map', 'edit'),
             (0, 'go-ok-00-mailfull-map-closed-flush-checked',
              'clean: the map file closed on return, a failed flush returned', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / CONC-01: server start and webhooks (ipe)
IPE = template('ipe', r'''
// Start reads the configuration file and serves the websocket and REST endpoints.
func Start(filename string) {
    file, err := os.Open(filename) //@{1}RES-01
    if err != nil {
02|        log.Fatal(err)
1|        log.Fatalf("ipe: cannot open configuration %s: %v", filename, err)
    }
02|    defer file.Close()

    var conf config
    if err := yaml.NewDecoder(file).Decode(&conf); err != nil {
        log.Fatal(err)
    }
    hooks := make(chan webhookEvent, 1024)
    for i := 0; i < conf.WebhookWorkers; i++ {
01|        go func() {
01|            defer func() {
01|                if r := recover(); r != nil {
01|                    log.Printf("ipe: webhook worker stopped: %v\n%s", r, debug.Stack())
01|                }
01|            }()
01|            deliverWebhooks(hooks)
01|        }()
2|        go deliverWebhooks(hooks) //@CONC-01
    }

    router := newRouter(newDatabase(conf.Apps), hooks)
    log.Printf("ipe: listening on %s", conf.Host)
    log.Fatal(http.ListenAndServe(conf.Host, router))
}

// deliverWebhooks posts every queued channel event to its application's webhook URL.
func deliverWebhooks(events <-chan webhookEvent) {
    for ev := range events {
        if err := ev.app.triggerHook(ev); err != nil {
            log.Printf("ipe: webhook for %s: %v", ev.app.AppID, err)
        }
    }
}
''')
cases_of(case, GH + 'dimiro1/ipe/pull/20', 'ipe.go',
         GV('ipe', {0: ['log', 'net/http', 'os', 'runtime/debug', '', 'gopkg.in/yaml.v2'],
                    1: ['log', 'net/http', 'os', 'runtime/debug', '', 'gopkg.in/yaml.v2'],
                    2: ['log', 'net/http', 'os', '', 'gopkg.in/yaml.v2']})(IPE), [
             (1, 'go-00-ipe-start-config-file-never-closed',
              'an edit drops the deferred close of the configuration file the server decodes at start', 'edit'),
             (2, 'go-00-ipe-webhook-workers-without-recover',
              'an edit drops the recover of the webhook workers, so one panicking delivery ends the server', 'edit'),
             (0, 'go-ok-00-ipe-config-closed-workers-recover',
              'clean: the configuration file closed on return, every webhook worker recovers', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / RES-02: crawler workers (evine)
EVINE = template('evine', r'''
var (
    mutex   sync.Mutex
    visited = map[string]bool{}
    client  = &http.Client{Timeout: 15 * time.Second}
)

// crawl fetches one page and queues every same-host link it has not seen yet.
func crawl(target string, queue chan<- string) error {
    resp, err := client.Get(target) //@{2}RES-02
    if err != nil {
01|        return err
2|        return fmt.Errorf("crawl %s: %w", target, err)
    }
01|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return fmt.Errorf("crawl %s: %s", target, resp.Status)
    }
    body, err := io.ReadAll(io.LimitReader(resp.Body, 8<<20))
    if err != nil {
        return err
    }
    for _, link := range extractLinks(target, body) {
02|        mutex.Lock()
        if visited[link] {
02|            mutex.Unlock()
            continue
        }
        visited[link] = true //@{1}CONC-03
02|        mutex.Unlock()
        queue <- link
    }
    return nil
}

// worker runs one of the crawler's threads until the queue is closed.
func worker(queue chan string, wg *sync.WaitGroup) {
    defer wg.Done()
    for target := range queue {
        if err := crawl(target, queue); err != nil {
            log.Println(err)
        }
    }
}
''')
cases_of(case, GH + 'saeeddhqan/evine/pull/5', 'crawler.go',
         G('main', ['fmt', 'io', 'log', 'net/http', 'sync', 'time'])(EVINE), [
             (1, 'go-00-evine-visited-map-written-without-lock',
              'an edit drops the mutex around the visited map every crawler thread reads and writes', 'edit'),
             (2, 'go-00-evine-page-body-never-closed',
              'an edit drops the deferred close of each fetched page, so every crawled URL keeps a connection', 'edit'),
             (0, 'go-ok-00-evine-locked-visited-body-closed',
              'clean: the visited map under the mutex, each page body closed on return', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / ERR-01: per-room config (postmoogle)
POSTMOOGLE = template('postmoogle', r'''
// Manager caches the configuration of every room and serialises changes per room.
type Manager struct {
    mu    sync.Mutex
    locks map[id.RoomID]*sync.Mutex
    cache map[id.RoomID]Room
    lp    *linkpearl.Linkpearl
    log   *zerolog.Logger
}

// lock returns the mutex of one room, creating it on first use.
func (m *Manager) lock(roomID id.RoomID) *sync.Mutex {
02|    m.mu.Lock()
02|    defer m.mu.Unlock()
    l, ok := m.locks[roomID]
    if !ok {
02|        l = &sync.Mutex{}
1|        l = new(sync.Mutex)
        m.locks[roomID] = l //@{1}CONC-03
    }
    return l
}

// GetRoom returns the configuration of a room, read from its account data on a cache miss.
func (m *Manager) GetRoom(ctx context.Context, roomID id.RoomID) (Room, error) {
    l := m.lock(roomID)
    l.Lock()
    defer l.Unlock()
    if cfg, ok := m.cache[roomID]; ok {
        return cfg, nil
    }
    cfg, err := m.lp.GetRoomAccountData(ctx, roomID, acRoomSettingsKey)
    if err != nil { //@{2}ERR-01
01|        return nil, fmt.Errorf("read settings of %s: %w", roomID, err)
2|        m.log.Warn().Str("room", roomID.String()).Msg("cannot read room settings, using defaults")
2|        cfg = map[string]string{}
    }
    m.cache[roomID] = cfg
    return cfg, nil
}
''')
cases_of(case, GH + 'etkecc/postmoogle/issues/14', 'internal/bot/config/manager.go',
         G('config', ['context', 'fmt', 'sync', '', 'github.com/rs/zerolog', 'gitlab.com/etke.cc/linkpearl',
                      'maunium.net/go/mautrix/id'])(POSTMOOGLE), [
             (1, 'go-00-postmoogle-room-lock-map-written-unguarded',
              'an edit drops the manager mutex, so the sync loop and the cron jobs create room locks at once (CRLF)', 'edit'),
             (2, 'go-00-postmoogle-room-settings-error-read-as-defaults',
              'an edit turns a failed settings read into cached defaults with a warning that drops the error (CRLF)', 'edit'),
             (0, 'go-ok-00-postmoogle-guarded-locks-settings-error-returned',
              'clean: room locks created under the manager mutex, a failed settings read returned (CRLF)', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-03 / LOG-01: peer database (trakx)
TRAKX = template('trakx', r'''
// PeerDatabase keeps the peers of every torrent the tracker has seen.
type PeerDatabase struct {
    mu       sync.RWMutex
    torrents map[Hash]map[PeerID]*Peer
    logger   *zap.Logger
}

// Save records one announcing peer.
func (db *PeerDatabase) Save(hash Hash, id PeerID, peer *Peer) {
02|    db.mu.Lock()
02|    defer db.mu.Unlock()
    peers, ok := db.torrents[hash]
    if !ok {
02|        peers = make(map[PeerID]*Peer)
1|        peers = make(map[PeerID]*Peer, 1)
        db.torrents[hash] = peers //@{1}CONC-03
    }
    peers[id] = peer
2|    db.logger.Info("saved peer", zap.String("hash", hash.String()), zap.Int("peers", len(peers))) //@LOG-01
}

// Drop removes one peer that stopped or timed out.
func (db *PeerDatabase) Drop(hash Hash, id PeerID) {
    db.mu.Lock()
    defer db.mu.Unlock()
    if peers, ok := db.torrents[hash]; ok {
        delete(peers, id)
        if len(peers) == 0 {
            delete(db.torrents, hash)
        }
    }
}

// Count returns how many peers announce a torrent.
func (db *PeerDatabase) Count(hash Hash) int {
    db.mu.RLock()
    defer db.mu.RUnlock()
    return len(db.torrents[hash])
}
''')
cases_of(case, GH + 'crimist/trakx/pull/25', 'tracker/database/peers.go',
         G('database', ['sync', '', 'go.uber.org/zap'])(TRAKX), [
             (1, 'go-00-trakx-moved-peer-database-save-without-lock',
              'a PR moves the peer database and writes the torrent map on announce without the lock Drop takes', 'rename'),
             (2, 'go-00-trakx-moved-peer-database-info-line-per-announce',
              'a PR moves the peer database and logs every announce of every peer at info', 'rename'),
             (0, 'go-ok-00-trakx-moved-peer-database-locked-quiet',
              'clean: the move alone; the torrent map written under the lock, no line per announce', 'rename'),
         ], rename_from='tracker/database/memory.go')


# ---------------------------------------------------------------- RES-01 / TX-01: message store (hooligram-server)
HOOLIGRAM = template('hooligram', r'''
const undeliveredQuery = `
SELECT m.id, m.content, m.sender_id, m.message_group_id, m.date_created
FROM message m JOIN message_delivery d ON d.message_id = m.id
WHERE d.recipient_id = ? ORDER BY m.id`

// UndeliveredMessages returns the messages a user has not yet received, oldest first.
func UndeliveredMessages(ctx context.Context, userID int) ([]*Message, error) {
    rows, err := db.QueryContext(ctx, undeliveredQuery, userID) //@{1}RES-01
    if err != nil {
02|        return nil, err
1|        return nil, fmt.Errorf("undelivered messages of %d: %w", userID, err)
    }
02|    defer rows.Close()

    var messages []*Message
    for rows.Next() {
        m := &Message{}
        if err := rows.Scan(&m.ID, &m.Content, &m.SenderID, &m.MessageGroupID, &m.DateCreated); err != nil {
            return nil, err
        }
        messages = append(messages, m)
    }
    return messages, rows.Err()
}

// CreateMessageGroup stores a new group and its members in one transaction.
func CreateMessageGroup(ctx context.Context, name string, memberIDs []int) (int64, error) {
    tx, err := db.BeginTx(ctx, nil) //@{2}TX-01
    if err != nil {
01|        return 0, err
2|        return 0, fmt.Errorf("begin message group %q: %w", name, err)
    }
01|    defer tx.Rollback()
    res, err := tx.ExecContext(ctx, "INSERT INTO message_group (name) VALUES (?)", name)
    if err != nil {
        return 0, err
    }
    groupID, err := res.LastInsertId()
    if err != nil {
        return 0, err
    }
    for _, memberID := range memberIDs {
        if _, err := tx.ExecContext(ctx,
            "INSERT INTO message_group_user (message_group_id, user_id) VALUES (?, ?)", groupID, memberID); err != nil {
            return 0, err
        }
    }
    return groupID, tx.Commit()
}
''')
cases_of(case, GH + 'hooligram/hooligram-server/issues/69', 'db/message.go',
         G('db', ['context', 'fmt'])(HOOLIGRAM), [
             (1, 'go-00-hooligram-undelivered-rows-never-closed',
              'an edit drops the deferred close, so a failed scan returns with the rows holding a connection', 'edit'),
             (2, 'go-00-hooligram-group-insert-never-rolled-back',
              'an edit drops the deferred rollback, so a failed member insert leaves the transaction open', 'edit'),
             (0, 'go-ok-00-hooligram-rows-closed-group-rolled-back',
              'clean: rows closed on return, the group transaction rolled back unless committed', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / CONC-01: event batcher (apcera util)
APCERA = template('apcera', r'''
// Batcher collects events and publishes them in batches, at most once per interval.
type Batcher struct {
    interval time.Duration
    in       chan Event
    publish  func([]Event) error
    stop     chan struct{}
}

// NewBatcher returns a batcher that publishes through fn.
func NewBatcher(interval time.Duration, fn func([]Event) error) *Batcher {
    return &Batcher{interval: interval, in: make(chan Event, 256), publish: fn, stop: make(chan struct{})}
}

// Run batches events until Stop is called.
func (b *Batcher) Run() {
    ticker := time.NewTicker(b.interval) //@{1}RES-01
02|    defer ticker.Stop()
    var batch []Event
    for {
        select {
        case ev := <-b.in:
            batch = append(batch, ev)
        case <-ticker.C:
            if len(batch) > 0 {
                b.flush(batch)
                batch = nil
            }
        case <-b.stop:
            if len(batch) > 0 {
                b.flush(batch)
            }
            return
        }
    }
}

// flush publishes one batch without holding up the loop.
func (b *Batcher) flush(batch []Event) {
    go func() { //@{2}CONC-01
01|        defer func() {
01|            if r := recover(); r != nil {
01|                log.Printf("events: publish of %d events panicked: %v", len(batch), r)
01|            }
01|        }()
        if err := b.publish(batch); err != nil {
            log.Printf("events: publish of %d events failed: %v", len(batch), err)
        }
    }()
}

// Stop ends Run.
func (b *Batcher) Stop() {
    close(b.stop)
}
''')
cases_of(case, GH + 'apcera/util/pull/60', 'events/batcher.go',
         G('events', ['log', 'time'])(APCERA), [
             (1, 'go-00-apcera-new-batcher-ticker-never-stopped',
              'a new batcher starts a ticker per run and never stops it when the batcher stops', 'new'),
             (2, 'go-00-apcera-new-batcher-publish-goroutine-without-recover',
              'a new batcher publishes each batch in a goroutine without recover', 'new'),
             (0, 'go-ok-00-apcera-new-batcher-ticker-stopped-recovered',
              'clean: a new batcher stopping its ticker, each publish goroutine recovering', 'new'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-02: traffic generator (minimega protonuke)
PROTONUKE = template('protonuke', r'''
var (
    httpSiteCacheLock sync.Mutex
    httpSiteCache     []string
    httpTransport = &http.Transport{
        TLSClientConfig:     &tls.Config{InsecureSkipVerify: true},
        MaxIdleConnsPerHost: 4,
    }
01|    httpClient = &http.Client{Transport: httpTransport, Timeout: 30 * time.Second}
2|    httpClient = &http.Client{Transport: httpTransport} //@TMO-01
)

// httpClientRequest fetches one page, remembers its links and returns the number of bytes read.
func httpClientRequest(h string) (int64, error) {
    resp, err := httpClient.Get(h) //@{1}RES-02
    if err != nil {
02|        return 0, err
1|        return 0, fmt.Errorf("get %v: %v", h, err)
    }
02|    defer resp.Body.Close()

    var buf bytes.Buffer
    n, err := io.Copy(&buf, resp.Body)
    if err != nil {
        return n, err
    }
    links := parseLinks(h, buf.Bytes())
    httpSiteCacheLock.Lock()
    httpSiteCache = append(httpSiteCache, links...)
    httpSiteCacheLock.Unlock()
    log.Debug("http %v: %v bytes", h, n)
    return n, nil
}
''')
cases_of(case, GH + 'sandia-minimega/minimega/pull/422', 'src/protonuke/http.go',
         G('main', ['bytes', 'crypto/tls', 'fmt', 'io', 'net/http', 'sync', 'time', '', 'log minilog'])(PROTONUKE), [
             (1, 'go-00-protonuke-page-body-never-closed',
              'an edit drops the deferred close of each fetched page, so the traffic generator leaks a connection per request', 'edit'),
             (2, 'go-00-protonuke-client-timeout-removed',
              'an edit drops the client timeout, so one stalled server holds a generator thread for good', 'edit'),
             (0, 'go-ok-00-protonuke-bounded-client-body-closed',
              'clean: the shared client with a timeout, each body closed on return', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / TMO-03: spill files and worker status (bigslice)
BIGSLICE = template('bigslice', r'''
// Spill writes one sorted frame to a new spill file and returns its path.
func (s *Spiller) Spill(fr frame.Frame) (string, error) {
    f, err := os.CreateTemp(string(*s), "spill-")
    if err != nil {
        return "", err
    }
    defer f.Close()
    w := bufio.NewWriter(f)
    enc := sliceio.NewEncodingWriter(w)
01|    if err := enc.Write(context.Background(), fr); err != nil {
01|        return "", err
01|    }
2|    enc.Write(context.Background(), fr) //@ERR-01
    if err := w.Flush(); err != nil {
        return "", err
    }
    return f.Name(), nil
}

// workerStats asks one worker for its statistics, waiting at most statsTimeout.
func (m *machine) workerStats(ctx context.Context) (stats.Values, error) {
02|    ctx, cancel := context.WithTimeout(ctx, statsTimeout)
02|    defer cancel()
1|    ctx, _ = context.WithTimeout(ctx, statsTimeout) //@TMO-03
    var vals stats.Values
    if err := m.RetryCall(ctx, "Worker.Stats", struct{}{}, &vals); err != nil {
        return nil, fmt.Errorf("stats of %s: %w", m.Addr, err)
    }
    return vals, nil
}
''')
cases_of(case, GH + 'grailbio/bigslice/pull/73', 'exec/spill.go',
         G('exec', ['bufio', 'context', 'fmt', 'os', '', 'github.com/grailbio/bigslice/frame',
                    'github.com/grailbio/bigslice/sliceio', 'github.com/grailbio/bigslice/stats'])(BIGSLICE), [
             (1, 'go-00-bigslice-worker-stats-timeout-cancel-discarded',
              'an edit bounds the stats call with a timeout and throws the cancel away', 'edit'),
             (2, 'go-00-bigslice-spill-frame-write-error-dropped',
              'an edit ignores a failed frame write and returns the spill file as complete', 'edit'),
             (0, 'go-ok-00-bigslice-cancel-deferred-spill-write-checked',
              'clean: the cancel deferred, a failed frame write returned', 'fix'),
         ])
