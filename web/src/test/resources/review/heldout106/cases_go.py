"""Round-106 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- RES-02 / TMO-01: handle resolution of a social protocol SDK (indigo)
INDIGO = template('indigo-well-known-handle', r'''
// WellKnownResolver resolves a handle through https://<handle>/.well-known/atproto-did, the fallback for handles
// whose domain has no _atproto TXT record. The firehose consumer resolves every new handle it sees, so a slow or
// misbehaving host must not hold a connection or a goroutine.
type WellKnownResolver struct {
    Client *http.Client
}

func NewWellKnownResolver() *WellKnownResolver {
    return &WellKnownResolver{
01|        Client: &http.Client{Timeout: 10 * time.Second},
2|        Client: &http.Client{}, //@TMO-01
    }
}

func (r *WellKnownResolver) ResolveHandle(ctx context.Context, handle syntax.Handle) (syntax.DID, error) {
    u := "https://" + handle.String() + "/.well-known/atproto-did"
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
    if err != nil {
        return "", fmt.Errorf("building well-known request for %s: %w", handle, err)
    }
    resp, err := r.Client.Do(req)
    if err != nil { //@{1}RES-02
        return "", fmt.Errorf("%w: %s: %w", ErrHandleResolutionFailed, handle, err)
    }
02|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return "", fmt.Errorf("%w: %s: HTTP status %d", ErrHandleNotFound, handle, resp.StatusCode)
    }

    b, err := io.ReadAll(io.LimitReader(resp.Body, 2048))
    if err != nil {
        return "", fmt.Errorf("%w: reading well-known body for %s: %w", ErrHandleResolutionFailed, handle, err)
    }
    did, err := syntax.ParseDID(strings.TrimSpace(string(b)))
    if err != nil {
        return "", fmt.Errorf("%w: %s: %w", ErrHandleResolutionFailed, handle, err)
    }
    return did, nil
}
''')
cases_of(case, GH + 'bluesky-social/indigo/pull/44', 'atproto/identity/handle_wellknown.go',
         G('identity', ['context', 'fmt', 'io', 'net/http', 'strings', 'time', '',
                        'github.com/bluesky-social/indigo/atproto/syntax'])(INDIGO), [
             (1, 'go-00-indigo-well-known-body-left-open',
              'an edit drops the close of the well-known response body, so every handle the firehose consumer '
              'resolves keeps its connection out of the pool', 'edit'),
             (2, 'go-00-indigo-resolver-client-without-timeout',
              'an edit builds the resolver\'s HTTP client without a timeout, so a handle host that never answers '
              'parks the resolving goroutine for good', 'edit'),
             (0, 'go-ok-00-indigo-well-known-body-closed',
              'clean: the fix closes the well-known response body on every path after the request succeeds', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / CONC-01: relay connection of a decentralised social network client (go-nostr)
NOSTR = template('nostr-relay-writer', r'''
// Relay is one websocket connection to a relay. Publishes and subscription requests go through the writer
// goroutine; Close drops the connection, and writes queued after it fail instead of touching a closed socket.
type Relay struct {
    URL string

    mu         sync.Mutex
    connection *Connection
    writeQueue chan writeRequest
    closed     chan struct{}
    closeOnce  sync.Once
}

type writeRequest struct {
    msg    []byte
    answer chan error
}

func (r *Relay) startWriter(ctx context.Context) {
    go func() { //@{2}CONC-01
01|        defer func() {
01|            if rec := recover(); rec != nil {
01|                log.Printf("relay %s: writer stopped by a panic: %v\n%s", r.URL, rec, debug.Stack())
01|                r.Close()
01|            }
01|        }()
        for {
            select {
            case <-ctx.Done():
                return
            case <-r.closed:
                return
            case req := <-r.writeQueue:
                r.mu.Lock()
                conn := r.connection
                r.mu.Unlock()
                if conn == nil {
                    req.answer <- fmt.Errorf("relay %s: not connected", r.URL)
                    continue
                }
                req.answer <- conn.WriteMessage(ctx, req.msg)
            }
        }
    }()
}

// Close closes the connection once; it is called by the reader on a read error and by the pool on shutdown.
func (r *Relay) Close() error {
02|    r.mu.Lock()
    conn := r.connection
    r.connection = nil //@{1}CONC-03
02|    r.mu.Unlock()
    r.closeOnce.Do(func() { close(r.closed) })
    if conn == nil {
        return nil
    }
    return conn.Close()
}
''')
cases_of(case, GH + 'nbd-wtf/go-nostr/pull/183', 'relay_writer.go',
         GV('nostr', {0: ['context', 'fmt', 'log', 'runtime/debug', 'sync'],
                      1: ['context', 'fmt', 'log', 'runtime/debug', 'sync'],
                      2: ['context', 'fmt', 'sync']})(NOSTR), [
             (1, 'go-00-nostr-connection-dropped-without-lock',
              'an edit clears the relay\'s connection in Close without the mutex the writer reads it under, so a '
              'write racing a close uses a connection that is being torn down', 'edit'),
             (2, 'go-00-nostr-writer-goroutine-without-recover',
              'an edit drops the recover of the relay\'s writer goroutine, so a panic while writing takes the whole '
              'client process down', 'edit'),
             (0, 'go-ok-00-nostr-connection-dropped-under-lock',
              'clean: the fix clears the connection under the relay\'s mutex', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / TMO-03: gateway reconnect of a community chat platform library (disgo)
DISGO = template('disgo-gateway-reconnect', r'''
// reconnect replaces the gateway's websocket after Discord asked for a reconnect or the heartbeat went unanswered.
// The old connection's reader goroutine only ends when its connection is closed.
func (g *gatewayImpl) reconnect(ctx context.Context) error {
    g.connMu.Lock()
02|    old := g.conn
    g.conn = nil //@{1}RES-01
    g.connMu.Unlock()
02|    if old != nil {
02|        if err := old.Close(); err != nil {
02|            g.config.Logger.Debug("closing the previous gateway connection", slog.Any("err", err))
02|        }
02|    }

    g.config.Logger.Debug("reconnecting gateway", slog.Int("shard_id", g.ShardID()))
    return g.open(ctx)
}

func (g *gatewayImpl) open(ctx context.Context) error {
01|    dialCtx, cancel := context.WithTimeout(ctx, g.config.DialTimeout)
01|    defer cancel()
2|    dialCtx, _ := context.WithTimeout(ctx, g.config.DialTimeout) //@TMO-03

    conn, rs, err := g.config.Dialer.DialContext(dialCtx, g.config.URL+"?v="+strconv.Itoa(Version)+"&encoding=json", nil)
    if err != nil {
        body := "empty"
        if rs != nil && rs.Body != nil {
            defer rs.Body.Close()
            if raw, rerr := io.ReadAll(io.LimitReader(rs.Body, 4096)); rerr == nil {
                body = string(raw)
            }
        }
        return fmt.Errorf("dialing gateway shard %d: %w (body: %s)", g.ShardID(), err, body)
    }

    g.connMu.Lock()
    g.conn = conn
    g.connMu.Unlock()

    readyChan := make(chan error, 1)
    g.startListener(conn, readyChan)
    select {
    case <-ctx.Done():
        return ctx.Err()
    case err := <-readyChan:
        return err
    }
}
''')
cases_of(case, GH + 'disgoorg/disgo/pull/246', 'gateway/gateway_impl.go',
         G('gateway', ['context', 'fmt', 'io', 'log/slog', 'strconv'])(DISGO), [
             (1, 'go-00-disgo-reconnect-leaves-old-connection-open',
              'an edit drops the close of the previous websocket on reconnect, so every reconnect leaves a connection '
              'and its reader goroutine behind', 'edit'),
             (2, 'go-00-disgo-dial-timeout-cancel-discarded',
              'an edit discards the cancel of the dial timeout\'s context, so each connect keeps a timer and its '
              'context until the timeout fires', 'edit'),
             (0, 'go-ok-00-disgo-reconnect-closes-old-connection',
              'clean: the fix closes the previous connection before dialling a new one', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / LOG-03: Matrix event processor of a messaging bridge (mautrix-signal)
MAUTRIX = template('mautrix-event-processor', r'''
// Dispatch runs every handler registered for the event's type, each on its own goroutine so that a slow portal does
// not hold up the appservice transaction the event came in.
func (ep *EventProcessor) Dispatch(ctx context.Context, evt *event.Event) {
    ep.lock.RLock()
    handlers := append([]EventHandler(nil), ep.handlers[evt.Type]...)
    ep.lock.RUnlock()
    for _, handler := range handlers {
        go func(handler EventHandler) { //@{1}CONC-01
02|            defer ep.recoverHandler(ctx, evt)
            handler(ctx, evt)
        }(handler)
    }
}

func (ep *EventProcessor) recoverHandler(ctx context.Context, evt *event.Event) {
    if err := recover(); err != nil {
01|        zerolog.Ctx(ctx).Error().
01|            Str("event_id", evt.ID.String()).
01|            Str("room_id", evt.RoomID.String()).
01|            Str("event_type", evt.Type.Type).
01|            Any(zerolog.ErrorFieldName, err).
01|            Bytes(zerolog.ErrorStackFieldName, debug.Stack()).
01|            Msg("Panic in Matrix event handler")
2|        log.Printf("Panic in Matrix event handler: %v\n%s", err, debug.Stack()) //@LOG-03
    }
}
''')
cases_of(case, GH + 'mautrix/signal/issues/387', 'pkg/appservice/eventprocessor.go',
         GV('appservice', {0: ['context', 'runtime/debug', '', 'github.com/rs/zerolog', 'maunium.net/go/mautrix/event'],
                           1: ['context', 'runtime/debug', '', 'github.com/rs/zerolog', 'maunium.net/go/mautrix/event'],
                           2: ['context', 'log', 'runtime/debug', '', 'maunium.net/go/mautrix/event']})(MAUTRIX), [
             (1, 'go-00-mautrix-handler-goroutine-without-recover',
              'an edit starts each Matrix event handler on a goroutine without the recovering defer, so a nil '
              'pointer in one portal crashes the whole bridge', 'edit'),
             (2, 'go-00-mautrix-handler-panic-logged-without-ids',
              'an edit logs a recovered handler panic through the standard logger, without the event and room ids '
              'of the request logger', 'edit'),
             (0, 'go-ok-00-mautrix-handler-goroutine-recovered',
              'clean: the fix recovers each handler goroutine and logs the panic with the event and room ids', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / RES-03: websocket reader of a nostr relay (gnost-relay)
GNOST = template('gnost-relay-reader', r'''
// readLoop reads client frames until the connection ends. A client that resets its connection must end only its own
// loop; the relay keeps serving everyone else.
func (s *Server) readLoop(ctx context.Context, conn *websocket.Conn, c *client) {
    defer s.unregister(c)
    for {
        _, data, err := conn.Read(ctx)
        if err != nil { //@{1}ERR-01
02|            if status := websocket.CloseStatus(err); status != websocket.StatusNormalClosure && status != websocket.StatusGoingAway {
02|                log.Printf("client %s: read failed: %v", c.remote, err)
02|            }
02|            return
1|            continue
        }
        if err := s.handleFrame(ctx, c, data); err != nil {
            c.notice(err.Error())
        }
    }
}

// handleReq answers a REQ with the stored events of each filter, then EOSE.
func (s *Server) handleReq(ctx context.Context, c *client, subID string, filters []Filter) error {
    for _, filter := range filters {
01|        err := func() error {
01|            query, args := filter.SQL()
01|            rows, err := s.db.QueryContext(ctx, query, args...)
01|            if err != nil {
01|                return fmt.Errorf("querying events for %s: %w", subID, err)
01|            }
01|            defer rows.Close()
01|            return s.sendRows(c, subID, rows)
01|        }()
01|        if err != nil {
01|            return err
01|        }
2|        query, args := filter.SQL()
2|        rows, err := s.db.QueryContext(ctx, query, args...)
2|        if err != nil {
2|            return fmt.Errorf("querying events for %s: %w", subID, err)
2|        }
2|        defer rows.Close() //@RES-03
2|        if err := s.sendRows(c, subID, rows); err != nil {
2|            return err
2|        }
    }
    return c.send([]any{"EOSE", subID})
}
''')
cases_of(case, GH + 'barkyq/gnost-relay/issues/5', 'websocket.go',
         G('main', ['context', 'fmt', 'log', '', 'nhooyr.io/websocket'])(GNOST), [
             (1, 'go-00-gnost-read-error-ignored',
              'an edit keeps reading after a failed read instead of ending the client\'s loop, so a reset connection '
              'spins its goroutine on the same error for good', 'edit'),
             (2, 'go-00-gnost-req-rows-closed-at-return',
              'an edit inlines the per-filter query into the loop and defers the close of its rows there, so a REQ with many filters holds a '
              'database connection per filter until the whole request ends', 'edit'),
             (0, 'go-ok-00-gnost-read-error-ends-client',
              'clean: the fix ends the client\'s loop on a read error and logs abnormal closes', 'fix'),
         ])


# ---------------------------------------------------------------- OPS-01 / TMO-02: subscriber fan-out of a social firehose service (jetstream), renamed file
JETSTREAM = template('jetstream-subscribers', r'''
// Emit hands one event to every subscriber whose filters match. The caller's context ends when the firehose
// consumer shuts down; a subscriber whose buffer is full is skipped rather than waited for.
func (s *Server) Emit(ctx context.Context, evt *models.Event) error {
    b, err := json.Marshal(evt)
    if err != nil {
        return fmt.Errorf("marshaling event %d: %w", evt.TimeUS, err)
    }

    s.lk.RLock()
    subs := make([]*Subscriber, 0, len(s.Subscribers))
    for _, sub := range s.Subscribers {
        if sub.WantsEvent(evt) {
            subs = append(subs, sub)
        }
    }
    s.lk.RUnlock()

    for _, sub := range subs {
01|        if err := sub.Enqueue(ctx, b); err != nil {
2|        if err := sub.Enqueue(context.Background(), b); err != nil { //@TMO-02
            sub.skipped.Add(1)
        }
    }
    return nil
}

// Shutdown stops accepting subscribers and closes each one after its queued events were written, within ctx.
func (s *Server) Shutdown(ctx context.Context) error {
    s.lk.Lock()
    s.closing = true
    subs := make([]*Subscriber, 0, len(s.Subscribers))
    for _, sub := range s.Subscribers {
        subs = append(subs, sub)
    }
    s.lk.Unlock()

    for _, sub := range subs {
02|        if err := sub.Drain(ctx); err != nil {
02|            s.logger.Warn("subscriber not drained before shutdown", "remote", sub.RemoteAddr, "err", err)
02|        }
1|        sub.Terminate("server shutting down") //@OPS-01
    }
    return nil
}
''')
cases_of(case, GH + 'bluesky-social/jetstream/issues/170', 'pkg/server/subscribers.go',
         G('server', ['context', 'encoding/json', 'fmt', '', 'github.com/bluesky-social/jetstream/pkg/models'])(JETSTREAM), [
             (1, 'go-00-jetstream-renamed-shutdown-drops-queued-events',
              'a PR moves the fan-out code into its own file and terminates every subscriber at shutdown without '
              'writing its queued events, so each restart loses the events in flight', 'rename'),
             (2, 'go-00-jetstream-renamed-emit-without-caller-context',
              'a PR moves the fan-out code into its own file and enqueues with a background context, so a consumer '
              'that shuts down still waits on every slow subscriber', 'rename'),
             (0, 'go-ok-00-jetstream-renamed-subscribers',
              'clean: the move alone; Emit keeps the caller\'s context and Shutdown drains each subscriber', 'rename'),
         ], rename_from='pkg/server/server.go')


# ---------------------------------------------------------------- TMO-01 / RES-04: HTTP client of a chat and activity feed API (stream-chat-go), new file
STREAMCHAT = template('stream-chat-http-client', r'''
// DefaultTimeout bounds every API request of a client built by NewClient; NewClientFromHTTP takes a caller's own.
const DefaultTimeout = 6 * time.Second

// newHTTPClient builds the one client a Client keeps for its lifetime, with a pool sized for the chat API's
// keep-alive.
func newHTTPClient(timeout time.Duration) *http.Client {
    tr := http.DefaultTransport.(*http.Transport).Clone()
    tr.MaxIdleConnsPerHost = 5
    tr.IdleConnTimeout = 59 * time.Second
    return &http.Client{ //@{1}TMO-01
        Transport: tr,
02|        Timeout:   timeout,
    }
}

func (c *Client) makeRequest(ctx context.Context, method, path string, params url.Values, data, result interface{}) error {
    req, err := c.newRequest(ctx, method, path, params, data)
    if err != nil {
        return err
    }
01|    resp, err := c.HTTP.Do(req)
2|    resp, err := newHTTPClient(c.timeout).Do(req) //@RES-04
    if err != nil {
        select {
        case <-ctx.Done():
            return ctx.Err()
        default:
        }
        return fmt.Errorf("%s %s: %w", method, path, err)
    }
    defer resp.Body.Close()
    return c.parseResponse(resp, result)
}
''')
cases_of(case, GH + 'GetStream/stream-chat-go/issues/209', 'http_client.go',
         G('stream_chat', ['context', 'fmt', 'net/http', 'net/url', 'time'])(STREAMCHAT), [
             (1, 'go-00-stream-chat-client-without-timeout',
              'a new file builds the chat client\'s HTTP client without a timeout, so a stalled API call holds the '
              'caller\'s request until the kernel gives up on the socket', 'new'),
             (2, 'go-00-stream-chat-http-client-per-request',
              'a new file builds a fresh HTTP client and transport for every API request, so no connection is reused '
              'and each call pays a new TLS handshake', 'new'),
             (0, 'go-ok-00-stream-chat-http-client',
              'clean: a new file building one pooled HTTP client with the default timeout', 'new'),
         ])


# ---------------------------------------------------------------- ERR-01 / LOG-01: websocket loop of a community chat bot (mattermost-bot-sample-golang)
MMBOT = template('mattermost-bot-listen', r'''
// listenToEvents keeps the bot connected: when the websocket drops, it reconnects with a growing delay.
func listenToEvents(app *application) {
    failCount := 0
    for {
        ws, err := model.NewWebSocketClient4(app.config.websocketURL(), app.mattermostClient.AuthToken)
        if err != nil {
            failCount++
            app.logger.Warn().Err(err).Int("failures", failCount).Msg("Mattermost websocket connect failed")
            time.Sleep(reconnectDelay(failCount))
            continue
        }
        app.webSocketClient = ws
        ws.Listen()

        for event := range ws.EventChannel {
            handleWebSocketEvent(app, event)
        }

02|        if appErr := ws.ListenError; appErr != nil {
02|            failCount++
02|            app.logger.Warn().Err(appErr).Int("failures", failCount).Msg("Mattermost websocket closed, reconnecting")
1|        if ws.ListenError != nil { //@ERR-01
1|            failCount++
        } else {
            failCount = 0
        }
        time.Sleep(reconnectDelay(failCount))
    }
}

func handleWebSocketEvent(app *application, event *model.WebSocketEvent) {
2|    app.logger.Info().Str("event", string(event.EventType())).Msg("websocket event received") //@LOG-01
    if event.EventType() != model.WebsocketEventPosted {
        return
    }
    post := &model.Post{}
    if err := json.Unmarshal([]byte(event.GetData()["post"].(string)), post); err != nil {
        app.logger.Error().Err(err).Msg("could not decode posted event")
        return
    }
    if post.UserId == app.bot.Id {
        return
    }
    handlePost(app, post)
}
''')
cases_of(case, GH + 'mattermost-community/mattermost-bot-sample-golang/issues/37', 'main.go',
         G('main', ['encoding/json', 'time', '', 'github.com/mattermost/mattermost/server/public/model'])(MMBOT), [
             (1, 'go-00-mattermost-bot-listen-error-swallowed',
              'an edit drops the log of the websocket\'s listen error, so a bot that keeps losing its connection '
              'reconnects silently and nobody sees why it stops answering', 'edit'),
             (2, 'go-00-mattermost-bot-logs-every-websocket-event',
              'an edit logs every websocket event at info level, so a busy team floods the bot\'s log with typing and '
              'status events', 'edit'),
             (0, 'go-ok-00-mattermost-bot-listen-error-reported',
              'clean: the fix logs the listen error before reconnecting and does not log every event', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / TX-02: follow relation of a social blogging service (BloomBlog), CRLF file
BLOOM = template('bloomblog-follow', r'''
// Follow records that followerID follows followeeID and moves both users' counters in the same transaction, so the
// profile counts never drift from the relation table.
func (s *RelationService) Follow(ctx context.Context, followerID, followeeID int64) error {
    if followerID == followeeID {
        return ErrFollowSelf
    }
    tx, err := s.db.BeginTx(ctx, nil)
    if err != nil { //@{1}TX-01
        return fmt.Errorf("begin follow: %w", err)
    }
02|    defer tx.Rollback()

    res, err := tx.ExecContext(ctx,
        `INSERT INTO relations (follower_id, followee_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`,
        followerID, followeeID, time.Now().UTC())
    if err != nil {
        return fmt.Errorf("insert relation %d->%d: %w", followerID, followeeID, err)
    }
    n, err := res.RowsAffected()
    if err != nil {
        return fmt.Errorf("insert relation %d->%d: %w", followerID, followeeID, err)
    }
    if n == 0 {
        return nil // already following
    }
    if _, err := tx.ExecContext(ctx, `UPDATE users SET following_count = following_count + 1 WHERE id = ?`, followerID); err != nil {
        return fmt.Errorf("count following of %d: %w", followerID, err)
    }
    if _, err := tx.ExecContext(ctx, `UPDATE users SET follower_count = follower_count + 1 WHERE id = ?`, followeeID); err != nil {
        return fmt.Errorf("count followers of %d: %w", followeeID, err)
    }
01|    if err := tx.Commit(); err != nil {
01|        return fmt.Errorf("commit follow %d->%d: %w", followerID, followeeID, err)
01|    }
2|    tx.Commit() //@TX-02
    return nil
}
''')
cases_of(case, GH + 'Agelessbaby/BloomBlog/pull/15', 'service/relation/follow.go',
         G('relation', ['context', 'fmt', 'time'])(BLOOM), [
             (1, 'go-00-bloomblog-follow-transaction-left-open',
              'an edit drops the deferred rollback of the follow transaction, so a failed counter update or an '
              'existing relation returns with the transaction and its connection still open', 'edit'),
             (2, 'go-00-bloomblog-follow-commit-unchecked',
              'an edit stops checking the commit of the follow transaction, so a failed commit reports a follow that '
              'was never stored', 'edit'),
             (0, 'go-ok-00-bloomblog-follow-transaction-rolled-back',
              'clean: the fix rolls the follow transaction back on every early return', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-07 / CONC-02: gateway heartbeat of a community chat platform library (disgord)
DISGORD = template('disgord-heartbeat', r'''
// pulsate sends a heartbeat on every tick for as long as the shard runs. A missing ACK triggers a reconnect; a
// failed send is retried on the next tick, since Discord allows one missed beat before it drops the session.
func (c *client) pulsate(ctx context.Context) {
    ticker := time.NewTicker(c.heartbeatInterval)
    defer ticker.Stop()
    for {
        select {
        case <-ctx.Done():
            return
        case <-ticker.C:
        }
        if !c.ackReceived.Swap(false) {
            c.log.Info(c.logSpec(), "heartbeat ACK not received, reconnecting")
            c.requestReconnect()
            continue
        }
        if err := c.sendHeartbeat(ctx); err != nil {
02|            c.log.Error(c.logSpec(), "heartbeat failed, retrying on next tick", err)
02|            continue
1|            c.log.Error(c.logSpec(), "heartbeat failed", err)
1|            return //@CONC-07
        }
    }
}

// onDispatch hands a gateway event to the dispatch workers; a full queue holds the reader back until a worker is
// free, which is the back-pressure Discord's resume relies on.
func (c *client) onDispatch(evt *GatewayEvent) {
01|    select {
01|    case c.eventQueue <- evt:
01|    case <-c.shutdown:
01|    }
2|    go c.safeDispatch(evt) //@CONC-02
}
''')
cases_of(case, GH + 'andersfylling/disgord/issues/415', 'internal/gateway/heartbeat.go',
         G('gateway', ['context', 'time'])(DISGORD), [
             (1, 'go-00-disgord-heartbeat-stops-after-failed-send',
              'an edit returns from the heartbeat loop after one failed send, so the shard stops beating and Discord '
              'drops the session', 'edit'),
             (2, 'go-00-disgord-event-goroutine-per-dispatch',
              'an edit dispatches each gateway event on a goroutine of its own instead of the bounded worker queue, '
              'so a guild sync of thousands of events starts thousands of goroutines at once', 'edit'),
             (0, 'go-ok-00-disgord-heartbeat-and-bounded-dispatch',
              'clean: the fix keeps the heartbeat loop running after a failed send', 'fix'),
         ])
