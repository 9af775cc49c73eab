"""Round-120 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- TMO-02 / CONC-01: MQTT connect handler of a NAS management agent (unraid-management-agent)
UNRAIDMQTT = template('unraid-mqtt-connect-handler', r'''
// Client publishes the server's state to an MQTT broker for Home Assistant and takes commands back. Every broker
// connection gets a context of its own: the discovery, state and subscription work started when the connection comes
// up stops when it goes down, instead of running on against a client that is no longer connected.
type Client struct {
    cfg    Config
    client paho.Client
    runCtx context.Context

    mu         sync.Mutex
    connCancel context.CancelFunc
}

func (c *Client) handleConnect(_ paho.Client) {
    c.mu.Lock()
    if c.connCancel != nil {
        c.connCancel()
    }
    ctx, cancel := context.WithCancel(c.runCtx)
    c.connCancel = cancel
    c.mu.Unlock()

    logger.Info("MQTT: connected to %s", c.cfg.Broker)
    go func() { //@{2}CONC-01
01|        defer func() {
01|            if r := recover(); r != nil {
01|                logger.Error("MQTT: connect handler panicked: %v", r)
01|            }
01|        }()
02|        c.announce(ctx)
1|        c.announce(context.Background()) //@TMO-02
    }()
}

func (c *Client) handleDisconnect(_ paho.Client, err error) {
    c.mu.Lock()
    if c.connCancel != nil {
        c.connCancel()
        c.connCancel = nil
    }
    c.mu.Unlock()
    logger.Warning("MQTT: connection to %s lost: %v", c.cfg.Broker, err)
}

// announce publishes discovery first, then the current states, and subscribes to the command topics last, so no
// command arrives before Home Assistant knows the entity it is for.
func (c *Client) announce(ctx context.Context) {
    if err := c.publishHADiscovery(ctx); err != nil {
        logger.Warning("MQTT: publishing discovery: %v", err)
        return
    }
    if err := c.publishServiceStates(ctx); err != nil {
        logger.Warning("MQTT: publishing service states: %v", err)
    }
    if err := c.subscribeCommandTopics(ctx); err != nil {
        logger.Warning("MQTT: subscribing to command topics: %v", err)
    }
}

func (c *Client) publishHADiscovery(ctx context.Context) error {
    for _, entity := range c.discoveryEntities() {
        if err := ctx.Err(); err != nil {
            return err
        }
        token := c.client.Publish(entity.ConfigTopic(c.cfg.DiscoveryPrefix), 1, true, entity.ConfigPayload())
        if !token.WaitTimeout(c.cfg.PublishTimeout) {
            return fmt.Errorf("publishing discovery for %s: timed out after %s", entity.ID, c.cfg.PublishTimeout)
        }
        if err := token.Error(); err != nil {
            return fmt.Errorf("publishing discovery for %s: %w", entity.ID, err)
        }
    }
    return nil
}
''')
cases_of(case, GH + 'ruaan-deysel/unraid-management-agent/issues/71', 'daemon/services/mqtt/client.go',
         G('mqtt', ['context', 'fmt', 'sync', '', 'github.com/ruaan-deysel/unraid-management-agent/daemon/logger',
                    'paho github.com/eclipse/paho.mqtt.golang'])(UNRAIDMQTT), [
             (1, 'go-00-unraid-agent-mqtt-announce-detached-from-connection',
              'an edit runs the connect handler\'s discovery, state and subscription work on a background context, so '
              'it runs on against a lost connection and piles up with every reconnect', 'edit'),
             (2, 'go-00-unraid-agent-mqtt-connect-goroutine-without-recover',
              'an edit drops the recover of the goroutine the MQTT connect handler starts, so a panic in discovery '
              'publishing ends the whole agent', 'edit'),
             (0, 'go-ok-00-unraid-agent-mqtt-announce-per-connection-context',
              'clean: the fix runs the connect handler\'s work under a context that the disconnect handler cancels',
              'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-01: APNs gateway connection of a push client (timehop/apns)
APNSCONN = template('timehop-apns-conn-connect', r'''
// Conn is a connection to an APNs gateway. Dialing and the TLS handshake are both bounded, so a gateway that takes
// the TCP connection and then says nothing does not hang the sender forever.
type Conn struct {
    gateway   string
    tlsConfig *tls.Config
    netConn   net.Conn
    tlsConn   *tls.Conn

    ReadTimeout time.Duration
    connected   bool
}

02|const dialTimeout = 20 * time.Second
02|
// NewConn returns a connection for the gateway; Connect opens it.
func NewConn(gw string, crt tls.Certificate) Conn {
    gatewayParts := strings.Split(gw, ":")
    conf := tls.Config{
        Certificates: []tls.Certificate{crt},
        ServerName:   gatewayParts[0],
    }
    return Conn{gateway: gw, tlsConfig: &conf, ReadTimeout: 150 * time.Millisecond}
}

// Connect closes an open connection and dials the gateway again.
func (c *Conn) Connect() error {
    if c.connected {
        _ = c.Close()
    }

02|    conn, err := net.DialTimeout("tcp", c.gateway, dialTimeout)
1|    conn, err := net.Dial("tcp", c.gateway) //@TMO-01
    if err != nil {
        return fmt.Errorf("dialing %s: %w", c.gateway, err)
    }

    tlsConn := tls.Client(conn, c.tlsConfig) //@{2}RES-01
02|    _ = tlsConn.SetDeadline(time.Now().Add(dialTimeout))
    if err := tlsConn.Handshake(); err != nil {
01|        _ = tlsConn.Close()
        return fmt.Errorf("TLS handshake with %s: %w", c.gateway, err)
    }
    _ = tlsConn.SetDeadline(time.Time{})

    c.netConn = conn
    c.tlsConn = tlsConn
    c.connected = true
    return nil
}

// Close closes the TLS connection and the network connection under it.
func (c *Conn) Close() error {
    var err error
    if c.tlsConn != nil {
        err = c.tlsConn.Close()
    }
    if c.netConn != nil {
        if cerr := c.netConn.Close(); err == nil {
            err = cerr
        }
    }
    c.connected = false
    return err
}
''')
cases_of(case, GH + 'timehop/apns/pull/64', 'conn.go',
         G('apns', ['crypto/tls', 'fmt', 'net', 'strings', 'time'])(APNSCONN), [
             (1, 'go-00-timehop-apns-gateway-dial-without-timeout',
              'an edit dials the APNs gateway without a timeout and drops the handshake deadline, so a gateway that '
              'never answers hangs the sender', 'edit'),
             (2, 'go-00-timehop-apns-tls-conn-left-open-on-handshake-error',
              'an edit drops the close of the TLS connection when the handshake fails, so every failed reconnect '
              'leaves its socket open', 'edit'),
             (0, 'go-ok-00-timehop-apns-gateway-dial-bounded',
              'clean: the fix dials with a timeout and bounds the TLS handshake with a deadline', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / ERR-01: handler groups of a Telegram bot library (gotgbot), renamed file
GOTGBOT = template('gotgbot-handler-mapping', r'''
// handlerMappings keeps the handlers of each group. The dispatcher takes a group's slice under the read lock and
// ranges over it without the lock while other updates register handlers, so a slice once handed out is never written
// again: add and remove build a new one (copy on write).
type handlerMappings struct {
    mux           sync.RWMutex
    handlers      map[int][]Handler
    handlerGroups []int
}

func (m *handlerMappings) add(h Handler, group int) {
    m.mux.Lock()
    defer m.mux.Unlock()

    if m.handlers == nil {
        m.handlers = map[int][]Handler{}
    }
    curr, ok := m.handlers[group]
    if !ok {
        m.handlerGroups = append(m.handlerGroups, group)
        sort.Ints(m.handlerGroups)
    }
02|    next := make([]Handler, len(curr), len(curr)+1)
02|    copy(next, curr)
02|    m.handlers[group] = append(next, h)
1|    m.handlers[group] = append(curr, h) //@CONC-03
}

func (m *handlerMappings) remove(name string, group int) bool {
    m.mux.Lock()
    defer m.mux.Unlock()

    curr, ok := m.handlers[group]
    if !ok {
        return false
    }
    for i, h := range curr {
        if h.Name() != name {
            continue
        }
        next := make([]Handler, 0, len(curr)-1)
        next = append(next, curr[:i]...)
        m.handlers[group] = append(next, curr[i+1:]...)
        return true
    }
    return false
}

func (m *handlerMappings) getGroups() [][]Handler {
    m.mux.RLock()
    defer m.mux.RUnlock()

    groups := make([][]Handler, 0, len(m.handlerGroups))
    for _, g := range m.handlerGroups {
        groups = append(groups, m.handlers[g])
    }
    return groups
}

// runGroup runs the first handler of one group that accepts the update; the error it returns goes to the
// dispatcher's error handler.
func runGroup(b *gotgbot.Bot, ctx *Context, handlers []Handler) error {
    for _, h := range handlers {
        if !h.CheckUpdate(b, ctx) {
            continue
        }
        err := h.HandleUpdate(b, ctx)
        if err != nil { //@{2}ERR-01
01|            if errors.Is(err, ContinueGroups) || errors.Is(err, EndGroups) {
01|                return err
01|            }
01|            return fmt.Errorf("handler %s: %w", h.Name(), err)
2|            continue
        }
        return nil
    }
    return nil
}
''')
_GOTG = ['errors', 'fmt', 'sort', 'sync', '', 'github.com/PaulSonOfLars/gotgbot/v2']
cases_of(case, GH + 'PaulSonOfLars/gotgbot/pull/278', 'ext/handler_mapping.go',
         GV('ext', {0: _GOTG, 1: _GOTG, 2: ['sort', 'sync', '', 'github.com/PaulSonOfLars/gotgbot/v2']})(GOTGBOT), [
             (1, 'go-00-gotgbot-renamed-handler-group-appended-in-place',
              'a move of the handler mappings into handler_mapping.go also appends a new handler to the group\'s '
              'slice in place, writing the backing array the dispatcher is ranging over without the lock', 'rename'),
             (2, 'go-00-gotgbot-renamed-handler-error-dropped',
              'a move of the handler mappings into handler_mapping.go also goes on to the next handler when one '
              'fails, so the error never reaches the dispatcher\'s error handler', 'rename'),
             (0, 'go-ok-00-gotgbot-renamed-handler-mapping',
              'clean: the move alone; handlers are added copy on write and handler errors are returned', 'rename'),
         ], rename_from='ext/handlers.go')


# ---------------------------------------------------------------- CONC-01 / ERR-01: client connection of an agent gateway (hotplex)
HOTPLEX = template('hotplex-gateway-conn', r'''
// Conn is one client's WebSocket connection to the gateway. Run starts the write pump and runs the read pump; both
// recover a panic, log it with its stack and close the connection, so one broken session never ends the process.
type Conn struct {
    id     string
    ws     *websocket.Conn
    send   chan []byte
    hub    *Hub
    worker Worker
    log    *slog.Logger

    closeOnce sync.Once
}

func (c *Conn) Run() {
    go func() { //@{1}CONC-01
02|        defer func() {
02|            if r := recover(); r != nil {
02|                c.log.Error("gateway: write pump panicked", "conn", c.id, "panic", r, "stack", string(debug.Stack()))
02|                c.close()
02|            }
02|        }()
        c.writePump()
    }()
    c.readPump()
}

func (c *Conn) readPump() {
    defer func() {
        if r := recover(); r != nil {
            c.log.Error("gateway: read pump panicked", "conn", c.id, "panic", r, "stack", string(debug.Stack()))
        }
        c.close()
    }()
    for {
        var env Envelope
        if err := c.ws.ReadJSON(&env); err != nil {
            c.log.Debug("gateway: read ended", "conn", c.id, "err", err)
            return
        }
        if err := c.handleInput(&env); err != nil {
            c.sendError(env.SessionID, err)
        }
    }
}

func (c *Conn) writePump() {
    for msg := range c.send {
        _ = c.ws.SetWriteDeadline(time.Now().Add(writeWait))
        if err := c.ws.WriteMessage(websocket.TextMessage, msg); err != nil {
            c.log.Debug("gateway: write ended", "conn", c.id, "err", err)
            c.close()
            return
        }
    }
}

// handleInput hands a client's input to the session's worker. The caller reports an error back to the client, so
// input that reached no worker is never taken for delivered.
func (c *Conn) handleInput(env *Envelope) error {
    if c.worker == nil {
        return ErrNoWorker
    }
    if err := c.worker.Input(env.Data); err != nil { //@{2}ERR-01
01|        return fmt.Errorf("gateway: input for session %s: %w", env.SessionID, err)
2|        return nil
    }
    return nil
}

func (c *Conn) close() {
    c.closeOnce.Do(func() {
        c.hub.unregister(c)
        _ = c.ws.Close()
    })
}
''')
_HP = ['fmt', 'log/slog', 'runtime/debug', 'sync', 'time', '', 'github.com/gorilla/websocket']
cases_of(case, GH + 'hrygo/hotplex/pull/221', 'internal/gateway/conn.go',
         GV('gateway', {0: _HP, 1: _HP, 2: [i for i in _HP if i != 'fmt']})(HOTPLEX), [
             (1, 'go-00-hotplex-gateway-write-pump-without-recover',
              'an edit starts the connection\'s write pump without a recover, so a panic while writing ends the whole '
              'gateway', 'edit'),
             (2, 'go-00-hotplex-gateway-worker-input-error-dropped',
              'an edit returns nil when the worker refuses a client\'s input, so the client is never told its input '
              'was lost', 'edit'),
             (0, 'go-ok-00-hotplex-gateway-write-pump-recovered',
              'clean: the fix recovers and logs a panic of the write pump and closes the connection', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / RES-02: APNs sender of a chat protocol's notification service (towns)
TOWNSPUSH = template('towns-apns-sender', r'''
// MessageNotifications sends the APNs pushes for new stream events. Apple asks providers to keep their HTTP/2
// connection open across notifications and treats rapid connect/disconnect as abuse, so the client that holds that
// connection is built once per notifier and shared by every send.
type MessageNotifications struct {
    apnsTopic  string
    apnsURL    string
    signer     *jwtSigner
02|    apnsClient *http.Client
    log        *slog.Logger
}

func NewMessageNotifications(cfg APNConfig, signer *jwtSigner, log *slog.Logger) *MessageNotifications {
    return &MessageNotifications{
        apnsTopic:  cfg.AppBundleID,
        apnsURL:    cfg.Endpoint,
        signer:     signer,
02|        apnsClient: &http.Client{Timeout: apnsRequestTimeout, Transport: &http2.Transport{}},
        log:        log,
    }
}

// SendApplePushNotification pushes one notification; it reports whether the device token is still registered.
func (n *MessageNotifications) SendApplePushNotification(ctx context.Context, deviceToken string, payload []byte) (bool, error) {
1|    client := &http.Client{Timeout: apnsRequestTimeout, Transport: &http2.Transport{}} //@RES-04
    req, err := http.NewRequestWithContext(ctx, http.MethodPost, n.apnsURL+"/3/device/"+deviceToken, bytes.NewReader(payload))
    if err != nil {
        return true, fmt.Errorf("building APNs request: %w", err)
    }
    token, err := n.signer.Token()
    if err != nil {
        return true, fmt.Errorf("signing APNs token: %w", err)
    }
    req.Header.Set("authorization", "bearer "+token)
    req.Header.Set("apns-topic", n.apnsTopic)
    req.Header.Set("apns-push-type", "alert")

02|    resp, err := n.apnsClient.Do(req)
1|    resp, err := client.Do(req)
    if err != nil { //@{2}RES-02
        return true, fmt.Errorf("sending APNs notification: %w", err)
    }
01|    defer resp.Body.Close()

    switch resp.StatusCode {
    case http.StatusOK:
        return true, nil
    case http.StatusGone:
        n.log.Info("APNs device token unregistered", "status", resp.StatusCode)
        return false, nil
    default:
        var reason struct {
            Reason string `json:"reason"`
        }
        _ = json.NewDecoder(io.LimitReader(resp.Body, 4096)).Decode(&reason)
        return true, fmt.Errorf("APNs rejected notification: %d %s", resp.StatusCode, reason.Reason)
    }
}
''')
_TP = ['bytes', 'context', 'encoding/json', 'fmt', 'io', 'log/slog', 'net/http', '', 'golang.org/x/net/http2']
TOWNS_TEST = f('core/node/notifications/push/push_test.go', new=go('push', [
    'context', 'log/slog', 'net/http', 'net/http/httptest', 'testing'], r'''
func TestSendApplePushNotificationUnregistered(t *testing.T) {
    srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
        w.WriteHeader(http.StatusGone)
        _, _ = w.Write([]byte(`{"reason":"Unregistered"}`))
    }))
    defer srv.Close()

    n := NewMessageNotifications(APNConfig{AppBundleID: "com.towns.test", Endpoint: srv.URL}, testSigner(t), slog.Default())
    n.apnsClient = srv.Client()
    registered, err := n.SendApplePushNotification(context.Background(), "abc123", []byte(`{"aps":{}}`))
    if err != nil {
        t.Fatalf("unexpected error: %v", err)
    }
    if registered {
        t.Fatal("a 410 answer must report the token as unregistered")
    }
}
'''))
cases_of(case, GH + 'towns-protocol/towns/issues/3872', 'core/node/notifications/push/push.go',
         G('push', _TP)(TOWNSPUSH), [
             (1, 'go-00-towns-apns-client-per-notification',
              'an edit builds a new HTTP/2 client for every APNs notification, opening a fresh connection to Apple per '
              'push instead of keeping one open', 'edit'),
             (2, 'go-00-towns-apns-response-left-open',
              'an edit drops the close of the APNs response body, so every push holds its stream; the change adds a '
              'test beside it', 'edit', [TOWNS_TEST]),
             (0, 'go-ok-00-towns-apns-client-shared',
              'clean: the fix keeps one APNs client on the notifier and uses it for every push', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / LOG-01: per-client send queue of a Nostr relay (grain), new file
GRAINQ = template('grain-client-send-queue', r'''
// sendQueue holds the events waiting to be written to one relay client's websocket. It is bounded in messages and in
// bytes: when a client stops reading, further events for it are dropped and counted, and the drop is reported once
// per stall rather than once per event.
type sendQueue struct {
    mu       sync.Mutex
    ready    chan struct{}
    items    [][]byte
    size     int
    maxItems int
    maxBytes int
    dropped  uint64
0|    reported bool
    clientID string
    closed   bool
}

func newSendQueue(clientID string, maxItems, maxBytes int) *sendQueue {
    return &sendQueue{
        ready:    make(chan struct{}, 1),
        maxItems: maxItems,
        maxBytes: maxBytes,
        clientID: clientID,
    }
}

// push queues msg for the writer; it reports false when the message was dropped.
func (q *sendQueue) push(msg []byte) bool {
    q.mu.Lock()
    defer q.mu.Unlock()
    if q.closed {
        return false
    }
02|    if len(q.items) >= q.maxItems || q.size+len(msg) > q.maxBytes {
02|        q.dropped++
0|        if !q.reported {
0|            q.reported = true
0|            slog.Warn("client send queue full, dropping events", "client", q.clientID, "queued", len(q.items), "bytes", q.size)
0|        }
2|        slog.Warn("client send queue full, dropping event", "client", q.clientID, "event_bytes", len(msg)) //@LOG-01
02|        return false
02|    }
    q.items = append(q.items, msg) //@{1}CONC-02
    q.size += len(msg)
    select {
    case q.ready <- struct{}{}:
    default:
    }
    return true
}

// pop hands the writer everything queued so far.
func (q *sendQueue) pop() [][]byte {
    q.mu.Lock()
    defer q.mu.Unlock()
    batch := q.items
    q.items = nil
    q.size = 0
0|    if q.reported {
0|        slog.Info("client send queue drained", "client", q.clientID, "dropped", q.dropped)
0|        q.reported = false
0|    }
    return batch
}

func (q *sendQueue) close() {
    q.mu.Lock()
    defer q.mu.Unlock()
    q.closed = true
    q.items = nil
    q.size = 0
}
''')
cases_of(case, GH + '0ceanSlim/grain/issues/41', 'server/client/send_queue.go',
         G('client', ['log/slog', 'sync'])(GRAINQ), [
             (1, 'go-00-grain-client-send-queue-unbounded',
              'a new per-client send queue appends every event without a limit, so a client that stops reading grows '
              'the relay\'s memory without bound', 'new'),
             (2, 'go-00-grain-client-send-queue-warns-every-drop',
              'a new per-client send queue warns once for every event it drops, so one stalled client floods the '
              'relay\'s log', 'new'),
             (0, 'go-ok-00-grain-client-send-queue-bounded',
              'clean: a new per-client send queue bounded in messages and bytes that reports a stall once', 'new'),
         ])


# ---------------------------------------------------------------- CONC-03 / TMO-01: websocket session of a chat framework (melody)
MELODY = template('melody-session-close', r'''
// Session wraps one websocket connection. writeMessage and close take the same lock, so a message is never put on
// the output channel after close has closed it.
type Session struct {
    Request *http.Request
    Keys    map[string]any
    conn    *websocket.Conn
    output  chan envelope
    melody  *Melody
    open    bool
    rwmutex *sync.RWMutex
}

func (s *Session) writeMessage(message envelope) {
    s.rwmutex.RLock()
    defer s.rwmutex.RUnlock()
    if !s.open {
        s.melody.errorHandler(s, ErrWriteClosed)
        return
    }
    select {
    case s.output <- message:
    default:
        s.melody.errorHandler(s, ErrMessageBufferFull)
    }
}

func (s *Session) writeRaw(message envelope) error {
    if s.closed() {
        return ErrWriteClosed
    }
01|    if err := s.conn.SetWriteDeadline(time.Now().Add(s.melody.Config.WriteWait)); err != nil {
01|        return err
01|    }
    return s.conn.WriteMessage(message.t, message.msg) //@{2}TMO-01
}

func (s *Session) closed() bool {
    s.rwmutex.RLock()
    defer s.rwmutex.RUnlock()
    return !s.open
}

func (s *Session) close() {
02|    s.rwmutex.Lock()
02|    defer s.rwmutex.Unlock()
    if s.open {
        s.open = false //@{1}CONC-03
        s.conn.Close()
        close(s.output)
    }
}

func (s *Session) writePump() {
    ticker := time.NewTicker(s.melody.Config.PingPeriod)
    defer ticker.Stop()
    for {
        select {
        case msg, ok := <-s.output:
            if !ok {
                return
            }
            if err := s.writeRaw(msg); err != nil {
                s.melody.errorHandler(s, err)
                return
            }
        case <-ticker.C:
            if err := s.writeRaw(envelope{t: websocket.PingMessage, msg: []byte{}}); err != nil {
                s.melody.errorHandler(s, err)
                return
            }
        }
    }
}
''')
cases_of(case, GH + 'olahol/melody/pull/67', 'session.go',
         G('melody', ['net/http', 'sync', 'time', '', 'github.com/gorilla/websocket'])(MELODY), [
             (1, 'go-00-melody-session-closed-without-lock',
              'an edit lets close flip the session\'s open flag and close its output channel without the lock, racing '
              'writeMessage into a send on a closed channel', 'edit'),
             (2, 'go-00-melody-session-write-without-deadline',
              'an edit writes to the websocket without a write deadline, so a peer that stops reading blocks the '
              'session\'s write pump for good', 'edit'),
             (0, 'go-ok-00-melody-session-closed-under-lock',
              'clean: the fix closes the session under the lock writeMessage takes', 'fix'),
         ])


# ---------------------------------------------------------------- OPS-01 / CONC-01: polling shutdown of a Telegram group bot (Alita_Robot)
ALITA = template('alita-polling-shutdown', r'''
func main() {
    config.Load()
    if err := db.Connect(config.DatabaseURL); err != nil {
        log.Fatalf("[Database] connecting: %v", err)
    }

    b, err := gotgbot.NewBot(config.BotToken, &gotgbot.BotOpts{
        BotClient: &gotgbot.BaseBotClient{
            Client:             http.Client{Timeout: config.HTTPTimeout},
            DefaultRequestOpts: &gotgbot.RequestOpts{Timeout: config.RequestTimeout},
        },
    })
    if err != nil {
        log.Fatalf("[Bot] creating bot: %v", err)
    }

    dispatcher := ext.NewDispatcher(&ext.DispatcherOpts{
        Error: func(_ *gotgbot.Bot, _ *ext.Context, err error) ext.DispatcherAction {
            log.Errorf("[Dispatcher] handler error: %v", err)
            return ext.DispatcherActionNoop
        },
        MaxRoutines: config.DispatcherMaxRoutines,
    })
    updater := ext.NewUpdater(dispatcher, nil)
    modules.LoadModules(dispatcher)

    ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
    defer stop()

    go func() { //@{2}CONC-01
01|        defer func() {
01|            if r := recover(); r != nil {
01|                log.Errorf("[Monitor] resource monitor stopped after a panic: %v", r)
01|            }
01|        }()
        monitoring.RunResourceMonitor(ctx, config.ResourceMonitorInterval)
    }()

    err = updater.StartPolling(b, &ext.PollingOpts{
        DropPendingUpdates: config.DropPendingUpdates,
        GetUpdatesOpts:     &gotgbot.GetUpdatesOpts{Timeout: 9, RequestOpts: &gotgbot.RequestOpts{Timeout: 10 * time.Second}},
    })
    if err != nil {
        log.Fatalf("[Polling] starting: %v", err)
    }
    log.Infof("[Polling] %s started polling", b.User.Username)

    <-ctx.Done()
    log.Info("[Polling] shutdown signal received, stopping the updater")
02|    if err := updater.Stop(); err != nil {
02|        log.Errorf("[Polling] stopping the updater: %v", err)
02|    }
02|    log.Info("[Polling] in-flight updates finished")
1|    os.Exit(0) //@OPS-01
    if err := db.Close(); err != nil {
        log.Errorf("[Database] closing: %v", err)
    }
}
''')
cases_of(case, GH + 'Divkix/Alita_Robot/issues/552', 'main.go',
         G('main', ['context', 'net/http', 'os', 'os/signal', 'syscall', 'time', '',
                    'github.com/PaulSonOfLars/gotgbot/v2', 'github.com/PaulSonOfLars/gotgbot/v2/ext',
                    'log github.com/sirupsen/logrus', '',
                    'github.com/divideprojects/Alita_Robot/alita/config',
                    'github.com/divideprojects/Alita_Robot/alita/db',
                    'github.com/divideprojects/Alita_Robot/alita/modules',
                    'github.com/divideprojects/Alita_Robot/alita/utils/monitoring'])(ALITA), [
             (1, 'go-00-alita-polling-exits-without-draining',
              'an edit exits the process as soon as the shutdown signal arrives, without stopping the updater, so '
              'updates being handled are cut off and the database is never closed', 'edit'),
             (2, 'go-00-alita-resource-monitor-goroutine-without-recover',
              'an edit drops the recover of the resource monitor\'s goroutine, so a panic in monitoring ends the bot',
              'edit'),
             (0, 'go-ok-00-alita-polling-stops-updater-on-signal',
              'clean: the fix stops the updater on the shutdown signal, waiting for in-flight updates, before closing '
              'the database', 'fix'),
         ])


# ---------------------------------------------------------------- OPS-01 / TMO-03: HTTP server shutdown of a DingTalk alert bridge (prometheus-webhook-dingtalk), CRLF file
DINGTALK = template('dingtalk-webhook-shutdown', r'''
const shutdownTimeout = 30 * time.Second

func serve(logger log.Logger, listenAddress string, r http.Handler) error {
    var g run.Group
    {
        term := make(chan os.Signal, 1)
        signal.Notify(term, os.Interrupt, syscall.SIGTERM)
        cancel := make(chan struct{})
        g.Add(
            func() error {
                select {
                case <-term:
                    level.Info(logger).Log("msg", "Received SIGTERM, exiting gracefully...")
                case <-cancel:
                }
                return nil
            },
            func(error) {
                close(cancel)
            },
        )
    }
    {
        srv := &http.Server{Addr: listenAddress, Handler: r, ReadHeaderTimeout: 10 * time.Second}
        g.Add(
            func() error {
                level.Info(logger).Log("msg", "Listening on address", "address", listenAddress)
                if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
                    return err
                }
                return nil
            },
            func(error) {
0|                ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
0|                defer cancel()
2|                ctx, _ := context.WithTimeout(context.Background(), shutdownTimeout) //@TMO-03
02|                if err := srv.Shutdown(ctx); err != nil {
02|                    level.Error(logger).Log("msg", "Error shutting down HTTP server", "err", err)
02|                }
1|                if err := srv.Close(); err != nil { //@OPS-01
1|                    level.Error(logger).Log("msg", "Error closing HTTP server", "err", err)
1|                }
            },
        )
    }
    return g.Run()
}
''')
_DT = ['context', 'errors', 'net/http', 'os', 'os/signal', 'syscall', 'time', '', 'github.com/go-kit/log',
       'github.com/go-kit/log/level', 'github.com/oklog/run']
cases_of(case, GH + 'timonwong/prometheus-webhook-dingtalk/pull/57', 'cmd/prometheus-webhook-dingtalk/run.go',
         GV('main', {0: _DT, 1: [i for i in _DT if i != 'context'], 2: _DT})(DINGTALK), [
             (1, 'go-00-dingtalk-webhook-server-closed-on-signal',
              'an edit closes the HTTP server on SIGTERM instead of shutting it down, cutting off alerts being '
              'forwarded to DingTalk', 'edit'),
             (2, 'go-00-dingtalk-webhook-shutdown-cancel-dropped',
              'an edit discards the cancel of the shutdown timeout\'s context', 'edit'),
             (0, 'go-ok-00-dingtalk-webhook-server-shut-down-gracefully',
              'clean: the fix shuts the HTTP server down within a timeout, letting forwarded alerts finish', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-03 / LOG-02: websocket connection of an EEBus SHIP library (ship-go)
SHIPWS = template('ship-go-websocket-close', r'''
// WebsocketConnection carries SHIP messages over one websocket. Writers check that the connection is open and queue
// their message under the same mutex that close takes before it closes the write channel, so no message is ever
// sent on a closed channel.
type WebsocketConnection struct {
    conn           *websocket.Conn
    remoteSki      string
    dataProcessing api.WebsocketDataReaderInterface

    writeChannel chan []byte
    closeChannel chan struct{}

    isConnectionClosed bool
    connectionError    error
    muxConnClosed      sync.Mutex
    shutdownOnce       sync.Once
}

func (w *WebsocketConnection) isConnClosed() bool {
    w.muxConnClosed.Lock()
    defer w.muxConnClosed.Unlock()
    return w.isConnectionClosed
}

func (w *WebsocketConnection) WriteMessageToWebsocketConnection(message []byte) error {
    w.muxConnClosed.Lock()
    defer w.muxConnClosed.Unlock()
    if w.isConnectionClosed {
        return errors.New("ship: connection is closed")
    }
    select {
    case w.writeChannel <- message:
        return nil
    default:
        return errors.New("ship: write queue is full")
    }
}

func (w *WebsocketConnection) readShipMessages() {
    for {
        if w.isConnClosed() {
            return
        }
        msgType, data, err := w.conn.ReadMessage()
        if err != nil {
01|            logging.Log().Debugf("%s: websocket read error: %v", w.remoteSki, err)
2|            logging.Log().Debug(fmt.Sprintf("%s: websocket read error: %v", w.remoteSki, err)) //@LOG-02
            w.closeWithError(err)
            return
        }
        if msgType != websocket.BinaryMessage {
            logging.Log().Debug(w.remoteSki, "websocket: ignoring non binary message")
            continue
        }
        w.dataProcessing.ReportIncomingMessage(data)
    }
}

func (w *WebsocketConnection) closeWithError(err error) {
    w.shutdownOnce.Do(func() {
02|        w.muxConnClosed.Lock()
        w.isConnectionClosed = true //@{1}CONC-03
        w.connectionError = err
        close(w.writeChannel)
02|        w.muxConnClosed.Unlock()
        close(w.closeChannel)
        if w.conn != nil {
            _ = w.conn.Close()
        }
    })
}
''')
_SHIP = ['errors', 'sync', '', 'github.com/enbility/ship-go/api', 'github.com/enbility/ship-go/logging',
         'github.com/gorilla/websocket']
cases_of(case, GH + 'enbility/ship-go/issues/40', 'ws/websocket.go',
         GV('ws', {0: _SHIP, 1: _SHIP, 2: ['errors', 'fmt', 'sync', '', 'github.com/enbility/ship-go/api',
                                           'github.com/enbility/ship-go/logging', 'github.com/gorilla/websocket']})(SHIPWS), [
             (1, 'go-00-ship-go-connection-closed-without-lock',
              'an edit marks the SHIP connection closed and closes its write channel without the mutex writers hold, '
              'so a concurrent write can send on the closed channel', 'edit'),
             (2, 'go-00-ship-go-read-error-logged-formatted',
              'an edit formats the read error\'s debug line with fmt.Sprintf before the logger sees its level', 'edit'),
             (0, 'go-ok-00-ship-go-connection-closed-under-lock',
              'clean: the fix closes the connection under the mutex that writers take', 'fix'),
         ])
