"""Round-81 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- RES-02 / RES-04: page loading of a media organiser's scrapers (stash)
STASH = template('stash-scraper-load-url', r'''
const scrapeDefaultSleep = 2 * time.Second

// loadURL fetches one page for a scraper with the scraper's headers and cookies and hands back its decoded body.
func loadURL(ctx context.Context, loadURL string, client *http.Client, scraperConfig config, globalConfig GlobalConfig) (io.Reader, error) {
    driverOptions := scraperConfig.DriverOptions
    if driverOptions != nil && driverOptions.UseCDP {
        return loadURLCDP(ctx, loadURL, scraperConfig, globalConfig)
    }

    req, err := http.NewRequestWithContext(ctx, http.MethodGet, loadURL, nil)
    if err != nil {
        return nil, err
    }
    if driverOptions != nil {
        for _, h := range driverOptions.Headers {
            if h.Key != "" {
                req.Header.Set(h.Key, h.Value)
            }
        }
        if driverOptions.Sleep > 0 {
            time.Sleep(time.Duration(driverOptions.Sleep) * time.Second)
        }
    }
    if userAgent := globalConfig.GetScraperUserAgent(); userAgent != "" {
        req.Header.Set("User-Agent", userAgent)
    }

2|    pageClient := &http.Client{Transport: client.Transport, Jar: client.Jar, Timeout: client.Timeout}
2|    resp, err := pageClient.Do(req) //@RES-04
01|    resp, err := client.Do(req)
    if err != nil { //@{1}RES-02
        return nil, err
    }
02|    defer resp.Body.Close()

    if resp.StatusCode >= 400 {
        return nil, fmt.Errorf("http error %d: %s", resp.StatusCode, http.StatusText(resp.StatusCode))
    }

    body, err := io.ReadAll(resp.Body)
    if err != nil {
        return nil, err
    }
    bodyReader := bytes.NewReader(body)
    printCookies(client.Jar, scraperConfig, "Jar cookies found for scraper urls")
    return charset.NewReader(bodyReader, resp.Header.Get("Content-Type"))
}
''')
cases_of(case, GH + 'stashapp/stash/issues/1850', 'pkg/scraper/url.go',
         G('scraper', ['bytes', 'context', 'fmt', 'io', 'net/http', 'time', '', 'golang.org/x/net/html/charset'])(STASH), [
             (1, 'go-00-stash-scraper-page-body-never-closed',
              'an edit drops the close of each scraped page\'s response, so a large "scrape all" run keeps every '
              'connection out of the pool until the machine runs out of local ports', 'edit'),
             (2, 'go-00-stash-scraper-client-per-page',
              'an edit builds a new HTTP client for every scraped page, so no connection is reused across the pages '
              'of a batch and each page pays a fresh TLS handshake', 'edit'),
             (0, 'go-ok-00-stash-scraper-page-body-closed',
              'clean: the fix closes every page response once it is read', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / CONC-01: webhook fan-out of a self-hosted live-streaming server (owncast)
OWNCAST = template('owncast-webhooks-send', r'''
// SendEventToWebhooks posts the event to every webhook subscribed to its type. Each webhook gets its own goroutine so
// that one slow receiver no longer delays the others (they used to be called one after another).
func SendEventToWebhooks(payload WebhookEvent) {
    webhooks := data.GetWebhooksForEvent(payload.Type)

    for _, webhook := range webhooks {
        webhook := webhook
        go func() { //@{2}CONC-01
01|            defer func() {
01|                if r := recover(); r != nil {
01|                    log.Errorf("webhook %s panicked while sending %s: %v", webhook.URL, payload.Type, r)
01|                }
01|            }()
            log.Debugf("Event %s sent to Webhook %s", payload.Type, webhook.URL)
            if err := sendWebhook(webhook, payload); err != nil {
                log.Errorf("Event: %s failed to send to webhook: %s  Error: %s", payload.Type, webhook.URL, err)
                return
            }
02|            if err := data.SetWebhookAsUsed(webhook); err != nil {
02|                log.Warnf("unable to mark webhook %s as used: %s", webhook.URL, err)
02|            }
1|            data.SetWebhookAsUsed(webhook) //@ERR-01
        }()
    }
}

func sendWebhook(webhook models.Webhook, payload WebhookEvent) error {
    jsonText, err := json.Marshal(payload)
    if err != nil {
        return err
    }
    req, err := http.NewRequest(http.MethodPost, webhook.URL, bytes.NewReader(jsonText))
    if err != nil {
        return err
    }
    req.Header.Set("Content-Type", "application/json")

    resp, err := webhookClient.Do(req)
    if err != nil {
        return err
    }
    defer resp.Body.Close()

    if resp.StatusCode >= http.StatusMultipleChoices {
        return fmt.Errorf("webhook answered %s", resp.Status)
    }
    return nil
}
''')
cases_of(case, GH + 'owncast/owncast/pull/1505', 'core/webhooks/webhooks.go',
         G('webhooks', ['bytes', 'encoding/json', 'fmt', 'net/http', '', 'github.com/owncast/owncast/core/data',
                        'github.com/owncast/owncast/models', 'log github.com/sirupsen/logrus'])(OWNCAST), [
             (1, 'go-00-owncast-webhook-last-used-error-dropped',
              'an edit records a webhook\'s last use without checking the result, so a failed update of the '
              'webhook table leaves the admin page showing a stale last-used time with nothing in the log', 'edit'),
             (2, 'go-00-owncast-webhook-goroutine-without-recover',
              'an edit sends each webhook from a goroutine without a recover, so a panic while sending one event '
              'takes the whole streaming server down mid-broadcast', 'edit'),
             (0, 'go-ok-00-owncast-webhook-last-used-checked',
              'clean: the fix checks and logs the failed last-used update', 'fix'),
         ])


# ---------------------------------------------------------------- RES-03 / ERR-01: webhooks of a photo-frame kiosk for a personal photo library (immich-kiosk), new file
KIOSK = template('immich-kiosk-webhooks', r'''
// WebhookEvent names a moment in the kiosk's life that a user's webhook can listen for.
type WebhookEvent string

const (
    NewAsset      WebhookEvent = "asset.new"
    PreviousAsset WebhookEvent = "asset.previous"
)

type payload struct {
    Event        string `json:"event"`
    Timestamp    string `json:"timestamp"`
    DeviceID     string `json:"deviceID"`
    ClientName   string `json:"clientName"`
    AssetCount   int    `json:"assetCount"`
    KioskVersion string `json:"kioskVersion"`
}

var httpClient = &http.Client{Timeout: 10 * time.Second}

// Trigger posts the event to every webhook of the kiosk's configuration that listens for it.
func Trigger(ctx context.Context, requestData *common.RouteRequestData, kioskVersion string, event WebhookEvent, assetCount int) {
    if requestData == nil {
        log.Error("webhook: no request data")
        return
    }
    body := payload{
        Event:        string(event),
        Timestamp:    time.Now().Format(time.RFC3339),
        DeviceID:     requestData.DeviceID,
        ClientName:   requestData.ClientName,
        AssetCount:   assetCount,
        KioskVersion: kioskVersion,
    }
01|    jsonPayload, err := json.Marshal(body)
01|    if err != nil {
01|        log.Error("webhook marshal", "err", err)
01|        return
01|    }
2|    jsonPayload, _ := json.Marshal(body) //@ERR-01

    for _, userWebhook := range requestData.RequestConfig.Webhooks {
        if userWebhook.Event != string(event) {
            continue
        }
02|        if err := post(ctx, userWebhook.URL, jsonPayload); err != nil {
02|            log.Error("webhook post", "url", userWebhook.URL, "err", err)
02|        }
1|        req, err := http.NewRequestWithContext(ctx, http.MethodPost, userWebhook.URL, bytes.NewReader(jsonPayload))
1|        if err != nil {
1|            log.Error("webhook request", "url", userWebhook.URL, "err", err)
1|            continue
1|        }
1|        req.Header.Set("Content-Type", "application/json")
1|        resp, err := httpClient.Do(req)
1|        if err != nil {
1|            log.Error("webhook post", "url", userWebhook.URL, "err", err)
1|            continue
1|        }
1|        defer resp.Body.Close() //@RES-03
1|        if resp.StatusCode >= http.StatusMultipleChoices {
1|            log.Error("webhook status", "url", userWebhook.URL, "status", resp.Status)
1|        }
    }
}
02|
02|func post(ctx context.Context, url string, jsonPayload []byte) error {
02|    req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(jsonPayload))
02|    if err != nil {
02|        return err
02|    }
02|    req.Header.Set("Content-Type", "application/json")
02|    resp, err := httpClient.Do(req)
02|    if err != nil {
02|        return err
02|    }
02|    defer resp.Body.Close()
02|    if resp.StatusCode >= http.StatusMultipleChoices {
02|        return fmt.Errorf("webhook answered %s", resp.Status)
02|    }
02|    return nil
02|}
''')
cases_of(case, GH + 'damongolding/immich-kiosk/pull/187', 'webhooks/webhooks.go',
         GV('webhooks', {0: ['bytes', 'context', 'encoding/json', 'fmt', 'net/http', 'time', '',
                             'github.com/charmbracelet/log', 'github.com/damongolding/immich-kiosk/common'],
                         1: ['bytes', 'context', 'encoding/json', 'net/http', 'time', '',
                             'github.com/charmbracelet/log', 'github.com/damongolding/immich-kiosk/common'],
                         2: ['bytes', 'context', 'encoding/json', 'fmt', 'net/http', 'time', '',
                             'github.com/charmbracelet/log', 'github.com/damongolding/immich-kiosk/common']})(KIOSK), [
             (1, 'go-00-immich-kiosk-new-webhooks-defer-close-in-loop',
              'a new webhook sender defers each response\'s close inside the loop over the configured webhooks, so '
              'every body stays open until the last webhook of the event has answered', 'new'),
             (2, 'go-00-immich-kiosk-new-webhooks-marshal-error-dropped',
              'a new webhook sender drops the error of encoding the payload, so an event that cannot be encoded is '
              'posted as an empty body', 'new'),
             (0, 'go-ok-00-immich-kiosk-new-webhooks',
              'clean: a new webhook sender that checks the encoding and closes each response in its own call', 'new'),
         ])


# ---------------------------------------------------------------- TMO-02 / TX-01: SQL device store of a WhatsApp client library (whatsmeow)
WHATSMEOW = template('whatsmeow-sqlstore-keys', r'''
const (
    putIdentityQuery = `
        INSERT INTO whatsmeow_identity_keys (our_jid, their_id, identity) VALUES ($1, $2, $3)
        ON CONFLICT (our_jid, their_id) DO UPDATE SET identity=excluded.identity
    `
    putPreKeyQuery = `
        INSERT INTO whatsmeow_pre_keys (jid, key_id, key, uploaded) VALUES ($1, $2, $3, $4)
    `
)

// PutIdentity stores the identity key of one of a contact's devices.
func (s *SQLStore) PutIdentity(ctx context.Context, address string, key [32]byte) error {
01|    _, err := s.db.ExecContext(ctx, putIdentityQuery, s.JID, address, key[:])
2|    _, err := s.db.Exec(putIdentityQuery, s.JID, address, key[:]) //@TMO-02
    return err
}

// PutPreKeys stores a batch of freshly generated prekeys, all or none.
func (s *SQLStore) PutPreKeys(ctx context.Context, preKeys []*keys.PreKey, uploaded bool) (err error) {
    tx, err := s.db.BeginTx(ctx, nil)
    if err != nil { //@{1}TX-01
        return fmt.Errorf("failed to start prekey transaction: %w", err)
    }
02|    defer func() {
02|        if err == nil {
02|            return
02|        }
02|        if rbErr := tx.Rollback(); rbErr != nil {
02|            s.log.Warnf("Failed to roll back prekey transaction: %v", rbErr)
02|        }
02|    }()
    for _, key := range preKeys {
        if _, err = tx.ExecContext(ctx, putPreKeyQuery, s.JID, key.KeyID, key.Priv[:], uploaded); err != nil {
            return fmt.Errorf("failed to store prekey %d: %w", key.KeyID, err)
        }
    }
    if err = tx.Commit(); err != nil {
        return fmt.Errorf("failed to commit prekeys: %w", err)
    }
    return nil
}
''')
cases_of(case, GH + 'tulir/whatsmeow/issues/209', 'store/sqlstore/store.go',
         G('sqlstore', ['context', 'fmt', '', 'go.mau.fi/whatsmeow/util/keys'])(WHATSMEOW), [
             (1, 'go-00-whatsmeow-prekey-transaction-not-rolled-back',
              'an edit drops the rollback of the prekey transaction, so a failed insert leaves the transaction and '
              'its connection open and the SQLite store locked for the next message', 'edit'),
             (2, 'go-00-whatsmeow-identity-write-without-context',
              'an edit stores a contact\'s identity key without the caller\'s context, so a disconnect or timeout '
              'no longer stops a write stuck on a locked database', 'edit'),
             (0, 'go-ok-00-whatsmeow-prekey-transaction-rolled-back',
              'clean: the fix rolls the prekey transaction back on every failure', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / ERR-01: Prometheus metrics of a Matrix-WhatsApp bridge (mautrix-whatsapp)
MAUTRIX = template('mautrix-whatsapp-metrics', r'''
type MetricsHandler struct {
    db      *database.Database
    server  *http.Server
    log     log.Logger
    running bool

    loggedIn  prometheus.Gauge
    connected prometheus.Gauge

    loggedInState      map[types.JID]bool
    loggedInStateLock  sync.Mutex
    connectedState     map[types.JID]bool
    connectedStateLock sync.Mutex
}

// TrackLoginState is called from every user's event goroutine when its WhatsApp session logs in or out.
func (mh *MetricsHandler) TrackLoginState(jid types.JID, loggedIn bool) {
    if !mh.running {
        return
    }
02|    mh.loggedInStateLock.Lock()
02|    defer mh.loggedInStateLock.Unlock()
    currentVal, ok := mh.loggedInState[jid]
    if !ok || currentVal != loggedIn {
        mh.loggedInState[jid] = loggedIn //@{1}CONC-03
        if loggedIn {
            mh.loggedIn.Inc()
        } else if ok {
            mh.loggedIn.Dec()
        }
    }
}

// TrackConnectionState is called from every user's event goroutine when its websocket connects or drops.
func (mh *MetricsHandler) TrackConnectionState(jid types.JID, connected bool) {
    if !mh.running {
        return
    }
    mh.connectedStateLock.Lock()
    defer mh.connectedStateLock.Unlock()
    currentVal, ok := mh.connectedState[jid]
    if !ok || currentVal != connected {
        mh.connectedState[jid] = connected
        if connected {
            mh.connected.Inc()
        } else if ok {
            mh.connected.Dec()
        }
    }
}

func (mh *MetricsHandler) Start() {
    mh.running = true
01|    err := mh.server.ListenAndServe()
2|    mh.server.ListenAndServe() //@ERR-01
    mh.running = false
01|    if err != nil && !errors.Is(err, http.ErrServerClosed) {
01|        mh.log.Fatalln("Error in metrics listener:", err)
01|    }
}
''')
cases_of(case, GH + 'mautrix/whatsapp/pull/359', 'metrics.go',
         GV('main', {0: ['errors', 'net/http', 'sync', '', 'github.com/prometheus/client_golang/prometheus',
                         'go.mau.fi/whatsmeow/types', 'log maunium.net/go/maulogger/v2', '',
                         'maunium.net/go/mautrix-whatsapp/database'],
                     1: ['errors', 'net/http', 'sync', '', 'github.com/prometheus/client_golang/prometheus',
                         'go.mau.fi/whatsmeow/types', 'log maunium.net/go/maulogger/v2', '',
                         'maunium.net/go/mautrix-whatsapp/database'],
                     2: ['net/http', 'sync', '', 'github.com/prometheus/client_golang/prometheus',
                         'go.mau.fi/whatsmeow/types', 'log maunium.net/go/maulogger/v2', '',
                         'maunium.net/go/mautrix-whatsapp/database']})(MAUTRIX), [
             (1, 'go-00-mautrix-whatsapp-login-state-map-written-without-lock',
              'an edit updates the login-state map without its lock, so two users logging in at once crash the '
              'bridge with a concurrent map write', 'edit'),
             (2, 'go-00-mautrix-whatsapp-metrics-listener-error-dropped',
              'an edit starts the metrics listener without looking at its error, so a port already in use leaves '
              'the bridge running with no metrics and no word about it', 'edit'),
             (0, 'go-ok-00-mautrix-whatsapp-login-state-map-locked',
              'clean: the fix updates the login-state map under its lock', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / LOG-01: badge cache of a terminal chat reader for Twitch and YouTube (cli-stream-chat), renamed file
CLICHAT = template('cli-stream-chat-badge-cache', r'''
// Cache keeps the badges of every channel being read; the Twitch and the YouTube readers fill and read it from their
// own goroutines.
type Cache struct {
    mu     sync.RWMutex
    badges map[string]Badge
    source Source
}

func NewCache(source Source) *Cache {
    return &Cache{badges: make(map[string]Badge), source: source}
}

// Load fetches the badge set of one channel and stores each badge under its id.
func (c *Cache) Load(ctx context.Context, channel string) error {
    set, err := c.source.Badges(ctx, channel)
    if err != nil {
        return fmt.Errorf("load badges of %s: %w", channel, err)
    }
02|    c.mu.Lock()
02|    defer c.mu.Unlock()
    for _, b := range set {
        c.badges[b.ID] = b //@{1}CONC-03
    }
    return nil
}

// Decorate replaces the badge ids of an incoming chat message with their symbols; it runs for every message.
func (c *Cache) Decorate(msg *Message) {
    c.mu.RLock()
    defer c.mu.RUnlock()
    for i, id := range msg.BadgeIDs {
        b, ok := c.badges[id]
        if !ok {
2|            log.Printf("badge %s of message %s from %s is not cached", id, msg.ID, msg.Author) //@LOG-01
            continue
        }
        msg.Badges[i] = b.Symbol
    }
}
''')
cases_of(case, GH + 'blacktrub/cli-stream-chat/issues/14', 'internal/badge/cache.go',
         GV('badge', {0: ['context', 'fmt', 'sync'], 1: ['context', 'fmt', 'sync'],
                      2: ['context', 'fmt', 'log', 'sync']})(CLICHAT), [
             (1, 'go-00-cli-stream-chat-renamed-badge-cache-written-without-lock',
              'a PR renames the badge cache\'s file and stores a channel\'s badges without the cache lock, so the '
              'Twitch and YouTube readers loading at once crash the reader with concurrent map writes', 'rename'),
             (2, 'go-00-cli-stream-chat-renamed-badge-cache-logs-every-miss',
              'a PR renames the badge cache\'s file and logs every uncached badge of every chat message, so a busy '
              'channel writes a log line per message', 'rename'),
             (0, 'go-ok-00-cli-stream-chat-renamed-badge-cache',
              'clean: the rename alone; badges are stored under the cache lock', 'rename'),
         ], rename_from='internal/badge/badges.go')


# ---------------------------------------------------------------- CONC-03 / CONC-01: WhatsApp side of a chat bridge (matterbridge)
MATTERBRIDGE = template('matterbridge-whatsapp-handlers', r'''
// eventHandler is registered with the WhatsApp client, which calls it from its own goroutines.
func (b *Bwhatsapp) eventHandler(evt interface{}) {
    switch e := evt.(type) {
    case *events.Message:
01|        go b.safely("message", func() { b.handleMessage(e) })
2|        go b.handleMessage(e) //@CONC-01
    case *events.PushName:
02|        b.Lock()
        b.users[e.JID.String()] = types.ContactInfo{PushName: e.NewPushName} //@{1}CONC-03
02|        b.Unlock()
    case *events.Disconnected:
        b.Log.Warn("WhatsApp connection lost; the client reconnects on its own")
    }
}

// safely runs fn and logs a panic instead of letting it take the whole bridge down.
func (b *Bwhatsapp) safely(what string, fn func()) {
    defer func() {
        if r := recover(); r != nil {
            b.Log.Errorf("panic while handling a WhatsApp %s: %v\n%s", what, r, debug.Stack())
        }
    }()
    fn()
}

func (b *Bwhatsapp) getSenderName(jid types.JID) string {
    b.Lock()
    info, ok := b.users[jid.String()]
    b.Unlock()
    if ok && info.PushName != "" {
        return info.PushName
    }
    return jid.User
}
''')
cases_of(case, GH + 'matterbridge-org/matterbridge/issues/220', 'bridge/whatsappmulti/handlers.go',
         G('bwhatsapp', ['runtime/debug', '', 'go.mau.fi/whatsmeow/types', 'go.mau.fi/whatsmeow/types/events'])(MATTERBRIDGE), [
             (1, 'go-00-matterbridge-whatsapp-push-name-written-without-lock',
              'an edit records a contact\'s new push name without the bridge lock, so a burst of name updates while '
              'messages are relayed crashes the bridge with a concurrent map write', 'edit'),
             (2, 'go-00-matterbridge-whatsapp-message-goroutine-without-recover',
              'an edit hands each WhatsApp message to a bare goroutine, so one malformed message panics the whole '
              'bridge and every gateway it relays', 'edit'),
             (0, 'go-ok-00-matterbridge-whatsapp-push-name-locked',
              'clean: the fix records push names under the bridge lock', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-03 / RES-02: stream opening of a terminal radio player (di-tui)
DITUI = template('di-tui-stream', r'''
const streamTimeout = 30 * time.Second

// streamClient bounds connecting and the wait for the first byte, but not the stream itself: a channel plays for as
// long as the listener keeps it on.
var streamClient = &http.Client{
    Transport: &http.Transport{
        DialContext:           (&net.Dialer{Timeout: 10 * time.Second}).DialContext,
        TLSHandshakeTimeout:   10 * time.Second,
        ResponseHeaderTimeout: 15 * time.Second,
    },
}

// Stream opens the audio stream of a channel for the player; the caller closes it when the listener switches away.
func Stream(token string, channel ChannelItem) (io.ReadCloser, error) {
    url := fmt.Sprintf("%s/%s?listen_key=%s", streamBase, channel.Key, token)
02|    req, err := http.NewRequestWithContext(context.Background(), http.MethodGet, url, nil)
1|    ctx, _ := context.WithTimeout(context.Background(), streamTimeout) //@TMO-03
1|    req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
    if err != nil {
        return nil, err
    }
    req.Header.Set("User-Agent", userAgent)

    resp, err := streamClient.Do(req)
    if err != nil {
        return nil, fmt.Errorf("open stream %s: %w", channel.Key, err) //@{2}RES-02
    }
    if resp.StatusCode != http.StatusOK {
01|        resp.Body.Close()
        return nil, fmt.Errorf("stream %s answered %s", channel.Key, resp.Status)
    }
    return resp.Body, nil
}
''')
cases_of(case, GH + 'acaloiaro/di-tui/pull/36', 'difm/stream.go',
         G('difm', ['context', 'fmt', 'io', 'net', 'net/http', 'time'])(DITUI), [
             (1, 'go-00-di-tui-stream-timeout-cancel-discarded',
              'an edit opens the audio stream under a timeout context whose cancel function is thrown away, so the '
              'stream is cut after thirty seconds and the context is never released early', 'edit'),
             (2, 'go-00-di-tui-stream-error-response-not-closed',
              'an edit returns on an error status without closing the stream response, so each failed channel '
              'switch keeps a connection to the stream server open', 'edit'),
             (0, 'go-ok-00-di-tui-stream-without-deadline',
              'clean: the fix opens the stream on a background context with bounded connecting only', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / CONC-02: segment download of an HLS downloader (m3u8), new file
M3U8 = template('m3u8-segment-download', r'''
// Downloader fetches the segments of an HLS playlist into a folder, a few at a time, before they are merged.
type Downloader struct {
    client  *http.Client
    folder  string
    workers int
}

func NewDownloader(folder string, workers int) *Downloader {
    return &Downloader{client: &http.Client{Timeout: 60 * time.Second}, folder: folder, workers: workers}
}

// Start downloads every segment and reports the first failure after all downloads have ended.
func (d *Downloader) Start(segments []*Segment) error {
01|    limit := make(chan struct{}, d.workers)
    errs := make(chan error, len(segments))
    var wg sync.WaitGroup
    for i, seg := range segments {
01|        limit <- struct{}{}
        wg.Add(1)
        go func(i int, seg *Segment) { //@{2}CONC-02
            defer wg.Done()
01|            defer func() { <-limit }()
            defer func() {
                if r := recover(); r != nil {
                    errs <- fmt.Errorf("segment %d: panic: %v", i, r)
                }
            }()
            if err := d.download(i, seg); err != nil {
                errs <- err
            }
        }(i, seg)
    }
    wg.Wait()
    close(errs)
    return <-errs
}

func (d *Downloader) download(i int, seg *Segment) error {
    resp, err := d.client.Get(seg.URI) //@{1}RES-02
    if err != nil {
        return fmt.Errorf("segment %d: %w", i, err)
    }
02|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return fmt.Errorf("segment %d: %s answered %s", i, seg.URI, resp.Status)
    }
    out, err := os.Create(filepath.Join(d.folder, fmt.Sprintf("%d.ts", i)))
    if err != nil {
        return err
    }
    if _, err := io.Copy(out, resp.Body); err != nil {
        out.Close()
        return fmt.Errorf("segment %d: %w", i, err)
    }
    return out.Close()
}
''')
cases_of(case, GH + 'oopsguy/m3u8/pull/20', 'dl/downloader.go',
         G('dl', ['fmt', 'io', 'net/http', 'os', 'path/filepath', 'sync', 'time'])(M3U8), [
             (1, 'go-00-m3u8-new-downloader-segment-body-never-closed',
              'a new segment downloader never closes the segment responses, so a long playlist exhausts the '
              'connections and file descriptors of the download', 'new'),
             (2, 'go-00-m3u8-new-downloader-goroutine-per-segment',
              'a new segment downloader starts one goroutine per segment with no limit, so a playlist of thousands '
              'of segments opens thousands of connections to the media server at once', 'new'),
             (0, 'go-ok-00-m3u8-new-downloader',
              'clean: a new segment downloader with a bounded number of workers that closes every response', 'new'),
         ])


# ---------------------------------------------------------------- CONC-01 / TX-02: message saving of a messenger's Go back end (status-go, issue in status-legacy)
STATUS = template('status-messenger-save-messages', r'''
// SaveMessages stores a batch of received messages in one transaction.
func (db sqlitePersistence) SaveMessages(messages []*common.Message) (err error) {
    tx, err := db.db.BeginTx(context.Background(), &sql.TxOptions{})
    if err != nil {
        return err
    }
    defer func() {
        if err == nil {
02|            err = tx.Commit()
1|            tx.Commit() //@TX-02
            return
        }
        if rbErr := tx.Rollback(); rbErr != nil {
            db.logger.Warn("failed to roll back saving messages", zap.Error(rbErr))
        }
    }()

    for _, msg := range messages {
        if err = db.saveMessage(tx, msg); err != nil {
            return err
        }
    }
    return nil
}

// handleSavedMessages tells the UI about newly stored messages without holding up the receive loop.
func (m *Messenger) handleSavedMessages(messages []*common.Message) {
    if len(messages) == 0 {
        return
    }
01|    gocommon.SafeGo(func() {
01|        m.publishMessagesSaved(messages)
01|    })
2|    go m.publishMessagesSaved(messages) //@CONC-01
}
''')
cases_of(case, GH + 'status-im/status-legacy/issues/21126', 'protocol/messenger_messages_save.go',
         GV('protocol', {0: ['context', 'database/sql', '', 'go.uber.org/zap', '',
                             'gocommon github.com/status-im/status-go/common',
                             'github.com/status-im/status-go/protocol/common'],
                         1: ['context', 'database/sql', '', 'go.uber.org/zap', '',
                             'gocommon github.com/status-im/status-go/common',
                             'github.com/status-im/status-go/protocol/common'],
                         2: ['context', 'database/sql', '', 'go.uber.org/zap', '',
                             'github.com/status-im/status-go/protocol/common']})(STATUS), [
             (1, 'go-00-status-save-messages-commit-unchecked',
              'an edit commits the message batch without keeping the commit\'s error, so messages that failed to '
              'commit are reported to the UI as stored and vanish on the next start', 'edit'),
             (2, 'go-00-status-saved-messages-goroutine-without-recover',
              'an edit publishes saved messages from a bare goroutine, so a panic in one UI signal crashes the '
              'mobile app\'s whole back end', 'edit'),
             (0, 'go-ok-00-status-save-messages-commit-checked',
              'clean: the fix returns the commit\'s error from the deferred commit', 'fix'),
         ])
