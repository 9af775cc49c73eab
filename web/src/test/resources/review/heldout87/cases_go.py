"""Round-87 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- TMO-01 / RES-02: training client of a chess engine (lczero-client)
LCZERO = template('lczero-client-http', r'''
// Client talks to the training server: it asks for the next game to play and uploads the finished ones.
type Client struct {
    host string
    http *http.Client
}

// NewClient returns a client for the training server at host.
func NewClient(host string) *Client {
    return &Client{
        host: strings.TrimSuffix(host, "/"),
02|        http: &http.Client{Timeout: 5 * time.Minute},
1|        http: &http.Client{}, //@TMO-01
    }
}

// NextGame asks the server what to play next with the given credentials and engine version.
func (c *Client) NextGame(params url.Values) (*NextGameResponse, error) {
    resp, err := c.http.PostForm(c.host+"/next_game", params)
    if err != nil {
        return nil, fmt.Errorf("next_game: %w", err)
    }
    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return nil, fmt.Errorf("next_game: %s", resp.Status)
    }
    var next NextGameResponse
    if err := json.NewDecoder(resp.Body).Decode(&next); err != nil {
        return nil, fmt.Errorf("decode next_game: %w", err)
    }
    return &next, nil
}

// UploadGame sends one finished training game, gzipped, with the parameters that identify who played it.
func (c *Client) UploadGame(ctx context.Context, params url.Values, game []byte) error {
    req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.host+"/upload_game?"+params.Encode(), bytes.NewReader(game))
    if err != nil {
        return err
    }
    req.Header.Set("Content-Type", "application/octet-stream")
    req.Header.Set("Content-Encoding", "gzip")
    resp, err := c.http.Do(req)
    if err != nil { //@{2}RES-02
        return fmt.Errorf("upload_game: %w", err)
    }
01|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return fmt.Errorf("upload_game: %s", resp.Status)
    }
    _, err = io.Copy(io.Discard, resp.Body)
    return err
}
''')
cases_of(case, GH + 'LeelaChessZero/lczero-client/pull/144', 'client/client.go',
         G('client', ['bytes', 'context', 'encoding/json', 'fmt', 'io', 'net/http', 'net/url', 'strings', 'time'])(LCZERO), [
             (1, 'go-00-lczero-client-http-client-without-timeout',
              'an edit drops the timeout of the training client, so a training server that accepts the connection and '
              'never answers stalls the contributor\'s client forever', 'edit'),
             (2, 'go-00-lczero-client-upload-body-never-closed',
              'an edit no longer closes the response of a game upload, so every rejected upload keeps its connection '
              'and the client runs out of them over a night of games', 'edit'),
             (0, 'go-ok-00-lczero-client-http-client-with-timeout',
              'clean: the fix gives the training client its timeout back', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / TMO-03: matchmaking frontend of a sample game (space-agon)
SPACEAGON = template('space-agon-frontend', r'''
// streamAssignment creates a matchmaking ticket for the player on the websocket and sends the player the game server
// open-match assigns; it returns once the assignment is sent, matchmaking fails or the player goes away.
func streamAssignment(ctx context.Context, ws *websocket.Conn, fe pb.FrontendServiceClient) error {
01|    ctx, cancel := context.WithCancel(ctx)
01|    defer cancel()
2|    ctx, _ = context.WithCancel(ctx) //@TMO-03

    ticket, err := fe.CreateTicket(ctx, &pb.CreateTicketRequest{Ticket: &pb.Ticket{}})
    if err != nil {
        return fmt.Errorf("create ticket: %w", err)
    }
    defer deleteTicket(fe, ticket.Id)

    assignments := make(chan *pb.Assignment)
    errs := make(chan error, 1)
    go func() {
02|        stream, err := fe.WatchAssignments(ctx, &pb.WatchAssignmentsRequest{TicketId: ticket.Id})
1|        stream, err := fe.WatchAssignments(context.Background(), &pb.WatchAssignmentsRequest{TicketId: ticket.Id}) //@TMO-02
        if err != nil {
            errs <- fmt.Errorf("watch assignments: %w", err)
            return
        }
        for {
            resp, err := stream.Recv()
            if err != nil {
                errs <- fmt.Errorf("stream assignment: %w", err)
                return
            }
            select {
            case assignments <- resp.Assignment:
            case <-ctx.Done():
                return
            }
        }
    }()

    select {
    case assignment := <-assignments:
        return websocket.JSON.Send(ws, assignment)
    case err := <-errs:
        return err
    case <-ctx.Done():
        return ctx.Err()
    }
}

// deleteTicket removes the player's ticket once the player has a server or has left; it runs after the request
// context may be gone, so it gets its own short deadline.
func deleteTicket(fe pb.FrontendServiceClient, ticketID string) {
    ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
    defer cancel()
    if _, err := fe.DeleteTicket(ctx, &pb.DeleteTicketRequest{TicketId: ticketID}); err != nil {
        log.Printf("delete ticket %s: %v", ticketID, err)
    }
}
''')
cases_of(case, GH + 'googleforgames/space-agon/pull/47', 'frontend/frontend.go',
         G('main', ['context', 'fmt', 'log', 'time', '', 'open-match.dev/open-match/pkg/pb',
                    'golang.org/x/net/websocket'])(SPACEAGON), [
             (1, 'go-00-space-agon-watch-assignments-on-background-context',
              'an edit watches the ticket\'s assignments on a background context, so when the player closes the '
              'browser the watching goroutine and its stream to open-match stay until an assignment comes', 'edit'),
             (2, 'go-00-space-agon-cancel-of-watch-context-discarded',
              'an edit derives the watch context without keeping its cancel function, so a returned handler never '
              'stops the goroutine that still waits on the assignment stream', 'edit'),
             (0, 'go-ok-00-space-agon-watch-on-request-context',
              'clean: the fix watches the assignments on the handler\'s own cancellable context', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: process wrapper of a Minecraft server (minecraft-wrapper)
MCWRAPPER = template('minecraft-wrapper-lifecycle', r'''
// Start launches the server JVM and the goroutines that read its console and poll its tick rate; Stop ends them all.
func (w *Wrapper) Start(ctx context.Context) error {
    ctx, cancel := context.WithCancel(ctx)
    cmd := exec.CommandContext(ctx, w.javaPath, w.jvmArgs()...)
    cmd.Dir = w.serverDir
    stdout, err := cmd.StdoutPipe()
    if err != nil {
        cancel()
        return err
    }
    stdin, err := cmd.StdinPipe()
    if err != nil {
        cancel()
        return err
    }
    if err := cmd.Start(); err != nil {
        cancel()
        return fmt.Errorf("start server: %w", err)
    }
    w.cmd, w.stdin, w.cancel = cmd, stdin, cancel
    go w.readConsole(stdout)
    go w.pollTPS(ctx)
    return nil
}

// pollTPS asks the server for its tick rate every interval until the wrapper stops.
func (w *Wrapper) pollTPS(ctx context.Context) {
    ticker := time.NewTicker(w.tpsInterval) //@{1}RES-01
02|    defer ticker.Stop()
    for {
        select {
        case <-ctx.Done():
            return
        case <-ticker.C:
            if err := w.send("forge tps"); err != nil {
                w.emit(ErrorEvent{Err: err})
            }
        }
    }
}

// Stop asks the server to save the world and stop, and waits for the process to end.
func (w *Wrapper) Stop() error {
    defer w.cancel()
01|    if err := w.send("stop"); err != nil {
01|        return fmt.Errorf("send stop: %w", err)
01|    }
2|    w.send("stop") //@ERR-01
    return w.cmd.Wait()
}

func (w *Wrapper) send(command string) error {
    _, err := io.WriteString(w.stdin, command+"\n")
    return err
}
''')
cases_of(case, GH + 'wlwanpan/minecraft-wrapper/pull/6', 'wrapper.go',
         G('wrapper', ['context', 'fmt', 'io', 'os/exec', 'time'])(MCWRAPPER), [
             (1, 'go-00-minecraft-wrapper-tps-ticker-never-stopped',
              'an edit no longer stops the tick-rate ticker when the wrapper stops, so every start and stop of the '
              'server leaves a live ticker behind', 'edit'),
             (2, 'go-00-minecraft-wrapper-stop-command-error-dropped',
              'an edit drops the error of writing the stop command, so a server whose console pipe is broken is '
              'waited on forever instead of being reported', 'edit'),
             (0, 'go-ok-00-minecraft-wrapper-ticker-stopped',
              'clean: the fix stops the ticker when polling ends', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / CONC-02: server-list query daemon of a SA-MP backend (samp-servers-api)
SAMPQUERY = template('samp-query-daemon', r'''
// QueryDaemon queries every listed SA-MP server on its own schedule and keeps the latest answer of each.
type QueryDaemon struct {
    pool          *tickerpool.TickerPool
    interval      time.Duration
    timeout       time.Duration
    maxConcurrent int

    mu       sync.Mutex
    servers  map[string]ServerInfo
    failures map[string]int
}

// Add starts querying the server at address every interval.
func (d *QueryDaemon) Add(address string) {
    d.pool.Add(address, d.interval, func() {
        d.refresh(address)
    })
}

func (d *QueryDaemon) refresh(address string) {
    info, err := query(address, d.timeout)
    if err != nil {
        d.recordFailure(address, err)
        return
    }
02|    d.mu.Lock()
    d.servers[address] = info //@{1}CONC-03
02|    d.mu.Unlock()
}

func (d *QueryDaemon) recordFailure(address string, err error) {
    d.mu.Lock()
    defer d.mu.Unlock()
    d.failures[address]++
    if d.failures[address] == maxFailures {
        log.Printf("%s failed %d queries in a row, last: %v", address, maxFailures, err)
    }
}

// Refresh queries every listed server once, at most maxConcurrent at a time, and waits for all of them.
func (d *QueryDaemon) Refresh(addresses []string) {
    var wg sync.WaitGroup
01|    sem := make(chan struct{}, d.maxConcurrent)
    for _, address := range addresses {
        wg.Add(1)
01|        sem <- struct{}{}
        go func(address string) { //@{2}CONC-02
            defer wg.Done()
01|            defer func() { <-sem }()
            d.refresh(address)
        }(address)
    }
    wg.Wait()
}
''')
cases_of(case, GH + 'Southclaws/samp-servers-api/issues/18', 'query_daemon.go',
         G('main', ['log', 'sync', 'time', '', 'github.com/Southclaws/tickerpool'])(SAMPQUERY), [
             (1, 'go-00-samp-query-daemon-server-map-written-unlocked',
              'an edit stores each query answer in the shared server map after releasing the lock, so two ticker '
              'callbacks writing at once crash the listing backend with a concurrent map write', 'edit'),
             (2, 'go-00-samp-query-daemon-goroutine-per-server',
              'an edit drops the semaphore of the full refresh, so a list of thousands of servers starts thousands '
              'of UDP queries at once', 'edit'),
             (0, 'go-ok-00-samp-query-daemon-server-map-locked',
              'clean: the fix writes the answer while the lock is held', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / LOG-01: game hub of a Skull King card game server (skullking), new file
SKULLKING = template('skullking-hub', r'''
// Hub keeps the games being played and hands out the ones players join; the websocket handlers of many players use
// it at once.
type Hub struct {
    mu    sync.Mutex
    games map[string]*Game
}

// NewHub returns an empty hub.
func NewHub() *Hub {
    return &Hub{games: make(map[string]*Game)}
}

// Join returns the game with the given id, creating it for its first player, and seats the player in it.
func (h *Hub) Join(gameID string, player *Player) (*Game, error) {
02|    h.mu.Lock()
    game, ok := h.games[gameID]
    if !ok {
        game = newGame(gameID)
        h.games[gameID] = game //@{1}CONC-03
    }
02|    h.mu.Unlock()
    if err := game.Seat(player); err != nil {
        return nil, fmt.Errorf("join game %s: %w", gameID, err)
    }
    return game, nil
}

// Remove forgets a finished or abandoned game.
func (h *Hub) Remove(gameID string) {
    h.mu.Lock()
    defer h.mu.Unlock()
    delete(h.games, gameID)
}

// Broadcast sends the event to every seated player; a player whose connection fails is unseated.
func (h *Hub) Broadcast(game *Game, event Event) {
    for _, player := range game.Players() {
2|        log.Printf("game %s: sending %s to %s", game.ID, event.Type, player.Username) //@LOG-01
        if err := player.Conn.WriteJSON(event); err != nil {
            h.unseat(game, player, err)
        }
    }
}

// unseat drops a player whose connection failed; the others play on.
func (h *Hub) unseat(game *Game, player *Player, err error) {
    log.Printf("game %s: unseating %s: %v", game.ID, player.Username, err)
    game.Unseat(player.ID)
}
''')
cases_of(case, GH + 'AmirRezaM75/skullking/pull/9', 'server/handlers/hub.go',
         G('handlers', ['fmt', 'log', 'sync'])(SKULLKING), [
             (1, 'go-00-skullking-new-hub-game-map-written-unlocked',
              'a new game hub creates games in a map shared by every websocket handler without its lock, so two '
              'players opening a game at the same moment crash the server with a concurrent map write', 'new'),
             (2, 'go-00-skullking-new-hub-logs-every-broadcast',
              'a new game hub logs every event sent to every player, so each trick of each game writes a log line per '
              'seat', 'new'),
             (0, 'go-ok-00-skullking-new-hub',
              'clean: a new game hub that guards its map and logs only failed sends', 'new'),
         ])


# ---------------------------------------------------------------- CONC-01 / ERR-01: plugin dispatcher of a chat bot (onebot), new file
ONEBOT = template('onebot-dispatcher', r'''
// Dispatcher hands every incoming message to the plugins that want it, each on its own goroutine, so that a slow
// plugin does not hold up the others and a broken one does not take the bot down.
type Dispatcher struct {
    plugins []Plugin
    log     *log.Logger
}

// NewDispatcher returns a dispatcher for the loaded plugins.
func NewDispatcher(plugins []Plugin, logger *log.Logger) *Dispatcher {
    return &Dispatcher{plugins: plugins, log: logger}
}

// Dispatch runs every interested plugin on msg and returns without waiting for them.
func (d *Dispatcher) Dispatch(msg *Message) {
    for _, p := range d.plugins {
        if !p.Wants(msg) {
            continue
        }
        go d.run(p, msg) //@{1}CONC-01
    }
}

func (d *Dispatcher) run(p Plugin, msg *Message) {
02|    defer func() {
02|        if r := recover(); r != nil {
02|            d.log.Printf("plugin %s crashed on message %s: %v\n%s", p.Name(), msg.ID, r, debug.Stack())
02|        }
02|    }()
01|    if err := p.Handle(msg); err != nil {
01|        d.log.Printf("plugin %s failed on message %s: %v", p.Name(), msg.ID, err)
01|    }
2|    p.Handle(msg) //@ERR-01
}
''')
cases_of(case, GH + 'TheDiscordian/onebot/issues/8', 'dispatch.go',
         GV('onebot', {0: ['log', 'runtime/debug'], 1: ['log'], 2: ['log', 'runtime/debug']})(ONEBOT), [
             (1, 'go-00-onebot-new-dispatcher-plugin-goroutine-without-recover',
              'a new dispatcher runs each plugin on a goroutine without a recover, so one plugin that panics on an '
              'odd message takes the whole bot and all its chat connections down', 'new'),
             (2, 'go-00-onebot-new-dispatcher-plugin-error-dropped',
              'a new dispatcher drops the error a plugin returns, so a plugin that fails on every message does so '
              'without a trace', 'new'),
             (0, 'go-ok-00-onebot-new-dispatcher',
              'clean: a new dispatcher that recovers each plugin goroutine and logs plugin errors', 'new'),
         ])


# ---------------------------------------------------------------- ERR-01 / TMO-02: command router of a Discord library (arikawa)
ARIKAWA = template('arikawa-call-command', r'''
// callCommand runs the command a message invokes, bounded by the router's command timeout, and sends what the
// command returns back to the channel the message came from.
func (ctx *Context) callCommand(cctx context.Context, ev *gateway.MessageCreateEvent, cmd *MethodContext, args []string) error {
02|    reply, err := cmd.call(cctx, ev, args)
1|    reply, err := cmd.call(context.Background(), ev, args) //@TMO-02
    if err != nil {
        return ctx.replyError(ev, err)
    }
    if reply == nil {
        return nil
    }

    data, err := toSendData(reply)
    if err != nil {
        return fmt.Errorf("command %s: %w", cmd.Command, err)
    }
01|    if _, err := ctx.SendMessageComplex(ev.ChannelID, data); err != nil {
01|        return fmt.Errorf("failed to send reply of %s: %w", cmd.Command, err)
01|    }
2|    ctx.SendMessageComplex(ev.ChannelID, data) //@ERR-01
    return nil
}

// replyError tells the user what went wrong when the error is meant for users, and hands it to the error
// handler otherwise.
func (ctx *Context) replyError(ev *gateway.MessageCreateEvent, err error) error {
    var userErr *UserError
    if !errors.As(err, &userErr) {
        return err
    }
    if _, sendErr := ctx.SendMessage(ev.ChannelID, userErr.Error()); sendErr != nil {
        return fmt.Errorf("failed to send error reply: %w", sendErr)
    }
    return nil
}
''')
cases_of(case, GH + 'diamondburned/arikawa/issues/219', 'bot/ctx_call.go',
         G('bot', ['context', 'errors', 'fmt', '', 'github.com/diamondburned/arikawa/v3/gateway'])(ARIKAWA), [
             (1, 'go-00-arikawa-command-called-on-background-context',
              'an edit calls the command on a background context instead of the one the router bounds, so a command '
              'that waits on a slow API keeps running long after the router gave up on it', 'edit'),
             (2, 'go-00-arikawa-reply-send-error-dropped',
              'an edit drops the error of sending the command\'s reply, so a bot without permission to write in a '
              'channel answers nothing and reports nothing', 'edit'),
             (0, 'go-ok-00-arikawa-command-on-router-context',
              'clean: the fix passes the router\'s context to the command again', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / CONC-03: Twitch client of a QQ bot (DDBOT-WSa), renamed file
DDBOT = template('ddbot-twitch-client', r'''
const (
    helixBase      = "https://api.twitch.tv/helix"
    requestTimeout = 15 * time.Second
)

// Client calls the Twitch Helix API with an app token that it fetches on first use and again after a 401.
type Client struct {
    clientID     string
    clientSecret string
    http         *http.Client

    mu    sync.Mutex
    token string
}

// NewClient returns a client for the application's credentials; requests go through the proxy of the environment.
func NewClient(clientID, clientSecret string) *Client {
    transport := &http.Transport{Proxy: http.ProxyFromEnvironment, MaxIdleConnsPerHost: 4}
    return &Client{
        clientID:     clientID,
        clientSecret: clientSecret,
        http:         &http.Client{Timeout: requestTimeout, Transport: transport},
    }
}

// Get fetches a Helix path and decodes the answer into out.
func (c *Client) Get(ctx context.Context, path string, query url.Values, out interface{}) error {
    token, err := c.appToken(ctx)
    if err != nil {
        return err
    }
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, helixBase+path+"?"+query.Encode(), nil)
    if err != nil {
        return err
    }
    req.Header.Set("Client-Id", c.clientID)
    req.Header.Set("Authorization", "Bearer "+token)
02|    resp, err := c.http.Do(req)
1|    client := &http.Client{Timeout: requestTimeout, Transport: &http.Transport{Proxy: http.ProxyFromEnvironment}} //@RES-04
1|    resp, err := client.Do(req)
    if err != nil {
        return err
    }
    defer resp.Body.Close()
    if resp.StatusCode == http.StatusUnauthorized {
01|        c.mu.Lock()
        c.token = "" //@{2}CONC-03
01|        c.mu.Unlock()
        return ErrTokenExpired
    }
    if resp.StatusCode != http.StatusOK {
        return fmt.Errorf("helix %s: %s", path, resp.Status)
    }
    return json.NewDecoder(resp.Body).Decode(out)
}

func (c *Client) appToken(ctx context.Context) (string, error) {
    c.mu.Lock()
    defer c.mu.Unlock()
    if c.token != "" {
        return c.token, nil
    }
    token, err := fetchAppToken(ctx, c.http, c.clientID, c.clientSecret)
    if err != nil {
        return "", err
    }
    c.token = token
    return token, nil
}
''')
cases_of(case, GH + 'cnxysoft/DDBOT-WSa/pull/21', 'lsp/twitch/client.go',
         G('twitch', ['context', 'encoding/json', 'fmt', 'net/http', 'net/url', 'sync', 'time'])(DDBOT), [
             (1, 'go-00-ddbot-renamed-twitch-client-per-request',
              'a PR renames the Twitch API file and builds a new client and transport for every Helix request, so '
              'the stream watcher opens a fresh TLS connection per poll and never reuses one', 'rename'),
             (2, 'go-00-ddbot-renamed-twitch-token-cleared-unlocked',
              'a PR renames the Twitch API file and clears the cached app token after a 401 without the lock that '
              'guards it, racing with the requests that read and refill it', 'rename'),
             (0, 'go-ok-00-ddbot-renamed-twitch-client',
              'clean: the rename alone; one shared client, the token cleared under its lock', 'rename'),
         ], rename_from='lsp/twitch/api.go')


# ---------------------------------------------------------------- CONC-01 / TX-01: element combination of a Discord game bot (Nv7Haven)
NV7 = template('nv7haven-combine', r'''
// Combine records that elem1 and elem2 make result, creating result when it is new, and announces a new element in
// the guild's news channel.
func (e *Elemental) Combine(ctx context.Context, guild, elem1, elem2, result, author string) error {
    tx, err := e.db.BeginTx(ctx, nil)
    if err != nil { //@{2}TX-01
        return err
    }
01|    defer tx.Rollback()

    res, err := tx.ExecContext(ctx, "INSERT IGNORE INTO elements (guild, name, creator, created) VALUES (?, ?, ?, ?)",
        guild, result, author, time.Now().Unix())
    if err != nil {
        return err
    }
    if _, err := tx.ExecContext(ctx, "INSERT INTO combos (guild, elem1, elem2, elem3) VALUES (?, ?, ?, ?)",
        guild, elem1, elem2, result); err != nil {
        return err
    }
    if err := tx.Commit(); err != nil {
        return err
    }

    if created, _ := res.RowsAffected(); created == 0 {
        return nil
    }
    news := fmt.Sprintf("🆕 Element **%s** (%s + %s), created by <@%s>", result, elem1, elem2, author)
    go func() { //@{1}CONC-01
02|        defer e.recoverPanic("announce " + result)
        e.announce(guild, news)
    }()
    return nil
}
''')
cases_of(case, GH + 'Nv7-GitHub/Nv7Haven/issues/13', 'elemental/combine.go',
         G('elemental', ['context', 'fmt', 'time'])(NV7), [
             (1, 'go-00-nv7haven-announce-goroutine-without-recover',
              'an edit drops the recover of the goroutine that announces a new element, so a nil channel in one '
              'guild\'s settings panics and restarts the whole bot', 'edit'),
             (2, 'go-00-nv7haven-combine-tx-not-rolled-back',
              'an edit drops the deferred rollback of the combination transaction, so every failed insert leaves '
              'its transaction, and its pooled connection, open', 'edit'),
             (0, 'go-ok-00-nv7haven-announce-goroutine-recovers',
              'clean: the fix recovers in the announcing goroutine again', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / ERR-01: IRC connection of a chat bot framework (go-chat-bot), two hunks
CHATBOT = template('go-chat-bot-irc-connect', r'''
const (
02|    dialTimeout  = 30 * time.Second
    pingInterval = 2 * time.Minute
    nickRetries  = 3
)

// ircBot is the IRC side of the bot: one connection, the channels it joins and the nick it registered.
type ircBot struct {
    config *Config
    conn   net.Conn
    reader *bufio.Reader
}

// Connect dials the IRC server, over TLS when configured, and registers the bot's nick and user.
func (b *ircBot) Connect() error {
02|    conn, err := net.DialTimeout("tcp", b.config.Server, dialTimeout)
1|    conn, err := net.Dial("tcp", b.config.Server) //@TMO-01
    if err != nil {
        return fmt.Errorf("dial %s: %w", b.config.Server, err)
    }
    if b.config.UseTLS {
        tlsConn := tls.Client(conn, b.config.TLSConfig)
        if err := tlsConn.Handshake(); err != nil {
            conn.Close()
            return fmt.Errorf("tls handshake with %s: %w", b.config.Server, err)
        }
        conn = tlsConn
    }
    if b.config.Password != "" {
01|        if _, err := fmt.Fprintf(conn, "PASS %s\r\n", b.config.Password); err != nil {
01|            conn.Close()
01|            return fmt.Errorf("send password: %w", err)
01|        }
2|        fmt.Fprintf(conn, "PASS %s\r\n", b.config.Password) //@ERR-01
    }
    if _, err := fmt.Fprintf(conn, "NICK %s\r\nUSER %s 0 * :%s\r\n", b.config.Nick, b.config.User, b.config.RealName); err != nil {
        conn.Close()
        return fmt.Errorf("register: %w", err)
    }
    b.conn = conn
    b.reader = bufio.NewReader(conn)
    return nil
}
''')
cases_of(case, GH + 'go-chat-bot/bot/pull/3', 'irc/irc.go',
         G('irc', ['bufio', 'crypto/tls', 'fmt', 'net', 'time'])(CHATBOT), [
             (1, 'go-00-go-chat-bot-irc-dial-without-timeout',
              'an edit dials the IRC server without a timeout (and drops the constant), so a server that drops SYN '
              'packets keeps the bot\'s reconnect loop stuck in one dial', 'edit'),
             (2, 'go-00-go-chat-bot-irc-password-write-error-dropped',
              'an edit drops the error of sending the server password, so the bot goes on registering on a dead '
              'connection and reports the wrong failure', 'edit'),
             (0, 'go-ok-00-go-chat-bot-irc-dial-with-timeout',
              'clean: the fix dials with its timeout again', 'fix'),
         ])
