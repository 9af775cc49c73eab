"""Round-69 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- CONC-03 / CONC-01: topics of a wallet-pairing websocket relay (derelay)
DERELAY = template('derelay-ws-server', r'''
// WsServer relays messages between the two sides of a pairing topic; a message published before the other side
// subscribed waits in pending until it does.
type WsServer struct {
    mu      sync.RWMutex
    topics  map[string]map[*client]struct{}
    pending map[string][]*message
    log     *log.Logger
}

// NewWsServer returns an empty relay that reports to logger.
func NewWsServer(logger *log.Logger) *WsServer {
    return &WsServer{
        topics:  make(map[string]map[*client]struct{}),
        pending: make(map[string][]*message),
        log:     logger,
    }
}

// NewClientConn registers a websocket connection and starts its writer and reader.
func (s *WsServer) NewClientConn(conn *websocket.Conn) *client {
    c := &client{conn: conn, server: s, send: make(chan *message, 64), topics: make(map[string]struct{})}
01|    go func() {
01|        defer s.recoverClient(c, "write")
01|        c.write()
01|    }()
2|    go c.write() //@CONC-01
    go func() {
        defer s.recoverClient(c, "read")
        c.read()
    }()
    return c
}

// recoverClient keeps a panic in one client's loop from taking every pairing of the relay down with it.
func (s *WsServer) recoverClient(c *client, loop string) {
    if r := recover(); r != nil {
        s.log.Printf("derelay: %s loop of %s panicked: %v", loop, c.conn.RemoteAddr(), r)
        c.close()
    }
}

// subscribe adds c to the subscribers of topic and hands it what was published before it came.
func (s *WsServer) subscribe(topic string, c *client) {
02|    s.mu.Lock()
02|    defer s.mu.Unlock()
    if s.topics[topic] == nil {
        s.topics[topic] = make(map[*client]struct{}) //@{1}CONC-03
    }
    s.topics[topic][c] = struct{}{}
    c.topics[topic] = struct{}{}
    for _, m := range s.pending[topic] {
        select {
        case c.send <- m:
        default:
            s.log.Printf("derelay: send buffer of %s full, dropping a pending message", c.conn.RemoteAddr())
        }
    }
    delete(s.pending, topic)
}

// publish hands m to every subscriber of its topic but the sender, or keeps it until someone subscribes.
func (s *WsServer) publish(m *message, from *client) {
    s.mu.Lock()
    defer s.mu.Unlock()
    delivered := 0
    for c := range s.topics[m.Topic] {
        if c == from {
            continue
        }
        select {
        case c.send <- m:
            delivered++
        default:
            s.log.Printf("derelay: dropping message for slow client %s", c.conn.RemoteAddr())
        }
    }
    if delivered == 0 {
        s.pending[m.Topic] = append(s.pending[m.Topic], m)
    }
}
''')
cases_of(case, GH + 'RabbyHub/derelay/pull/7', 'relay/wsserver.go',
         G('relay', ['log', 'sync', 'github.com/gorilla/websocket'])(DERELAY), [
             (1, 'go-00-derelay-subscribe-writes-topics-without-lock',
              'an edit drops the lock around a subscription, so a pairing that subscribes while another publishes '
              'writes the topic map under a concurrent read and crashes the relay', 'edit'),
             (2, 'go-00-derelay-writer-goroutine-without-recover',
              'an edit starts each client\'s writer goroutine bare, so one panicking write takes every pairing of '
              'the relay down', 'edit'),
             (0, 'go-ok-00-derelay-subscribe-under-lock',
              'clean: the fix takes the lock for the whole subscription', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-01: dialling an SMTP server (go-smtp)
GOSMTP = template('go-smtp-dial', r'''
// DialTimeout bounds the TCP connect of Dial and DialTLS; a server that drops packets fails fast instead of hanging.
var DialTimeout = 30 * time.Second

// Dial connects to the SMTP server at addr ("host:port") and reads its greeting.
func Dial(addr string) (c *Client, err error) {
02|    conn, err := net.DialTimeout("tcp", addr, DialTimeout)
1|    conn, err := net.Dial("tcp", addr) //@TMO-01
    if err != nil { //@{2}RES-01
        return nil, err
    }
01|    defer func() {
01|        if err != nil {
01|            conn.Close()
01|        }
01|    }()
    return NewClient(conn, hostOf(addr))
}

// DialTLS is like Dial but speaks TLS from the first byte (SMTPS, usually port 465).
func DialTLS(addr string, config *tls.Config) (*Client, error) {
    dialer := &net.Dialer{Timeout: DialTimeout}
    conn, err := tls.DialWithDialer(dialer, "tcp", addr, config)
    if err != nil {
        return nil, err
    }
    c, err := NewClient(conn, hostOf(addr))
    if err != nil {
        conn.Close()
        return nil, err
    }
    c.tls = true
    return c, nil
}

// hostOf is the host part of addr, the name the client presents in HELO and checks the certificate against.
func hostOf(addr string) string {
    host, _, err := net.SplitHostPort(addr)
    if err != nil {
        return addr
    }
    return host
}
''')
cases_of(case, GH + 'emersion/go-smtp/issues/155', 'client_dial.go',
         G('smtp', ['crypto/tls', 'net', 'time'])(GOSMTP), [
             (1, 'go-00-go-smtp-dial-without-timeout',
              'an edit dials the SMTP server with net.Dial, so a mistyped address or a server that drops packets '
              'hangs the sender for good', 'edit'),
             (2, 'go-00-go-smtp-dial-connection-kept-on-bad-greeting',
              'an edit stops closing the connection when the greeting fails, so every server that answers with '
              'garbage leaves a socket open', 'edit'),
             (0, 'go-ok-00-go-smtp-dial-with-timeout',
              'clean: the fix dials with the package\'s timeout', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / RES-02: push notifications of a notification service client (pusher-http-go)
PUSHER = template('pusher-notify', r'''
// Notify sends a push notification to the devices subscribed to the interests and returns the publish id.
func (c *Client) Notify(interests []string, n Notification) (*NotifyResponse, error) {
    if len(interests) == 0 || len(interests) > maxInterests {
        return nil, fmt.Errorf("pusher: notify needs between 1 and %d interests", maxInterests)
    }
    n.Interests = interests
    body, err := json.Marshal(n)
    if err != nil {
        return nil, fmt.Errorf("pusher: encoding notification: %w", err)
    }
    resp, err := c.httpClient().Post(c.notifyURL(), "application/json", bytes.NewReader(body))
    if err != nil { //@{2}RES-02
        return nil, err
    }
01|    defer resp.Body.Close()
02|    respBody, err := io.ReadAll(resp.Body)
02|    if err != nil {
02|        return nil, fmt.Errorf("pusher: reading notify response: %w", err)
02|    }
1|    respBody, _ := io.ReadAll(resp.Body) //@ERR-01
    if resp.StatusCode != http.StatusAccepted {
        return nil, fmt.Errorf("pusher: notify returned %s: %s", resp.Status, bytes.TrimSpace(respBody))
    }
    var out NotifyResponse
    if err := json.Unmarshal(respBody, &out); err != nil {
        return nil, fmt.Errorf("pusher: decoding notify response: %w", err)
    }
    return &out, nil
}

func (c *Client) notifyURL() string {
    return fmt.Sprintf("%s://%s/server_api/v1/apps/%s/notifications", c.scheme(), c.notificationHost(), c.AppID)
}
''')
cases_of(case, GH + 'pusher/pusher-http-go/pull/37', 'notify.go',
         G('pusher', ['bytes', 'encoding/json', 'fmt', 'io', 'net/http'])(PUSHER), [
             (1, 'go-00-pusher-notify-read-error-dropped',
              'an edit reads the notification service\'s answer and drops the read error, so a cut connection is '
              'reported as a JSON decoding failure of an empty body', 'edit'),
             (2, 'go-00-pusher-notify-response-body-open',
              'an edit stops closing the notify response body, so every push keeps its connection out of the '
              'client\'s pool', 'edit'),
             (0, 'go-ok-00-pusher-notify-read-error-checked',
              'clean: the fix checks the error of reading the answer', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / ERR-01: reminders of an IRC bot (bitbot)
BITBOT = template('bitbot-reminder', r'''
// reminderTrigger answers "!remind <duration> <text>" and posts the text back to the channel when it is due.
// Times in its answers are UTC, the one zone everybody in the channel can convert from.
var reminderTrigger = NamedTrigger{
    ID:   "reminder",
    Help: "!remind 45m check the oven -- reminds you in this channel once the duration has passed",
    Condition: func(irc *hbot.Bot, m *hbot.Message) bool {
        return m.Command == "PRIVMSG" && strings.HasPrefix(m.Content, "!remind ")
    },
    Action: func(irc *hbot.Bot, m *hbot.Message) bool {
        fields := strings.SplitN(strings.TrimPrefix(m.Content, "!remind "), " ", 2)
        if len(fields) < 2 {
            irc.Reply(m, "usage: !remind <duration> <text>")
            return false
        }
01|        d, err := time.ParseDuration(fields[0])
01|        if err != nil {
01|            irc.Reply(m, fmt.Sprintf("%q is not a duration like 45m or 2h30m", fields[0]))
01|            return false
01|        }
2|        d, _ := time.ParseDuration(fields[0]) //@ERR-01
02|        due := time.Now().UTC().Add(d)
1|        due := time.Now().Add(d) //@TIME-01
        reminders.add(reminder{Channel: m.To, Nick: m.Name, Text: fields[1], Due: due})
        irc.Reply(m, fmt.Sprintf("%s: I will remind you at %s", m.Name, due.Format("15:04 MST")))
        return false
    },
}

// sendDueReminders posts every reminder whose time has come; the bot calls it once a minute.
func sendDueReminders(irc *hbot.Bot) {
    now := time.Now().UTC()
    for _, r := range reminders.takeDue(now) {
        irc.Msg(r.Channel, fmt.Sprintf("%s: reminder: %s", r.Nick, r.Text))
    }
}
''')
cases_of(case, GH + 'bbriggs/bitbot/pull/184', 'bitbot/reminder.go',
         G('bitbot', ['fmt', 'strings', 'time', 'github.com/whyrusleeping/hellabot'])(BITBOT), [
             (1, 'go-00-bitbot-reminder-due-in-local-time',
              'an edit computes the due time in the server\'s local zone while the answer and the due check speak '
              'UTC, so reminders on a server outside UTC are announced and sent hours off', 'edit'),
             (2, 'go-00-bitbot-reminder-duration-error-dropped',
              'an edit parses the reminder\'s duration and drops the error, so "!remind soon" sets a reminder '
              'for right now instead of explaining the syntax', 'edit'),
             (0, 'go-ok-00-bitbot-reminder-due-in-utc',
              'clean: the fix computes the due time in UTC', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / ERR-01: GitHub webhook parsing, moved to its own file (go-playground/webhooks)
WEBHOOKS = template('webhooks-github-parse', r'''
// Parse verifies a GitHub webhook delivery and decodes it into the payload type of its event.
func (hook Webhook) Parse(r *http.Request, events ...Event) (interface{}, error) {
    defer func() {
        _, _ = io.Copy(io.Discard, r.Body)
        _ = r.Body.Close()
    }()
    if r.Method != http.MethodPost {
        return nil, ErrInvalidHTTPMethod
    }
    event := Event(r.Header.Get("X-GitHub-Event"))
    if event == "" {
        return nil, ErrMissingGithubEventHeader
    }
    if !wanted(event, events) {
        return nil, ErrEventNotFound
    }
02|    payload, err := io.ReadAll(r.Body)
02|    if err != nil || len(payload) == 0 {
1|    payload, _ := io.ReadAll(r.Body) //@ERR-01
1|    if len(payload) == 0 {
        return nil, ErrParsingPayload
    }
    if hook.secret != "" {
        signature := r.Header.Get("X-Hub-Signature-256")
        if signature == "" {
            return nil, ErrMissingHubSignatureHeader
        }
        mac := hmac.New(sha256.New, []byte(hook.secret))
        _, _ = mac.Write(payload)
        expected := "sha256=" + hex.EncodeToString(mac.Sum(nil))
        if !hmac.Equal([]byte(signature), []byte(expected)) {
            return nil, ErrHMACVerificationFailed
        }
    }
    switch event {
    case PushEvent:
        var pl PushPayload
01|        if err := json.Unmarshal(payload, &pl); err != nil {
01|            return nil, err
01|        }
2|        _ = json.Unmarshal(payload, &pl) //@ERR-01
        return pl, nil
    case PullRequestEvent:
        var pl PullRequestPayload
        if err := json.Unmarshal(payload, &pl); err != nil {
            return nil, err
        }
        return pl, nil
    case PingEvent:
        var pl PingPayload
        if err := json.Unmarshal(payload, &pl); err != nil {
            return nil, err
        }
        return pl, nil
    default:
        return nil, fmt.Errorf("unknown event %s", event)
    }
}
''')
WEBHOOKS_IMPORTS = ['crypto/hmac', 'crypto/sha256', 'encoding/hex', 'encoding/json', 'fmt', 'io', 'net/http']
cases_of(case, GH + 'go-playground/webhooks/issues/68', 'github/parse.go',
         G('github', WEBHOOKS_IMPORTS)(WEBHOOKS), [
             (1, 'go-00-webhooks-moved-parse-read-error-dropped',
              'a PR moves the GitHub payload parser into its own file and drops the error of reading the body, '
              'so a delivery cut short is verified and decoded as if it were whole', 'rename'),
             (2, 'go-00-webhooks-moved-parse-push-decode-error-dropped',
              'a PR moves the GitHub payload parser into its own file and discards the decoding error of push '
              'events, so a malformed push is handed on as an empty payload', 'rename'),
             (0, 'go-ok-00-webhooks-moved-parse',
              'clean: the move alone; the body\'s read error and every decoding error are returned', 'rename'),
         ], rename_from='github/github.go')


# ---------------------------------------------------------------- RES-04 / TMO-02: notifications forwarded from an agent to its manager (arcane)
ARCANE = template('arcane-manager-dispatcher', r'''
const dispatchTimeout = 15 * time.Second

// ManagerDispatcher forwards notifications raised on an agent to the manager, which owns the notification channels.
type ManagerDispatcher struct {
    baseURL string
    token   string
    client  *http.Client
}

// NewManagerDispatcher returns a dispatcher that posts to the manager at baseURL with the agent's token.
func NewManagerDispatcher(baseURL, token string) *ManagerDispatcher {
    return &ManagerDispatcher{
        baseURL: strings.TrimRight(baseURL, "/"),
        token:   token,
        client:  &http.Client{Timeout: dispatchTimeout},
    }
}

// Dispatch posts one notification to the manager and waits until the manager accepted it.
func (d *ManagerDispatcher) Dispatch(ctx context.Context, n Notification) error {
    body, err := json.Marshal(n)
    if err != nil {
        return fmt.Errorf("encode notification: %w", err)
    }
01|    req, err := http.NewRequestWithContext(ctx, http.MethodPost, d.baseURL+"/api/notifications/dispatch", bytes.NewReader(body))
2|    req, err := http.NewRequestWithContext(context.Background(), http.MethodPost, d.baseURL+"/api/notifications/dispatch", bytes.NewReader(body)) //@TMO-02
    if err != nil {
        return fmt.Errorf("build dispatch request: %w", err)
    }
    req.Header.Set("Content-Type", "application/json")
    req.Header.Set("X-API-Key", d.token)
02|    resp, err := d.client.Do(req)
1|    client := &http.Client{Timeout: dispatchTimeout} //@RES-04
1|    resp, err := client.Do(req)
    if err != nil {
        return fmt.Errorf("dispatch to manager: %w", err)
    }
    defer resp.Body.Close()
    if resp.StatusCode != http.StatusAccepted && resp.StatusCode != http.StatusOK {
        msg, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
        return fmt.Errorf("manager refused notification: %s: %s", resp.Status, bytes.TrimSpace(msg))
    }
    return nil
}
''')
cases_of(case, GH + 'getarcaneapp/arcane/pull/2046', 'backend/internal/services/manager_dispatcher.go',
         G('services', ['bytes', 'context', 'encoding/json', 'fmt', 'io', 'net/http', 'strings', 'time'])(ARCANE), [
             (1, 'go-00-arcane-new-dispatcher-client-per-call',
              'a new dispatcher builds an http.Client for every notification instead of using its own, so each '
              'dispatch opens a new connection to the manager and never reuses it', 'new'),
             (2, 'go-00-arcane-new-dispatcher-on-background-context',
              'a new dispatcher posts on a background context, so a caller that gave up or is shutting down '
              'still waits out the whole dispatch', 'new'),
             (0, 'go-ok-00-arcane-new-dispatcher',
              'clean: a new dispatcher that shares one client and posts on the caller\'s context', 'new'),
         ])


# ---------------------------------------------------------------- RES-02 / RES-03: page and image downloads of an Instagram crawler (instacrawler)
INSTACRAWLER = template('instacrawler-fetch', r'''
// fetchPosts downloads every post page and hands its HTML to parse; failed pages are reported, not retried.
func (c *Crawler) fetchPosts(urls []string, parse func(url string, html []byte) error) (failed []string) {
    for _, u := range urls {
        if err := c.fetchPost(u, parse); err != nil {
            log.Printf("instacrawler: %s: %v", u, err)
            failed = append(failed, u)
        }
    }
    return failed
}

func (c *Crawler) fetchPost(u string, parse func(url string, html []byte) error) error {
    req, err := http.NewRequest(http.MethodGet, u, nil)
    if err != nil {
        return err
    }
    req.Header.Set("User-Agent", c.userAgent)
    resp, err := c.client.Do(req)
    if err != nil { //@{1}RES-02
        return err
    }
02|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return fmt.Errorf("status %s", resp.Status)
    }
    html, err := io.ReadAll(io.LimitReader(resp.Body, maxPageBytes))
    if err != nil {
        return err
    }
    return parse(u, html)
}

// saveImages stores the images of one post under dir, numbered in the order the post shows them.
func (c *Crawler) saveImages(dir string, images []string) error {
    for i, src := range images {
        resp, err := c.client.Get(src)
        if err != nil {
            return err
        }
2|        defer resp.Body.Close() //@RES-03
        out, err := os.Create(filepath.Join(dir, fmt.Sprintf("%02d.jpg", i+1)))
        if err != nil {
01|            resp.Body.Close()
            return err
        }
        _, err = io.Copy(out, resp.Body)
01|        resp.Body.Close()
        if cerr := out.Close(); err == nil {
            err = cerr
        }
        if err != nil {
            return err
        }
    }
    return nil
}
''')
cases_of(case, GH + 'maengsanha/instacrawler/issues/6', 'crawler/fetch.go',
         G('crawler', ['fmt', 'io', 'log', 'net/http', 'os', 'path/filepath'])(INSTACRAWLER), [
             (1, 'go-00-instacrawler-post-body-never-closed',
              'an edit reads each post page without closing its response body, so a long crawl runs out of '
              'sockets ("too many open files")', 'edit'),
             (2, 'go-00-instacrawler-image-close-deferred-in-loop',
              'an edit defers the close of every image download inside the loop, so a post with many images '
              'keeps all their connections open until the last one is saved', 'edit'),
             (0, 'go-ok-00-instacrawler-post-body-closed',
              'clean: the fix closes each post page\'s body by defer', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / TX-02: sync tokens of a Matrix bot (go-neb)
GONEB = template('go-neb-next-batch', r'''
// UpdateNextBatch stores the sync token of a bot user together with the time it was stored, in one transaction.
func (d *ServiceDB) UpdateNextBatch(userID, nextBatch string) error {
    tx, err := d.db.Begin()
    if err != nil { //@{1}TX-01
        return err
    }
02|    defer tx.Rollback()
    res, err := tx.Exec(`UPDATE matrix_clients SET next_batch = $1, time_updated_ms = $2 WHERE user_id = $3`,
        nextBatch, nowMillis(), userID)
    if err != nil {
        return err
    }
    if n, err := res.RowsAffected(); err != nil {
        return err
    } else if n == 0 {
        return fmt.Errorf("no matrix client for %s", userID)
    }
    if _, err := tx.Exec(`INSERT INTO sync_log (user_id, next_batch, time_added_ms) VALUES ($1, $2, $3)`,
        userID, nextBatch, nowMillis()); err != nil {
        return err
    }
01|    return tx.Commit()
2|    tx.Commit() //@TX-02
2|    return nil
}

// LoadNextBatch returns the stored sync token of a bot user, or "" when it has none yet.
func (d *ServiceDB) LoadNextBatch(userID string) (string, error) {
    var nextBatch sql.NullString
    err := d.db.QueryRow(`SELECT next_batch FROM matrix_clients WHERE user_id = $1`, userID).Scan(&nextBatch)
    if err == sql.ErrNoRows {
        return "", nil
    }
    if err != nil {
        return "", err
    }
    return nextBatch.String, nil
}

func nowMillis() int64 {
    return time.Now().UnixNano() / int64(time.Millisecond)
}
''')
cases_of(case, GH + 'matrix-org/go-neb/issues/63', 'database/schema_sync.go',
         G('database', ['database/sql', 'fmt', 'time'])(GONEB), [
             (1, 'go-00-go-neb-next-batch-tx-left-open',
              'an edit drops the deferred rollback of the sync-token transaction, so a failed update leaves it '
              'open and every later write of the bot fails with "database is locked"', 'edit'),
             (2, 'go-00-go-neb-next-batch-commit-unchecked',
              'an edit ignores the error of committing the sync token, so a token that was never stored is '
              'reported as saved and the bot replays old events after a restart', 'edit'),
             (0, 'go-ok-00-go-neb-next-batch-rolled-back',
              'clean: the fix rolls the transaction back on every early return', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-01 / TMO-03: rejections of a reverse proxy's rate limiter (caddy-ratelimit)
CADDYRL = template('caddy-ratelimit-handler', r'''
// ServeHTTP lets the request through when every zone has room for it, and answers 429 otherwise.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request, next caddyhttp.Handler) error {
    repl := r.Context().Value(caddy.ReplacerCtxKey).(*caddy.Replacer)
    for name, zone := range h.Zones {
        if !zone.matches(r) {
            continue
        }
        key := repl.ReplaceAll(zone.Key, "")
        limiter := zone.limiterFor(key)
        if wait := limiter.reserve(h.now()); wait > 0 {
02|            if h.logLimiter.Allow() {
02|                h.logger.Info("rate limit exceeded", zap.String("zone", name), zap.String("key", key),
02|                    zap.Duration("wait", wait), zap.Int64("rejected_since_last", h.rejected.Swap(0)+1))
02|            } else {
02|                h.rejected.Add(1)
02|            }
1|            h.logger.Info("rate limit exceeded", zap.String("zone", name), zap.String("key", key), //@LOG-01
1|                zap.Duration("wait", wait))
            w.Header().Set("Retry-After", strconv.Itoa(int(wait.Seconds())+1))
            return caddyhttp.Error(http.StatusTooManyRequests, nil)
        }
    }
    return next.ServeHTTP(w, r)
}

// syncDistributed writes this instance's counts to the shared storage and reads the other instances' counts.
func (h *Handler) syncDistributed(ctx context.Context) {
01|    ctx, cancel := context.WithTimeout(ctx, h.Distributed.WriteInterval)
01|    defer cancel()
2|    ctx, _ = context.WithTimeout(ctx, h.Distributed.WriteInterval) //@TMO-03
    if err := h.storeOwnState(ctx); err != nil {
        h.logger.Error("storing rate limit state", zap.Error(err))
        return
    }
    others, err := h.loadOtherStates(ctx)
    if err != nil {
        h.logger.Error("loading rate limit states of other instances", zap.Error(err))
        return
    }
    h.mergeStates(others)
}
''')
cases_of(case, GH + 'mholt/caddy-ratelimit/issues/103', 'handler.go',
         G('caddyrl', ['context', 'net/http', 'strconv', 'github.com/caddyserver/caddy/v2',
                       'github.com/caddyserver/caddy/v2/modules/caddyhttp', 'go.uber.org/zap'])(CADDYRL), [
             (1, 'go-00-caddy-ratelimit-every-rejection-logged',
              'an edit logs every rejected request at info level, so a scraper hammering the site writes a log '
              'line per request and floods the disk', 'edit'),
             (2, 'go-00-caddy-ratelimit-sync-timeout-never-cancelled',
              'an edit bounds the distributed state sync with a timeout context and drops its cancel, so every '
              'sync leaves a timer alive until the interval passes', 'edit'),
             (0, 'go-ok-00-caddy-ratelimit-rejections-sampled',
              'clean: the fix logs rejections through a limiter and counts the ones it skips', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / CONC-01: daily reminder notifications of a contact manager (bonds)
BONDS = template('bonds-reminder-scheduler', r'''
// ReminderScheduler sends the daily reminder digest of every notification channel at the channel's preferred
// local time, in the time zone of the channel's owner.
type ReminderScheduler struct {
    store    ChannelStore
    sender   Sender
    interval time.Duration
    logger   *slog.Logger
}

// NewReminderScheduler returns a scheduler that looks for due channels every interval.
func NewReminderScheduler(store ChannelStore, sender Sender, interval time.Duration, logger *slog.Logger) *ReminderScheduler {
    return &ReminderScheduler{store: store, sender: sender, interval: interval, logger: logger}
}

// Start runs the scheduler until ctx is done.
func (s *ReminderScheduler) Start(ctx context.Context) {
01|    go func() {
01|        defer func() {
01|            if r := recover(); r != nil {
01|                s.logger.Error("reminder scheduler panicked", "panic", r, "stack", string(debug.Stack()))
01|            }
01|        }()
01|        s.loop(ctx)
01|    }()
2|    go s.loop(ctx) //@CONC-01
}

func (s *ReminderScheduler) loop(ctx context.Context) {
    ticker := time.NewTicker(s.interval)
    defer ticker.Stop()
    for {
        select {
        case <-ctx.Done():
            return
        case now := <-ticker.C:
            s.sendDue(ctx, now)
        }
    }
}

func (s *ReminderScheduler) sendDue(ctx context.Context, now time.Time) {
    channels, err := s.store.EnabledChannels(ctx)
    if err != nil {
        s.logger.Error("listing notification channels", "err", err)
        return
    }
    for _, ch := range channels {
        next, err := nextSend(ch.LastSent, ch.PreferredTime, ch.Owner.Location())
        if err != nil {
            s.logger.Warn("bad preferred send time", "channel", ch.ID, "time", ch.PreferredTime, "err", err)
            continue
        }
        if next.After(now) {
            continue
        }
        if err := s.sender.SendDigest(ctx, ch); err != nil {
            s.logger.Error("sending reminder digest", "channel", ch.ID, "err", err)
            continue
        }
        if err := s.store.MarkSent(ctx, ch.ID, now.UTC()); err != nil {
            s.logger.Error("recording reminder digest", "channel", ch.ID, "err", err)
        }
    }
}

// nextSend is the first moment after last at the preferred "HH:MM" wall-clock time of loc.
func nextSend(last time.Time, preferred string, loc *time.Location) (time.Time, error) {
    hm, err := time.Parse("15:04", preferred)
    if err != nil {
        return time.Time{}, err
    }
02|    day := last.In(loc)
02|    next := time.Date(day.Year(), day.Month(), day.Day(), hm.Hour(), hm.Minute(), 0, 0, loc)
1|    day := last
1|    next := time.Date(day.Year(), day.Month(), day.Day(), hm.Hour(), hm.Minute(), 0, 0, time.Local) //@TIME-01
    if !next.After(last) {
        next = next.AddDate(0, 0, 1)
    }
    return next, nil
}
''')
cases_of(case, GH + 'naiba/bonds/issues/256', 'internal/notify/reminder_scheduler.go',
         GV('notify', {0: ['context', 'log/slog', 'runtime/debug', 'time'],
                       1: ['context', 'log/slog', 'runtime/debug', 'time'],
                       2: ['context', 'log/slog', 'time']})(BONDS), [
             (1, 'go-00-bonds-new-scheduler-send-time-in-server-zone',
              'a new reminder scheduler reads the preferred send time in the server\'s zone instead of the '
              'owner\'s, so a digest set for 09:00 in Sydney arrives at 19:00', 'new'),
             (2, 'go-00-bonds-new-scheduler-goroutine-without-recover',
              'a new reminder scheduler runs its loop in a bare goroutine, so one panicking channel kills the '
              'whole server instead of one round of digests', 'new'),
             (0, 'go-ok-00-bonds-new-scheduler',
              'clean: a new scheduler that sends at the owner\'s local time from a goroutine that recovers', 'new'),
         ])
