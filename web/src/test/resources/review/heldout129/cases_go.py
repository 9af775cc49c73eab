"""Round-129 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- ERR-01 / RES-01: write loop of an IRC client library (go-irc)
GOIRC = template('go-irc-client-write-loop', r'''
// Client runs an IRC connection: a read loop, a write loop and a ping loop share one error channel, and the first
// error any of them reports ends RunContext.
type Client struct {
    *Conn
    rwc    io.ReadWriteCloser
    config ClientConfig

    writeChan chan *Message
    errChan   chan error
}

func (c *Client) sendError(err error) {
    select {
    case c.errChan <- err:
    default:
    }
}

// runLoop runs one of the client's loops and turns its error, or its panic, into the error that ends the client.
func (c *Client) runLoop(wg *sync.WaitGroup, exiting chan struct{}, loop func(chan struct{}) error) {
    defer wg.Done()
    defer func() {
        if r := recover(); r != nil {
            c.sendError(fmt.Errorf("irc: client loop panicked: %v", r))
        }
    }()
    if err := loop(exiting); err != nil {
        c.sendError(err)
    }
}

func (c *Client) writeLoop(exiting chan struct{}) error {
    for {
        select {
        case <-exiting:
            return nil
        case m := <-c.writeChan:
            if c.config.SendLimit > 0 {
                time.Sleep(c.config.SendLimit)
            }
02|            if err := c.Conn.WriteMessage(m); err != nil {
02|                return err
02|            }
1|            c.Conn.WriteMessage(m) //@ERR-01
        }
    }
}

// RunContext starts the loops and blocks until the context is done or one of the loops fails. Closing the
// connection is what unblocks the read loop, so it happens before waiting for the loops to return.
func (c *Client) RunContext(ctx context.Context) error {
    c.errChan = make(chan error, 1)
    exiting := make(chan struct{})
    var wg sync.WaitGroup

    wg.Add(3)
    go c.runLoop(&wg, exiting, c.readLoop)
    go c.runLoop(&wg, exiting, c.writeLoop)
    go c.runLoop(&wg, exiting, c.pingLoop)

    var err error
    select {
    case <-ctx.Done():
        err = ctx.Err()
    case err = <-c.errChan:
    }

    close(exiting) //@{2}RES-01
01|    c.rwc.Close()
    wg.Wait()
    return err
}
''')
_GOIRC = ['context', 'fmt', 'io', 'sync', 'time']
cases_of(case, GH + 'go-irc/irc/pull/66', 'client.go',
         G('irc', _GOIRC)(GOIRC), [
             (1, 'go-00-go-irc-write-error-dropped',
              'an edit drops the error of writing a message, so a dead connection keeps the bot queueing lines while '
              'the ping timeout can never end the client', 'edit'),
             (2, 'go-00-go-irc-connection-left-open-on-exit',
              'an edit stops closing the connection when RunContext ends, leaving the socket and the read loop behind',
              'edit'),
             (0, 'go-ok-00-go-irc-write-error-ends-client',
              'clean: the fix reports every write error on the error channel so the client exits', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / TMO-03: backend client of a video-chat signaling server (nextcloud-spreed-signaling)
SPREEDBACKEND = template('spreed-backend-client', r'''
// PerformJSONRequest posts a signed JSON request to the Nextcloud backend and decodes its answer. Room joins wait on
// it, so one slow backend must not hold a participant's websocket for longer than the configured timeout.
func (b *BackendClient) PerformJSONRequest(ctx context.Context, u *url.URL, request interface{}, response interface{}) error {
    if u == nil {
        return fmt.Errorf("no url passed to perform JSON request %+v", request)
    }

    client, pool, err := b.pool.Get(ctx, u)
    if err != nil {
        log.Printf("Could not get client for host %s: %s", u.Host, err)
        return err
    }
    defer pool.Put(client)

    data, err := json.Marshal(request)
    if err != nil {
        log.Printf("Could not marshal request %+v: %s", request, err)
        return err
    }

0|    ctx, cancel := context.WithTimeout(ctx, b.timeout)
0|    defer cancel()
2|    ctx, _ = context.WithTimeout(ctx, b.timeout) //@TMO-03
    req, err := http.NewRequestWithContext(ctx, "POST", u.String(), bytes.NewReader(data)) //@{1}TMO-01
    if err != nil {
        log.Printf("Could not create request to %s: %s", u, err)
        return err
    }
    req.Header.Set("Content-Type", "application/json")
    req.Header.Set("OCS-APIRequest", "true")
    AddBackendChecksum(req, data, b.backends.GetSecret(u))

    resp, err := client.Do(req)
    if err != nil {
        log.Printf("Could not send request %s to %s: %s", string(data), u, err)
        return err
    }
    defer resp.Body.Close()

    if resp.StatusCode != http.StatusOK {
        return fmt.Errorf("backend %s answered %s", u.Host, resp.Status)
    }
    return json.NewDecoder(resp.Body).Decode(response)
}
''')
_SPREED = ['bytes', 'context', 'encoding/json', 'fmt', 'log', 'net/http', 'net/url']
cases_of(case, GH + 'strukturag/nextcloud-spreed-signaling/issues/8', 'backend_client.go',
         G('signaling', _SPREED)(SPREEDBACKEND), [
             (1, 'go-00-spreed-backend-request-without-timeout',
              'an edit drops the backend timeout from the request context, so a hung Nextcloud keeps every joining '
              'participant waiting for as long as the websocket lives', 'edit'),
             (2, 'go-00-spreed-backend-timeout-cancel-dropped',
              'an edit discards the cancel function of the backend request\'s timeout context', 'edit'),
             (0, 'go-ok-00-spreed-backend-request-bounded',
              'clean: the fix bounds each backend request with the configured timeout and cancels it on return',
              'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-02: Slack API proxy of a chat integration (fortio slack-proxy)
SLACKPROXY = template('slack-proxy-post-message', r'''
// App forwards queued chat.postMessage calls to Slack, one at a time, retrying the ones Slack rate-limits.
type App struct {
    slackURL string
    token    string
    client   *http.Client
    metrics  *Metrics
}

func NewApp(cfg Config, metrics *Metrics) *App {
    return &App{
        slackURL: cfg.SlackURL,
        token:    cfg.Token,
        client: &http.Client{ //@{1}TMO-01
            Transport: newTransport(cfg.MaxConnsPerHost),
02|            Timeout:   cfg.RequestTimeout,
        },
        metrics: metrics,
    }
}

// postMessage sends one message and reports whether Slack accepted it.
func (a *App) postMessage(ctx context.Context, msg SlackMessage) error {
    body, err := json.Marshal(msg)
    if err != nil {
        return fmt.Errorf("encoding message for %s: %w", msg.Channel, err)
    }
    req, err := http.NewRequestWithContext(ctx, http.MethodPost, a.slackURL+"/chat.postMessage", bytes.NewReader(body))
    if err != nil {
        return err
    }
    req.Header.Set("Authorization", "Bearer "+a.token)
    req.Header.Set("Content-Type", "application/json; charset=utf-8")

    resp, err := a.client.Do(req)
    if err != nil {
        a.metrics.RequestsFailed.Inc()
        return fmt.Errorf("posting to slack: %w", err)
    }
01|    defer resp.Body.Close()

    if resp.StatusCode == http.StatusTooManyRequests { //@{2}RES-02
        return &RetryAfterError{After: resp.Header.Get("Retry-After")}
    }
    var reply SlackResponse
    if err := json.NewDecoder(resp.Body).Decode(&reply); err != nil {
        return fmt.Errorf("decoding slack reply: %w", err)
    }
    if !reply.Ok {
        return fmt.Errorf("slack refused message for %s: %s", msg.Channel, reply.Error)
    }
    a.metrics.RequestsSucceeded.Inc()
    return nil
}
''')
SLACKPROXYTEST = r'''
func TestNewAppBoundsSlackRequests(t *testing.T) {
    app := NewApp(Config{SlackURL: "http://127.0.0.1:1", Token: "xoxb-test", RequestTimeout: 3 * time.Second}, NewMetrics())
    if app.client.Timeout != 3*time.Second {
        t.Fatalf("client timeout = %v, want 3s", app.client.Timeout)
    }
}
'''
_SLACK = ['bytes', 'context', 'encoding/json', 'fmt', 'net/http']
cases_of(case, GH + 'fortio/slack-proxy/pull/5', 'app.go',
         G('main', _SLACK)(SLACKPROXY), [
             (1, 'go-00-slack-proxy-client-without-timeout',
              'an edit builds the Slack HTTP client without a timeout, so one stalled Slack call stops the whole '
              'message queue', 'edit'),
             (2, 'go-00-slack-proxy-reply-body-left-open',
              'an edit drops the close of the Slack reply body, leaking a connection per rate-limited message',
              'edit'),
             (0, 'go-ok-00-slack-proxy-client-with-timeout',
              'clean: the fix gives the Slack client the configured timeout and adds a test beside it', 'fix',
              [f('app_test.go', new=go('main', ['testing', 'time'], SLACKPROXYTEST))]),
         ])


# ---------------------------------------------------------------- CONC-03 / LOG-01: UDP input relay of a netplay game server (gopher64-netplay-server)
GOPHERUDP = template('gopher64-netplay-udp', r'''
// processUDP handles one datagram from a player's emulator: key input for a frame, or a request for the inputs of the
// other players. The TCP lobby adds and removes players while the UDP loop runs, so every access to Players and
// GameData holds PlayersMutex.
func (g *GameServer) processUDP(addr *net.UDPAddr, buf []byte) {
    if len(buf) < 6 {
        return
    }
    playerNumber := buf[1]
    if playerNumber >= 4 {
        return
    }

    switch buf[0] {
    case KeyInfoClient:
        count := binary.BigEndian.Uint32(buf[2:])
        keys := binary.BigEndian.Uint32(buf[6:])
02|        g.PlayersMutex.Lock()
        g.GameData.PlayerAddresses[playerNumber] = addr //@{1}CONC-03
        g.GameData.Inputs[playerNumber][count] = keys
02|        g.PlayersMutex.Unlock()
2|        g.Logger.Info("received key info", "player", playerNumber, "count", count, "keys", keys, "address", addr.String()) //@LOG-01
        g.sendUDPInput(count, addr, playerNumber, true)
    case PlayerInputRequest:
        count := binary.BigEndian.Uint32(buf[2:])
        g.PlayersMutex.Lock()
        g.GameData.PlayerAddresses[playerNumber] = addr
        g.PlayersMutex.Unlock()
        g.sendUDPInput(count, addr, playerNumber, false)
    case CP0Info:
        g.PlayersMutex.Lock()
        if g.GameData.Status&StatusDesync == 0 {
            g.GameData.SyncValues[binary.BigEndian.Uint32(buf[1:])] = append([]byte(nil), buf[5:]...)
        }
        g.PlayersMutex.Unlock()
    }
}
''')
_GOPHER = ['encoding/binary', 'net']
cases_of(case, GH + 'gopher64/gopher64-netplay-server/pull/149', 'internal/gameserver/udp.go',
         G('gameserver', _GOPHER)(GOPHERUDP), [
             (1, 'go-00-gopher64-key-info-written-unlocked',
              'an edit writes the player address and input of a key-info datagram without PlayersMutex while the '
              'lobby adds and removes players', 'edit'),
             (2, 'go-00-gopher64-key-info-logged-per-datagram',
              'an edit logs every key-info datagram at info level, sixty per player per second', 'edit'),
             (0, 'go-ok-00-gopher64-key-info-locked',
              'clean: the fix takes PlayersMutex around the key-info writes', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / CONC-01: client connections of a game's multiplayer server (OpenDiablo2), CRLF file
OD2SERVER = template('opendiablo2-game-server', r'''
// GameServer owns the connected clients of a hosted game. The network goroutine adds clients while the game loop
// broadcasts entity updates to all of them, so the connections map is guarded by connectionsMu.
type GameServer struct {
    connectionsMu sync.RWMutex
    connections   map[string]ClientConnection
    mapEngines    []*d2mapengine.MapEngine
    packetManager *d2netpacket.PacketManager
    logger        *d2util.Logger
}

// OnClientConnected registers a new client, sends it the current world and starts reading its packets.
func (g *GameServer) OnClientConnected(client ClientConnection) {
    g.logger.Infof("Client connected with an id of %s", client.GetUniqueID())

02|    g.connectionsMu.Lock()
    g.connections[client.GetUniqueID()] = client //@{1}CONC-03
02|    g.connectionsMu.Unlock()

    if err := client.SendPacketToClient(d2netpacket.CreateGenerateMapPacket(d2enum.RegionAct1Town)); err != nil {
        g.logger.Errorf("GameServer: error sending map to %s: %s", client.GetUniqueID(), err)
    }

01|    go g.handleClient(client)
2|    go g.readClientPackets(client) //@CONC-01
}

func (g *GameServer) handleClient(client ClientConnection) {
    defer func() {
        if r := recover(); r != nil {
            g.logger.Errorf("GameServer: client %s handler panicked: %v\n%s", client.GetUniqueID(), r, debug.Stack())
            g.OnClientDisconnected(client)
        }
    }()
    g.readClientPackets(client)
}

func (g *GameServer) readClientPackets(client ClientConnection) {
    for packet := range client.Packets() {
        if err := g.OnPacketReceived(client, packet); err != nil {
            g.logger.Errorf("GameServer: bad packet from %s: %s", client.GetUniqueID(), err)
        }
    }
    g.OnClientDisconnected(client)
}

// broadcastPacket sends one packet to every connected client, from the game loop.
func (g *GameServer) broadcastPacket(packet d2netpacket.NetPacket) {
    g.connectionsMu.RLock()
    defer g.connectionsMu.RUnlock()
    for id, connection := range g.connections {
        if err := connection.SendPacketToClient(packet); err != nil {
            g.logger.Errorf("GameServer: error sending packet to %s: %s", id, err)
        }
    }
}
''')
_OD2 = ['runtime/debug', 'sync', '',
        'github.com/OpenDiablo2/OpenDiablo2/d2common/d2enum',
        'github.com/OpenDiablo2/OpenDiablo2/d2common/d2util',
        'github.com/OpenDiablo2/OpenDiablo2/d2core/d2map/d2mapengine',
        'github.com/OpenDiablo2/OpenDiablo2/d2networking/d2netpacket']
cases_of(case, GH + 'OpenDiablo2/OpenDiablo2/issues/1007', 'd2networking/d2server/game_server.go',
         G('d2server', _OD2)(OD2SERVER), [
             (1, 'go-00-opendiablo2-client-added-unlocked',
              'an edit adds the new client to the connections map without the lock the broadcast loop holds, the '
              'concurrent map iteration and write of the thread', 'edit'),
             (2, 'go-00-opendiablo2-client-reader-without-recover',
              'an edit starts the client\'s packet reader directly, without the handler that recovers a panic of one '
              'client', 'edit'),
             (0, 'go-ok-00-opendiablo2-client-added-locked',
              'clean: the fix adds the client under the connections lock', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- TMO-02 / LOG-02: session of a SockJS real-time messaging server (sockjs-go)
SOCKJSSESSION = template('sockjs-go-session', r'''
// session is one SockJS session. Receivers come and go (xhr polling opens one per request), while messages from the
// application are queued in sendBuffer and frames from the client are handed over on receivedBuffer.
type session struct {
    sync.Mutex
    id             string
    state          sessionState
    receivedBuffer chan string
    sendBuffer     []string
    closeCh        chan struct{}
    timeout        time.Duration
}

// accept hands the messages of one client frame to the application. The application may never read again once the
// session is closed, so every hand-over also watches closeCh.
func (s *session) accept(messages ...string) error {
    for _, msg := range messages {
02|        select {
02|        case s.receivedBuffer <- msg:
02|        case <-s.closeCh:
2|            log.Println("sockjs: dropping message for closed session " + s.id + ": " + msg) //@LOG-02
02|            return errSessionNotOpen
02|        }
1|        s.receivedBuffer <- msg //@TMO-02
    }
    return nil
}

// Recv blocks until the client sends a message or the session closes.
func (s *session) Recv() (string, error) {
    select {
    case msg := <-s.receivedBuffer:
        return msg, nil
    case <-s.closeCh:
        return "", errSessionNotOpen
    }
}

func (s *session) close() {
    s.Lock()
    defer s.Unlock()
    if s.state == sessionClosed {
        return
    }
    s.state = sessionClosed
    close(s.closeCh)
}
''')
_SOCKJS = ['log', 'sync', 'time']
cases_of(case, GH + 'igm/sockjs-go/pull/1', 'sockjs/session.go',
         G('sockjs', _SOCKJS)(SOCKJSSESSION), [
             (1, 'go-00-sockjs-accept-blocks-after-close',
              'an edit hands received messages over with a bare channel send, so a handler goroutine stays blocked '
              'for good once the session is closed and nobody reads', 'edit'),
             (2, 'go-00-sockjs-dropped-message-concatenated',
              'an edit logs every message dropped for a closed session by concatenating the session id and payload',
              'edit'),
             (0, 'go-ok-00-sockjs-accept-watches-close',
              'clean: the fix hands each message over in a select that also watches the session\'s close channel',
              'fix'),
         ])


# ---------------------------------------------------------------- OPS-01 / RES-03: listener of an IMAP server (imapsrv)
IMAPSRV = template('imapsrv-server-stop', r'''
// Server accepts IMAP clients on its listeners and serves each one on its own goroutine.
type Server struct {
    config    *config
    listeners []net.Listener
    quit      chan struct{}
    clients   sync.WaitGroup
}

// runListener accepts clients until the listener is closed by Stop.
func (s *Server) runListener(listener net.Listener, id int) {
    for {
        conn, err := listener.Accept()
        if err != nil {
            select {
            case <-s.quit:
                return
            default:
            }
            log.Printf("IMAP listener %d stopped accepting: %s", id, err)
            return
        }
        s.clients.Add(1)
        go s.handle(conn, id)
2|        defer conn.Close() //@RES-03
    }
}

func (s *Server) handle(conn net.Conn, listenerID int) {
    defer s.clients.Done()
    defer conn.Close()
    defer func() {
        if r := recover(); r != nil {
            log.Printf("IMAP client %s on listener %d panicked: %v", conn.RemoteAddr(), listenerID, r)
        }
    }()
    sess := createSession(s.config, conn)
    if err := sess.serve(); err != nil {
        log.Printf("IMAP client %s on listener %d: %s", conn.RemoteAddr(), listenerID, err)
    }
}

// Stop closes every listener, then waits for the clients being served to finish their current command and log out.
func (s *Server) Stop() {
    close(s.quit)
    for _, l := range s.listeners {
        if err := l.Close(); err != nil {
            log.Printf("IMAP listener close: %s", err)
        }
    }
02|    s.clients.Wait()
    log.Print("IMAP server stopped") //@{1}OPS-01
}
''')
_IMAP = ['log', 'net', 'sync']
cases_of(case, GH + 'alienscience/imapsrv/issues/8', 'imap.go',
         G('imapsrv', _IMAP)(IMAPSRV), [
             (1, 'go-00-imapsrv-stop-does-not-wait-for-clients',
              'an edit makes Stop return once the listeners are closed, without waiting for the clients still being '
              'served', 'edit'),
             (2, 'go-00-imapsrv-accept-loop-defers-close',
              'an edit defers each accepted connection\'s close inside the accept loop, so no client socket is closed '
              'before the listener stops', 'edit'),
             (0, 'go-ok-00-imapsrv-stop-waits-for-clients',
              'clean: the fix makes Stop wait for the served clients after closing the listeners', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / ERR-01: connection routines of a Mumble voice-chat client (gumble), new file
GUMBLEROUTINES = template('gumble-conn-routines', r'''
// startReading runs the packet reader of a freshly connected client; the pinger starts once the server sync arrives.
func (c *Client) startReading() {
    go c.readRoutine() //@{1}CONC-01
}

// readRoutine reads packets from the server until the connection ends, hands each one to its handler and, when the
// server goes away hard, reports the disconnect to the listeners exactly once.
func (c *Client) readRoutine() {
02|    defer func() {
02|        if r := recover(); r != nil {
02|            c.disconnectEvent.Type = DisconnectError
02|            c.disconnectEvent.String = fmt.Sprint("gumble: read routine panicked: ", r)
02|            c.Conn.Close()
02|        }
02|        c.Listeners.onDisconnect(&c.disconnectEvent)
02|    }()
1|    defer c.Listeners.onDisconnect(&c.disconnectEvent)
    c.disconnectEvent = DisconnectEvent{Client: c, Type: DisconnectError}

    for {
        pType, data, err := c.Conn.ReadPacket()
        if err != nil {
            return
        }
        if int(pType) >= len(handlers) {
            continue
        }
01|        if err := handlers[pType](c, data); err != nil {
01|            c.disconnectEvent.String = err.Error()
01|            c.Conn.Close()
01|            return
01|        }
2|        handlers[pType](c, data) //@ERR-01
    }
}
''')
_GUMBLE = {0: ['fmt'], 1: [], 2: ['fmt']}
cases_of(case, GH + 'layeh/gumble/issues/52', 'gumble/routines.go',
         GV('gumble', _GUMBLE)(GUMBLEROUTINES), [
             (1, 'go-00-gumble-new-read-routine-without-recover',
              'a new file runs the packet read routine with no recover, so a packet that makes a handler panic when the '
              'server drops hard takes the whole bot down', 'new'),
             (2, 'go-00-gumble-new-handler-error-dropped',
              'a new file drops the error each packet handler returns and keeps reading after a malformed packet',
              'new'),
             (0, 'go-ok-00-gumble-new-read-routine-recovers',
              'clean: a new file whose read routine recovers, reports the disconnect and stops on a handler error',
              'new'),
         ])


# ---------------------------------------------------------------- CONC-03 / CONC-02: connection of a game-server framework (zinx)
ZINXCONN = template('zinx-connection-send', r'''
// SendBuffMsg packs a message and queues it for the buffered writer goroutine. Stop closes msgBuffChan under
// msgLock, so the closed check and the send stay under the same lock.
func (c *Connection) SendBuffMsg(msgID uint32, data []byte) error {
02|    c.msgLock.RLock()
02|    defer c.msgLock.RUnlock()
    if c.isClosed { //@{1}CONC-03
        return errors.New("connection closed when send buff msg")
    }

    msg, err := c.packet.Pack(NewMsgPackage(msgID, data))
    if err != nil {
        zlog.Errorf("pack error msg ID = %d", msgID)
        return errors.New("pack error msg")
    }

01|    c.msgBuffChan <- msg
2|    go func() { c.msgBuffChan <- msg }() //@CONC-02
    return nil
}

// Stop marks the connection closed, stops the reader and writer and closes the buffered channel once.
func (c *Connection) Stop() {
    c.msgLock.Lock()
    defer c.msgLock.Unlock()
    if c.isClosed {
        return
    }
    c.isClosed = true
    c.cancel()
    c.conn.Close()
    c.TCPServer.GetConnMgr().Remove(c)
    close(c.msgBuffChan)
    c.TCPServer.CallOnConnStop(c)
}
''')
_ZINX = ['errors', '', 'github.com/aceld/zinx/zlog']
cases_of(case, GH + 'aceld/zinx/pull/94', 'znet/connection.go',
         G('znet', _ZINX)(ZINXCONN), [
             (1, 'go-00-zinx-send-buff-msg-checks-closed-unlocked',
              'an edit reads the closed flag and sends on the buffered channel without the lock Stop holds, so a '
              'client closing mid-send panics the server with a send on a closed channel', 'edit'),
             (2, 'go-00-zinx-send-buff-msg-goroutine-per-message',
              'an edit queues every buffered message from a goroutine of its own, an unbounded pile of parked senders '
              'behind a slow client', 'edit'),
             (0, 'go-ok-00-zinx-send-buff-msg-locked',
              'clean: the fix widens the lock over the closed check and the send', 'fix'),
         ])


# ---------------------------------------------------------------- OPS-01 / CONC-01: TCP server of an XMPP library (xmpp), renamed file
XMPPSERVER = template('xmpp-tcp-server', r'''
// TCPServer accepts XMPP client streams and answers each one on its own goroutine until Shutdown.
type TCPServer struct {
    Addr     string
    Handler  func(net.Conn) error
    Log      Logging
    listener net.Listener
    done     chan struct{}
    streams  sync.WaitGroup
}

func (s *TCPServer) ListenAndServe() error {
    l, err := net.Listen("tcp", s.Addr)
    if err != nil {
        return err
    }
    s.listener = l
    s.done = make(chan struct{})
    for {
        conn, err := l.Accept()
        if err != nil {
            select {
            case <-s.done:
                return nil
            default:
                return fmt.Errorf("xmpp: accept: %w", err)
            }
        }
        s.streams.Add(1)
01|        go s.answer(conn)
2|        go func() { //@CONC-01
2|            defer s.streams.Done()
2|            defer conn.Close()
2|            if err := s.Handler(conn); err != nil {
2|                s.Log.Error(fmt.Sprintf("xmpp: stream from %s: %v", conn.RemoteAddr(), err))
2|            }
2|        }()
    }
}

func (s *TCPServer) answer(conn net.Conn) {
    defer s.streams.Done()
    defer conn.Close()
    defer func() {
        if r := recover(); r != nil {
            s.Log.Error(fmt.Sprintf("xmpp: stream from %s panicked: %v", conn.RemoteAddr(), r))
        }
    }()
    if err := s.Handler(conn); err != nil {
        s.Log.Error(fmt.Sprintf("xmpp: stream from %s: %v", conn.RemoteAddr(), err))
    }
}

// Shutdown stops accepting streams and waits for the open ones to be answered.
func (s *TCPServer) Shutdown() error {
    close(s.done)
    err := s.listener.Close()
02|    s.streams.Wait()
    return err //@{1}OPS-01
}
''')
_XMPP = ['fmt', 'net', 'sync']
cases_of(case, GH + 'tam7t/xmpp/issues/4', 'tcp_server.go',
         G('xmpp', _XMPP)(XMPPSERVER), [
             (1, 'go-00-xmpp-renamed-shutdown-does-not-wait',
              'a move of the example server into the library whose Shutdown closes the listener and returns at once, '
              'cutting off the streams still being answered', 'rename'),
             (2, 'go-00-xmpp-renamed-stream-goroutine-without-recover',
              'a move of the example server whose accept loop answers each stream in an inline goroutine with no '
              'recover', 'rename'),
             (0, 'go-ok-00-xmpp-renamed-shutdown-waits',
              'clean: the move alone; streams are answered with a recover and Shutdown waits for them', 'rename'),
         ], rename_from='example/server.go',
         rename_old=lambda t: t.replace('package xmpp', 'package main', 1))
