"""Round-56 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- CONC-01 / ERR-01: update dispatch of a Transmission Telegram bot (transmission-telegram)
TGBOT = template('transmission-telegram-dispatch', r'''
// send posts text to a chat, as Markdown when markdown is set, and logs what Telegram refused.
func send(text string, chatID int64, markdown bool) int {
    msg := tgbotapi.NewMessage(chatID, text)
    msg.DisableWebPagePreview = true
    if markdown {
        msg.ParseMode = tgbotapi.ModeMarkdown
    }
01|    resp, err := Bot.Send(msg)
01|    if err != nil {
01|        log.Printf("[ERROR] send to chat %d: %s", chatID, err)
01|        return 0
01|    }
01|    return resp.MessageID
2|    resp, _ := Bot.Send(msg) //@ERR-01
2|    return resp.MessageID
}

// safeGo runs a command handler on its own goroutine and reports a panic to the chat instead of ending the bot.
func safeGo(ud tgbotapi.Update, handler func()) {
    go func() {
        defer func() {
            if r := recover(); r != nil {
                log.Printf("[ERROR] handler panicked: %v\n%s", r, debug.Stack())
                send("internal error, see the bot's log", ud.Message.Chat.ID, false)
            }
        }()
        handler()
    }()
}

// dispatch reads the updates and hands every command of a master to its handler.
func dispatch(updates tgbotapi.UpdatesChannel) {
    for update := range updates {
        ud := update
        if ud.Message == nil || !isMaster(ud.Message.From.UserName) {
            continue
        }
        if ud.Message.Document != nil {
02|            safeGo(ud, func() { receiveTorrent(ud) })
1|            go receiveTorrent(ud) //@CONC-01
            continue
        }
        tokens := strings.Fields(ud.Message.Text)
        if len(tokens) == 0 {
            continue
        }
        command, args := strings.ToLower(tokens[0]), tokens[1:]
        switch command {
        case "list", "/list", "li", "/li":
            safeGo(ud, func() { list(ud, args) })
        case "add", "/add", "ad", "/ad":
            safeGo(ud, func() { add(ud, args) })
        case "stop", "/stop", "sp", "/sp":
            safeGo(ud, func() { stop(ud, args) })
        default:
            send("no such command, try /help", ud.Message.Chat.ID, false)
        }
    }
}

// receiveTorrent adds the torrent file a master sent to the bot.
func receiveTorrent(ud tgbotapi.Update) {
    file, err := Bot.GetFile(tgbotapi.FileConfig{FileID: ud.Message.Document.FileID})
    if err != nil {
        send("receiver: "+err.Error(), ud.Message.Chat.ID, false)
        return
    }
    add(ud, []string{file.Link(BotToken)})
}
''')
cases_of(case, GH + 'pyed/transmission-telegram/issues/3', 'transmission-telegram.go',
         G('main', ['log', 'runtime/debug', 'strings', '', 'gopkg.in/telegram-bot-api.v4'])(TGBOT), [
             (1, 'go-00-transmission-telegram-torrent-goroutine-without-recover',
              'an edit starts the handler of a received torrent file on a bare goroutine, so one panicking '
              'update (a document in a group the bot was added to) ends the bot', 'edit'),
             (2, 'go-00-transmission-telegram-send-error-dropped',
              'an edit drops the error of every message the bot sends, so a chat Telegram refuses gets no '
              'answer and the log says nothing', 'edit'),
             (0, 'go-ok-00-transmission-telegram-torrent-handler-recovered',
              'clean: the fix runs the torrent handler through the recovering helper like every other command',
              'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / TX-02: asset upsert of a graph knowledge base on MariaDB (go-graphkb)
GRAPHKB = template('go-graphkb-mariadb-insert', r'''
// InsertAssets upserts a batch of assets and links them to the source that observed them, in one transaction.
func (m *MariaDB) InsertAssets(ctx context.Context, source string, assets []Asset) error {
    tx, err := m.db.BeginTx(ctx, nil)
    if err != nil { //@{1}TX-01
        return fmt.Errorf("begin asset insert: %w", err)
    }
02|    committed := false
02|    defer func() {
02|        if !committed {
02|            m.rollback(tx)
02|        }
02|    }()

    sourceID, err := m.sourceID(ctx, tx, source)
    if err != nil {
        return fmt.Errorf("resolve source %q: %w", source, err)
    }
    stmt, err := tx.PrepareContext(ctx, insertAssetQuery)
    if err != nil {
        return fmt.Errorf("prepare asset insert: %w", err)
    }
    defer stmt.Close()

    for _, a := range assets {
        if _, err := stmt.ExecContext(ctx, a.Type, a.Key, sourceID, a.Hash()); err != nil {
            return fmt.Errorf("insert asset %s/%s: %w", a.Type, a.Key, err)
        }
    }
01|    if err := tx.Commit(); err != nil {
01|        return fmt.Errorf("commit asset insert: %w", err)
01|    }
2|    tx.Commit() //@TX-02
02|    committed = true
    m.metrics.AssetsInserted.Add(float64(len(assets)))
    return nil
}

// rollback ends a failed transaction and logs a rollback that failed too.
func (m *MariaDB) rollback(tx *sql.Tx) {
    if err := tx.Rollback(); err != nil && !errors.Is(err, sql.ErrTxDone) {
        m.logger.Errorf("rollback asset insert: %v", err)
    }
}
''')
cases_of(case, GH + 'clems4ever/go-graphkb/pull/18', 'internal/knowledge/mariadb.go',
         G('knowledge', ['context', 'database/sql', 'errors', 'fmt'])(GRAPHKB), [
             (1, 'go-00-graphkb-asset-insert-not-rolled-back',
              'an edit drops the deferred rollback of the asset insert, so a failed batch leaves its transaction '
              'open and the MariaDB rows it wrote locked', 'edit'),
             (2, 'go-00-graphkb-asset-insert-commit-unchecked',
              'an edit ignores the error of the commit, so a batch MariaDB refused to commit is reported as '
              'inserted', 'edit'),
             (0, 'go-ok-00-graphkb-asset-insert-rolled-back',
              'clean: the fix rolls every unfinished transaction back in a deferred function', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / LOG-01: token-transfer transform of a ledger ETL (stellar-etl)
STELLARETL = template('stellar-etl-token-transfer', r'''
// TransformTokenTransfer turns the token transfer events of one ledger into the rows of the token_transfers table.
func TransformTokenTransfer(events []TokenTransferEvent, ledger LedgerMeta) ([]TokenTransferOutput, error) {
    rows := make([]TokenTransferOutput, 0, len(events))
    closedAt := time.Unix(ledger.CloseTime, 0).UTC()
    for _, ev := range events {
02|        amount, err := strconv.ParseFloat(ev.Amount, 64)
02|        if err != nil {
02|            return nil, fmt.Errorf("ledger %d event %s: amount %q: %w", ledger.Sequence, ev.ID, ev.Amount, err)
02|        }
1|        amount, _ := strconv.ParseFloat(ev.Amount, 64) //@ERR-01
        asset, err := assetString(ev.Asset)
        if err != nil {
            return nil, fmt.Errorf("ledger %d event %s: asset: %w", ledger.Sequence, ev.ID, err)
        }
2|        log.Printf("transform: ledger=%d event=%s type=%s asset=%s amount=%f", ledger.Sequence, ev.ID, ev.Type, asset, amount) //@LOG-01
        rows = append(rows, TokenTransferOutput{
            LedgerSequence: ledger.Sequence,
            TransactionHash: ev.TxHash,
            EventType:      ev.Type,
            From:           ev.From,
            To:             ev.To,
            Asset:          asset,
            Amount:         amount,
            ClosedAt:       closedAt,
        })
    }
    return rows, nil
}
''')
STELLAR_IMPORTS = {0: ['fmt', 'strconv', 'time'], 1: ['fmt', 'strconv', 'time'], 2: ['fmt', 'log', 'strconv', 'time']}
cases_of(case, GH + 'stellar/stellar-etl/issues/437', 'internal/transform/token_transfer.go',
         GV('transform', STELLAR_IMPORTS)(STELLARETL), [
             (1, 'go-00-stellar-etl-amount-parse-error-dropped',
              'an edit discards the error of parsing each transfer amount, so a malformed amount is exported as '
              'a zero transfer', 'edit'),
             (2, 'go-00-stellar-etl-every-transfer-logged',
              'an edit logs every transfer event of every ledger the job exports, one line per row', 'edit'),
             (0, 'go-ok-00-stellar-etl-amount-parse-error-returned',
              'clean: the fix returns the parse error with the ledger and event it belongs to', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / TMO-01: JSON fetch of a terminal JSON viewer (tson)
TSON = template('tson-fetch-json', r'''
// httpClient fetches the documents tson is asked to show with -url.
var httpClient = &http.Client{Timeout: 30 * time.Second}

// fetchJSON downloads url and decodes it into the generic tree the viewer draws.
func fetchJSON(url string) (interface{}, error) {
    req, err := http.NewRequest(http.MethodGet, url, nil)
    if err != nil {
        return nil, fmt.Errorf("cannot build request for %s: %w", url, err)
    }
    req.Header.Set("Accept", "application/json")
    req.Header.Set("User-Agent", "tson/"+version)

01|    resp, err := httpClient.Do(req)
2|    resp, err := http.DefaultClient.Do(req) //@TMO-01
    if err != nil { //@{1}RES-02
        return nil, fmt.Errorf("cannot get %s: %w", url, err)
    }
02|    defer resp.Body.Close()

    if resp.StatusCode != http.StatusOK {
        return nil, fmt.Errorf("cannot get %s: %s", url, resp.Status)
    }
    var tree interface{}
    if err := json.NewDecoder(resp.Body).Decode(&tree); err != nil {
        return nil, fmt.Errorf("%s is not JSON: %w", url, err)
    }
    return tree, nil
}
''')
cases_of(case, GH + 'skanehira/tson/pull/10', 'request.go',
         G('main', ['encoding/json', 'fmt', 'net/http', 'time'])(TSON), [
             (1, 'go-00-tson-fetched-body-never-closed',
              'an edit drops the close of the fetched document\'s body, so every -url load keeps its connection',
              'edit'),
             (2, 'go-00-tson-fetch-on-default-client',
              'an edit fetches the document with http.DefaultClient, which has no timeout, so a server that '
              'never answers freezes the viewer', 'edit'),
             (0, 'go-ok-00-tson-fetched-body-closed',
              'clean: the fix closes the body in a defer right after the error check', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / TMO-03: folder handler of a bookmark manager API (Cloud-Bookmark-Manager-API)
BOOKMARK = template('bookmark-api-create-folder', r'''
// CreateFolder creates a folder for the signed-in user under the parent folder named in the body.
func (h *BaseHandler) CreateFolder(w http.ResponseWriter, r *http.Request) {
    var req createFolderRequest
    if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
        util.RespondWithError(w, http.StatusBadRequest, "invalid request body")
        return
    }
    if err := req.Validate(); err != nil {
        util.RespondWithError(w, http.StatusBadRequest, err.Error())
        return
    }
    payload := r.Context().Value("payload").(*auth.PayLoad)

0|    ctx, cancel := context.WithTimeout(r.Context(), queryTimeout)
0|    defer cancel()
1|    ctx := context.Background() //@TMO-02
2|    ctx, _ := context.WithTimeout(r.Context(), queryTimeout) //@TMO-03
    q := sqlc.New(h.db)
    folder, err := q.CreateFolder(ctx, sqlc.CreateFolderParams{
        FolderID:       util.RandomString(32),
        AccountID:      payload.AccountID,
        FolderName:     req.FolderName,
        ParentFolderID: req.ParentFolderID,
    })
    if err != nil {
        util.RespondWithError(w, http.StatusInternalServerError, "could not create folder")
        return
    }
    util.JsonResponse(w, folder)
}
''')
BOOKMARK_BASE = ['context', 'encoding/json', 'net/http', '',
                 'github.com/kwandapchumba/go-bookmark-manager/auth',
                 'github.com/kwandapchumba/go-bookmark-manager/db/sqlc',
                 'github.com/kwandapchumba/go-bookmark-manager/util']
cases_of(case, GH + 'haron1996/Cloud-Bookmark-Manager-API/pull/1', 'api/folder.go',
         G('api', BOOKMARK_BASE)(BOOKMARK), [
             (1, 'go-00-bookmark-api-folder-insert-on-background-context',
              'an edit runs the folder insert on context.Background, so a client that hangs up leaves its query '
              'running with no deadline', 'edit'),
             (2, 'go-00-bookmark-api-folder-timeout-never-cancelled',
              'an edit bounds the folder insert with a timeout derived from the request and drops its cancel, so '
              'every request leaves a timer behind until the deadline passes', 'edit'),
             (0, 'go-ok-00-bookmark-api-folder-insert-bounded',
              'clean: the fix derives the query context from the request with a timeout and cancels it', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / ERR-01: in-memory sessions of a small web framework (golf)
GOLF = template('golf-memory-sessions', r'''
// MemorySessionManager keeps the sessions of one application in memory.
type MemorySessionManager struct {
    lock     sync.RWMutex
    sessions map[string]*MemorySession
}

// NewMemorySessionManager returns an empty session store.
func NewMemorySessionManager() *MemorySessionManager {
    return &MemorySessionManager{sessions: make(map[string]*MemorySession)}
}

// sessionID returns a fresh random session id.
func (mgr *MemorySessionManager) sessionID() (string, error) {
    b := make([]byte, 24)
01|    if _, err := io.ReadFull(rand.Reader, b); err != nil {
01|        return "", fmt.Errorf("golf: session id: %w", err)
01|    }
2|    io.ReadFull(rand.Reader, b) //@ERR-01
    return base64.URLEncoding.EncodeToString(b), nil
}

// Session returns the session of sid, if it is still alive.
func (mgr *MemorySessionManager) Session(sid string) (Session, error) {
    mgr.lock.RLock()
    defer mgr.lock.RUnlock()
    if s, ok := mgr.sessions[sid]; ok {
        return s, nil
    }
    return nil, ErrSessionNotFound
}

// NewSession creates a session, stores it and returns it; every request without a session cookie calls it.
func (mgr *MemorySessionManager) NewSession() (Session, error) {
    sid, err := mgr.sessionID()
    if err != nil {
        return nil, err
    }
    s := &MemorySession{sid: sid, data: make(map[string]interface{})}
    s.touch()
02|    mgr.lock.Lock()
    mgr.sessions[sid] = s //@{1}CONC-03
02|    mgr.lock.Unlock()
    return s, nil
}

// GarbageCollection drops the sessions idle for longer than the expiry.
func (mgr *MemorySessionManager) GarbageCollection() {
    mgr.lock.Lock()
    defer mgr.lock.Unlock()
    for sid, s := range mgr.sessions {
        if s.expired() {
            delete(mgr.sessions, sid)
        }
    }
}
''')
cases_of(case, GH + 'dinever/golf/issues/14', 'session.go',
         G('golf', ['crypto/rand', 'encoding/base64', 'fmt', 'io', 'sync'])(GOLF), [
             (1, 'go-00-golf-session-stored-without-lock',
              'an edit stores each new session without the manager\'s lock, so concurrent first requests write '
              'the session map at once and the server dies with concurrent map writes', 'edit'),
             (2, 'go-00-golf-session-id-read-error-ignored',
              'an edit ignores the error of reading the random session id, so a failed read hands out a session '
              'id of zero bytes', 'edit'),
             (0, 'go-ok-00-golf-session-stored-under-lock',
              'clean: the fix takes the write lock around the map write', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-02: feed fetcher of an RSS aggregator service (thoughtbot rss)
RSSFEEDS = template('thoughtbot-rss-new-fetcher', r'''
// feedTimeout bounds the fetch of one source feed: a host under attack must not hold our own answer.
const feedTimeout = 5 * time.Second

// feedClient fetches every source feed.
02|var feedClient = &http.Client{Timeout: feedTimeout}
1|var feedClient = &http.Client{} //@TMO-01

// sourceFeed is one podcast or blog feed merged into the combined feed.
type sourceFeed struct {
    name string
    uri  string
}

// fetchFeed downloads and parses one source feed.
func fetchFeed(feed sourceFeed) (*gofeed.Feed, error) {
    resp, err := feedClient.Get(feed.uri) //@{2}RES-02
    if err != nil {
        return nil, fmt.Errorf("fetch %s: %w", feed.name, err)
    }
01|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return nil, fmt.Errorf("fetch %s: %s", feed.name, resp.Status)
    }
    parsed, err := gofeed.NewParser().Parse(resp.Body)
    if err != nil {
        return nil, fmt.Errorf("parse %s: %w", feed.name, err)
    }
    return parsed, nil
}

// mergeFeeds fetches the sources one after the other and returns their items, newest first, with the sources that
// failed.
func mergeFeeds(sources []sourceFeed) ([]*gofeed.Item, []string) {
    var items []*gofeed.Item
    var failed []string
    for _, src := range sources {
        parsed, err := fetchFeed(src)
        if err != nil {
            failed = append(failed, err.Error())
            continue
        }
        items = append(items, parsed.Items...)
    }
    sort.SliceStable(items, func(i, j int) bool {
        return published(items[i]).After(published(items[j]))
    })
    return items, failed
}
''')
cases_of(case, GH + 'thoughtbot/rss/pull/13', 'feeds.go',
         G('main', ['fmt', 'net/http', 'sort', 'time', '', 'github.com/mmcdole/gofeed'])(RSSFEEDS), [
             (1, 'go-00-rss-new-fetcher-client-without-timeout',
              'a new feed fetcher uses an http.Client without a timeout, so one source host that stops answering '
              'hangs the combined feed for good', 'new'),
             (2, 'go-00-rss-new-fetcher-body-never-closed',
              'a new feed fetcher never closes the bodies of the source feeds it parses, so every refresh keeps '
              'one connection per source', 'new'),
             (0, 'go-ok-00-rss-new-fetcher',
              'clean: a new feed fetcher with a bounded client, closing every body', 'new'),
         ])


# ---------------------------------------------------------------- RES-04 / TMO-02: Web API request helper of a Slack bot library (bluele/slack)
SLACK = template('bluele-slack-request', r'''
// Slack is a Web API client for one bot token.
type Slack struct {
    token string
    url   string
}

02|// httpClient is shared by every Slack value: it keeps the connections to the Web API alive between calls.
02|var httpClient = &http.Client{Timeout: 30 * time.Second}

// New returns a client for token.
func New(token string) *Slack {
    return &Slack{token: token, url: apiBaseURL}
}

// request posts params to the Web API method and returns the body of a successful answer.
func (sl *Slack) request(ctx context.Context, method string, params url.Values) ([]byte, error) {
    params.Set("token", sl.token)
01|    req, err := http.NewRequestWithContext(ctx, http.MethodPost, sl.url+method, strings.NewReader(params.Encode()))
2|    req, err := http.NewRequest(http.MethodPost, sl.url+method, strings.NewReader(params.Encode())) //@TMO-02
    if err != nil {
        return nil, err
    }
    req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
02|    resp, err := httpClient.Do(req)
1|    client := &http.Client{Timeout: 30 * time.Second} //@RES-04
1|    resp, err := client.Do(req)
    if err != nil {
        return nil, fmt.Errorf("slack %s: %w", method, err)
    }
    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return nil, fmt.Errorf("slack %s: %s", method, resp.Status)
    }
    return io.ReadAll(resp.Body)
}
''')
cases_of(case, GH + 'bluele/slack/pull/18', 'slack.go',
         G('slack', ['context', 'fmt', 'io', 'net/http', 'net/url', 'strings', 'time'])(SLACK), [
             (1, 'go-00-bluele-slack-client-per-request',
              'an edit builds a new http.Client for every Web API call, so a busy bot opens a new connection per '
              'message instead of reusing one', 'edit'),
             (2, 'go-00-bluele-slack-request-without-context',
              'an edit builds the Web API request without the caller\'s context, so a cancelled bot command keeps '
              'its call to Slack running', 'edit'),
             (0, 'go-ok-00-bluele-slack-shared-client',
              'clean: the fix sends every call through one shared client', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / CONC-03: reminder scheduling of a chat reminder plugin (mattermost-plugin-remind)
REMIND = template('mattermost-remind-schedule', r'''
// nextOccurrence returns when a reminder set for hour:minute fires next, read in the user's location.
func (p *Plugin) nextOccurrence(user *model.User, hour, minute int) time.Time {
    location := p.location(user)
02|    now := time.Now().In(location)
1|    now := time.Now() //@TIME-01
    next := time.Date(now.Year(), now.Month(), now.Day(), hour, minute, 0, 0, location)
    if !next.After(now) {
        next = next.AddDate(0, 0, 1)
    }
    return next.UTC()
}

// location is the user's configured time zone, or the server's when the user has none.
func (p *Plugin) location(user *model.User) *time.Location {
    tz := user.GetPreferredTimezone()
    if tz == "" {
        return p.serverLocation
    }
    loc, err := time.LoadLocation(tz)
    if err != nil {
        p.API.LogWarn("unknown time zone, using the server's", "user_id", user.Id, "tz", tz, "error", err.Error())
        return p.serverLocation
    }
    return loc
}

// schedule records when a reminder fires; the trigger loop reads the pending map once a minute.
func (p *Plugin) schedule(reminder Reminder, at time.Time) {
01|    p.pendingMu.Lock()
01|    defer p.pendingMu.Unlock()
    p.pending[reminder.Id] = at //@{2}CONC-03
}

// due removes and returns the reminders whose time has come.
func (p *Plugin) due(now time.Time) []string {
    p.pendingMu.Lock()
    defer p.pendingMu.Unlock()
    var ids []string
    for id, at := range p.pending {
        if !at.After(now) {
            ids = append(ids, id)
            delete(p.pending, id)
        }
    }
    return ids
}
''')
cases_of(case, GH + 'scottleedavis/mattermost-plugin-remind/issues/108', 'server/schedule.go',
         G('main', ['time', '', 'github.com/mattermost/mattermost-server/v5/model'])(REMIND), [
             (1, 'go-00-remind-moved-occurrence-in-server-zone',
              'a PR moves the occurrence code into its own file and reads "now" in the server\'s zone instead of '
              'the user\'s, so "at 4PM" set from another zone fires on the wrong day', 'rename'),
             (2, 'go-00-remind-moved-pending-written-without-lock',
              'a PR moves the occurrence code into its own file and records pending reminders without the lock '
              'the trigger loop takes, so a slash command and the loop write the map at once', 'rename'),
             (0, 'go-ok-00-remind-moved-occurrence',
              'clean: the move alone; "now" read in the user\'s location, the pending map written under its lock',
              'rename'),
         ], rename_from='server/occurrence.go')


# ---------------------------------------------------------------- RES-02 / RES-03: fan-out to Telegram of a push bot (telepush)
TELEPUSH = template('telepush-send-recipients', r'''
// botClient talks to the Telegram Bot API for every message the bot forwards.
var botClient = &http.Client{Timeout: 15 * time.Second}

// sendToRecipients forwards text to every chat subscribed to a token and returns how many received it.
func sendToRecipients(token string, recipients []int64, text string) (int, error) {
    apiURL := fmt.Sprintf("%s/bot%s/sendMessage", config.TelegramAPIBase, token)
    sent := 0
    for _, chatID := range recipients {
        payload, err := json.Marshal(outgoingMessage{ChatID: chatID, Text: text, ParseMode: "Markdown"})
        if err != nil {
            return sent, fmt.Errorf("encode message for %d: %w", chatID, err)
        }
        resp, err := botClient.Post(apiURL, "application/json", bytes.NewReader(payload))
        if err != nil { //@{1}RES-02
            return sent, fmt.Errorf("send to %d: %w", chatID, err)
        }
0|        resp.Body.Close()
2|        defer resp.Body.Close() //@RES-03
        if resp.StatusCode != http.StatusOK {
            return sent, fmt.Errorf("send to %d: telegram answered %s", chatID, resp.Status)
        }
        sent++
    }
    return sent, nil
}
''')
cases_of(case, GH + 'muety/telepush/issues/2', 'api.go',
         G('main', ['bytes', 'encoding/json', 'fmt', 'net/http', 'time'])(TELEPUSH), [
             (1, 'go-00-telepush-send-body-never-closed',
              'an edit drops the close of each Telegram answer, so the bot leaks a connection and a file '
              'descriptor per forwarded message until it runs out', 'edit'),
             (2, 'go-00-telepush-send-close-deferred-in-loop',
              'an edit defers the close of each Telegram answer inside the loop over recipients, so a message to '
              'a large group holds one connection per recipient until the whole fan-out returns', 'edit'),
             (0, 'go-ok-00-telepush-send-body-closed',
              'clean: the fix closes each answer right after the request, inside the loop', 'fix'),
         ])
