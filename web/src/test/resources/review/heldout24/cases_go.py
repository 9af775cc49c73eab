"""Round-24 Go cases, written for this corpus from the checklist items (see SOURCES.md). Each template is written once
and gives three cases: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean
look-alike (round 15's common15.variant, through round 16's common16). A case is a new file, an edit that turns the
clean file into a defect, or the fix that turns the first defect into the clean file (round 16's common16.cases_of).
Names carry `00`: they are numbered in order at the end."""
from common16 import make_case, gomod, go, f, cases_of, GO_GENERATED, variant

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'


def G(pkg, imports, header=''):
    return lambda body: (lambda v: go(pkg, imports, variant(body, v), header))


def GV(pkg, imports_of):
    """Like G, but the import block depends on the version (`imports_of[v]`), as goimports would leave it."""
    return lambda body: (lambda v: go(pkg, imports_of[v], variant(body, v)))


# ---------------------------------------------------------------- CONC-03 / LOG-01: chat topic sessions (tinode chat)
TINODE = r'''
// Topic fans messages out to every session subscribed to it.
type Topic struct {
    name      string
    mu        sync.RWMutex
    sessions  map[*Session]perSessionData
    perUser   map[string]int
    broadcast chan *ServerComMessage
}

// attachSession runs on the hub goroutine when a client subscribes; the topic's own goroutine reads the map.
func (t *Topic) attachSession(s *Session, mode AccessMode) {
02|    t.mu.Lock()
02|    defer t.mu.Unlock()
    t.sessions[s] = perSessionData{mode: mode, joined: time.Now()} //@{1}CONC-03
    t.perUser[s.uid]++
}

// run delivers broadcasts to the attached sessions until the topic shuts down.
func (t *Topic) run(hub *Hub) {
    for msg := range t.broadcast {
2|        log.Printf("topic %s: dispatching %s from %s", t.name, msg.What, msg.From) //@LOG-01
        t.mu.RLock()
        for s := range t.sessions {
            if !s.queueOut(msg) {
                hub.evict <- s
            }
        }
        t.mu.RUnlock()
    }
}
'''
cases_of(case, GH + 'tinode/chat/issues/123', 'server/topic.go', G('main', ['log', 'sync', 'time'])(TINODE), [
    (1, 'go-00-tinode-chat-session-attached-without-lock',
     'an edit stores a new session from the hub goroutine without the topic lock the broadcast loop reads under',
     'edit'),
    (2, 'go-00-tinode-chat-log-line-per-dispatched-message',
     'an edit logs one line for every message the topic dispatches', 'edit'),
    (0, 'go-ok-00-tinode-chat-session-locked-quiet-dispatch',
     'clean: sessions written under the topic lock, no per-message log line', 'fix'),
])


# ---------------------------------------------------------------- CONC-03 / CONC-01: runtime event queue (nakama)
NAKAMA = r'''
// RuntimeEventQueue hands session events to the registered runtime handlers on a few worker goroutines.
type RuntimeEventQueue struct {
    logger   *zap.Logger
    mu       sync.RWMutex
    handlers map[string][]RuntimeEventFunc
    ch       chan *RuntimeEvent
}

func NewRuntimeEventQueue(logger *zap.Logger, workers, size int) *RuntimeEventQueue {
    q := &RuntimeEventQueue{logger: logger, handlers: map[string][]RuntimeEventFunc{}, ch: make(chan *RuntimeEvent, size)}
    for i := 0; i < workers; i++ {
01|        go q.work()
2|        go func() { //@CONC-01
2|            for evt := range q.ch {
2|                q.dispatch(evt)
2|            }
2|        }()
    }
    return q
}

// Register adds a handler; runtime modules call it while the server already delivers events.
func (q *RuntimeEventQueue) Register(name string, fn RuntimeEventFunc) {
02|    q.mu.Lock()
02|    defer q.mu.Unlock()
    q.handlers[name] = append(q.handlers[name], fn) //@{1}CONC-03
}

func (q *RuntimeEventQueue) work() {
    for evt := range q.ch {
        q.safeDispatch(evt)
    }
}

// safeDispatch keeps a panicking handler from taking the whole server down.
func (q *RuntimeEventQueue) safeDispatch(evt *RuntimeEvent) {
    defer func() {
        if r := recover(); r != nil {
            q.logger.Error("runtime event handler panicked", zap.String("event", evt.Name), zap.Any("panic", r))
        }
    }()
    q.dispatch(evt)
}

func (q *RuntimeEventQueue) dispatch(evt *RuntimeEvent) {
    q.mu.RLock()
    fns := q.handlers[evt.Name]
    q.mu.RUnlock()
    for _, fn := range fns {
        fn(evt)
    }
}
'''
cases_of(case, GH + 'heroiclabs/nakama/issues/969', 'server/runtime_event.go',
         G('server', ['sync', '', 'go.uber.org/zap'])(NAKAMA), [
             (1, 'go-00-nakama-event-handler-registered-without-lock',
              'an edit appends a runtime handler to the shared map without the lock the workers read under', 'edit'),
             (2, 'go-00-nakama-event-workers-without-recover',
              'an edit runs the event workers on bare goroutines, so one panicking handler ends the server', 'edit'),
             (0, 'go-ok-00-nakama-handlers-locked-workers-recover',
              'clean: handlers registered under the lock, each event dispatched behind a recover', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / CONC-02: chunk world (dragonfly)
DRAGONFLY = r'''
// World holds the loaded chunks and entities of one dimension. The tick goroutine adds and moves entities.
type World struct {
    mu       sync.Mutex
    entities map[Entity]ChunkPos
    gen      Generator
    genQueue chan ChunkPos
    loaded   chan *LoadedChunk
}

// EntitiesWithin returns the entities whose chunk lies inside the box; command handlers call it.
func (w *World) EntitiesWithin(box BBox) []Entity {
    var found []Entity
02|    w.mu.Lock()
02|    defer w.mu.Unlock()
    for e, pos := range w.entities { //@{1}CONC-03
        if box.ContainsChunk(pos) {
            found = append(found, e)
        }
    }
    return found
}

// requestChunks queues generation of every chunk a viewer is missing; the generator workers drain genQueue.
func (w *World) requestChunks(missing []ChunkPos) {
    for _, pos := range missing {
01|        w.genQueue <- pos
2|        go w.generate(pos) //@CONC-02|CONC-01
    }
}

func (w *World) generate(pos ChunkPos) {
    c := NewChunk(pos)
    w.gen.GenerateChunk(pos, c)
    w.loaded <- &LoadedChunk{Pos: pos, Chunk: c}
}
'''
cases_of(case, GH + 'df-mc/dragonfly/issues/522', 'server/world/world.go', G('world', ['sync'])(DRAGONFLY), [
    (1, 'go-00-dragonfly-entities-ranged-without-lock',
     'an edit ranges over the entity map without the world lock while the tick goroutine writes it', 'edit'),
    (2, 'go-00-dragonfly-goroutine-per-missing-chunk',
     'an edit generates every missing chunk on its own goroutine instead of the bounded generator queue', 'edit'),
    (0, 'go-ok-00-dragonfly-entities-locked-queued-generation',
     'clean: entity map read under the lock, chunks queued for the generator workers', 'fix'),
])


# ---------------------------------------------------------------- CONC-03 / ERR-01: player store (learn-go-with-tests), test beside
PLAYERS = r'''
// InMemoryPlayerStore keeps the scores in memory; net/http runs every request on its own goroutine.
type InMemoryPlayerStore struct {
    mu    sync.RWMutex
    store map[string]int
}

func NewInMemoryPlayerStore() *InMemoryPlayerStore {
    return &InMemoryPlayerStore{store: map[string]int{}}
}

// RecordWin is called by the POST /players/{name} handler.
func (i *InMemoryPlayerStore) RecordWin(name string) {
02|    i.mu.Lock()
02|    defer i.mu.Unlock()
    i.store[name]++ //@{1}CONC-03
}

func (i *InMemoryPlayerStore) GetLeague() []Player {
    i.mu.RLock()
    defer i.mu.RUnlock()
    league := make([]Player, 0, len(i.store))
    for name, wins := range i.store {
        league = append(league, Player{Name: name, Wins: wins})
    }
    return league
}

// leagueHandler writes the league table as JSON.
func (p *PlayerServer) leagueHandler(w http.ResponseWriter, r *http.Request) {
    w.Header().Set("content-type", "application/json")
01|    if err := json.NewEncoder(w).Encode(p.store.GetLeague()); err != nil {
01|        log.Printf("encode league: %v", err)
01|    }
2|    json.NewEncoder(w).Encode(p.store.GetLeague()) //@ERR-01
}
'''
PLAYERS_MOD = gomod('github.com/quii/learn-go-with-tests/http-server/v5', [])
PLAYERS_TEST = '''package main

import (
\t"net/http"
\t"net/http/httptest"
\t"testing"
)

func TestRecordingWinsAndRetrievingThem(t *testing.T) {
\tstore := NewInMemoryPlayerStore()
\tserver := &PlayerServer{store: store}
\tstore.RecordWin("Pepper")
\tstore.RecordWin("Pepper")

\tresponse := httptest.NewRecorder()
\tserver.leagueHandler(response, httptest.NewRequest(http.MethodGet, "/league", nil))
\tif response.Code != http.StatusOK {
\t\tt.Fatalf("status = %d", response.Code)
\t}
}
'''
cases_of(case, GH + 'quii/learn-go-with-tests/issues/238', 'http-server/v5/in_memory_player_store.go',
         GV('main', {0: ['encoding/json', 'log', 'net/http', 'sync'], 1: ['encoding/json', 'log', 'net/http', 'sync'],
                     2: ['encoding/json', 'net/http', 'sync']})(PLAYERS), [
             (1, 'go-00-learn-go-with-tests-win-recorded-without-lock',
              'a new store increments the score map from request goroutines without the lock the league read takes',
              'new', [f('http-server/v5/go.mod', new=PLAYERS_MOD)]),
             (2, 'go-00-learn-go-with-tests-league-encode-error-dropped',
              'an edit writes the league as JSON and drops the encoding error', 'edit'),
             (0, 'go-ok-00-learn-go-with-tests-locked-store-encode-checked',
              'clean: win recorded under the lock, encoding failure logged; the test beside it', 'fix'),
         ], extra=[f('http-server/v5/in_memory_player_store_test.go', new=PLAYERS_TEST)])


# ---------------------------------------------------------------- CONC-07 / CONC-05: feed refresh scheduler (lite-reader)
LITEREADER = r'''
// Scheduler refreshes every feed once per interval until Stop is called.
type Scheduler struct {
    interval time.Duration
    job      Job
    quit     chan struct{}
    done     chan struct{}
    logger   *slog.Logger
}

// Run blocks until Stop; main runs it on the supervised goroutine of the app.
func (s *Scheduler) Run() {
    defer close(s.done)
    for {
        if err := s.job.Execute(); err != nil {
1|            s.logger.Error("feed refresh failed, scheduler stops", "error", err)
1|            return //@CONC-07
02|            s.logger.Error("feed refresh failed", "error", err, "retry_in", s.interval)
        }
        select {
        case <-s.quit:
            return
01|        case <-time.After(s.interval):
2|        default:
        }
2|        time.Sleep(s.interval) //@CONC-05
    }
}

// Stop asks the loop to end and waits for it.
func (s *Scheduler) Stop() {
    close(s.quit)
    <-s.done
}
'''
cases_of(case, GH + 'cubny/lite-reader/pull/55', 'internal/scheduler/scheduler.go',
         G('scheduler', ['log/slog', 'time'])(LITEREADER), [
             (1, 'go-00-lite-reader-refresh-loop-ends-on-failed-job',
              'an edit returns from the refresh loop on the first failed job, so feeds are never refreshed again',
              'edit'),
             (2, 'go-00-lite-reader-refresh-waits-with-sleep',
              'an edit waits out the interval with time.Sleep, so Stop blocks for up to a whole interval', 'edit'),
             (0, 'go-ok-00-lite-reader-refresh-keeps-going-selects-on-quit',
              'clean: a failed refresh is logged and the loop goes on, the pause selects on quit', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / TMO-03: events stream (kvisor)
KVISOR = r'''
// eventsExporter streams agent events to the control plane and reopens the stream after a failure.
type eventsExporter struct {
    client castaipb.RuntimeSecurityAgentAPIClient
    log    *logging.Logger
    queue  chan *castaipb.Event
}

func (e *eventsExporter) Run(ctx context.Context) error {
    for {
        if err := e.streamOnce(ctx); err != nil {
            e.log.Warnf("events stream: %v", err)
        }
        select {
        case <-ctx.Done():
            return ctx.Err()
        case <-time.After(2 * time.Second):
        }
    }
}

// streamOnce opens one write stream and sends queued events until it fails.
func (e *eventsExporter) streamOnce(ctx context.Context) error {
01|    streamCtx, cancel := context.WithCancel(ctx)
01|    defer cancel()
2|    streamCtx, _ := context.WithCancel(ctx) //@TMO-03
    stream, err := e.client.EventsWriteStream(streamCtx)
    if err != nil {
        return fmt.Errorf("open events stream: %w", err)
    }
    for {
        select {
        case <-ctx.Done():
            return ctx.Err()
        case evt := <-e.queue:
02|            if err := stream.Send(evt); err != nil {
02|                return fmt.Errorf("send event: %w", err)
02|            }
1|            stream.Send(evt) //@ERR-01
        }
    }
}
'''
cases_of(case, GH + 'castai/kvisor/pull/233', 'cmd/agent/daemon/state/events_exporter.go',
         G('state', ['context', 'fmt', 'time', '', 'castaipb github.com/castai/kvisor/api/v1/runtime',
                     'github.com/castai/kvisor/pkg/logging'])(KVISOR), [
             (1, 'go-00-kvisor-event-send-error-dropped',
              'an edit sends each event and drops the error, so a broken stream is never reopened', 'edit'),
             (2, 'go-00-kvisor-stream-cancel-discarded',
              'an edit derives the stream context and throws its cancel away, leaking one stream per reconnect',
              'edit'),
             (0, 'go-ok-00-kvisor-stream-cancelled-send-checked',
              'clean: stream context cancelled on return, send failure reopens the stream', 'fix'),
         ])


# ---------------------------------------------------------------- RES-03 / TMO-01: catalog source health (operator-lifecycle-manager)
OLM = r'''
// checkSources asks every catalog source for its health, one bounded call per source.
func (s *SourceStore) checkSources(ctx context.Context) {
    for key, src := range s.snapshot() {
        callCtx, cancel := context.WithTimeout(ctx, s.healthTimeout)
1|        defer cancel() //@RES-03|TMO-03
        resp, err := src.Health.Check(callCtx, &grpc_health_v1.HealthCheckRequest{})
02|        cancel()
        if err != nil {
            s.logger.WithError(err).WithField("source", key).Debug("catalog source health check failed")
            s.setState(key, connectivity.TransientFailure)
            continue
        }
        s.setState(key, stateOf(resp.GetStatus()))
    }
}

// dial opens the connection to one catalog source. ctx is the operator's run context: it lives as long as the process.
func (s *SourceStore) dial(ctx context.Context, address string) (*grpc.ClientConn, error) {
01|    dialCtx, cancel := context.WithTimeout(ctx, s.dialTimeout)
01|    defer cancel()
01|    return grpc.DialContext(dialCtx, address, grpc.WithTransportCredentials(insecure.NewCredentials()), grpc.WithBlock())
2|    return grpc.DialContext(ctx, address, grpc.WithTransportCredentials(insecure.NewCredentials()), grpc.WithBlock()) //@TMO-01
}
'''
cases_of(case, GH + 'operator-framework/operator-lifecycle-manager/pull/1144', 'pkg/controller/registry/grpc/source.go',
         G('grpc', ['context', '', 'google.golang.org/grpc', 'google.golang.org/grpc/connectivity',
                    'google.golang.org/grpc/credentials/insecure', 'google.golang.org/grpc/health/grpc_health_v1'])(OLM), [
             (1, 'go-00-operator-lifecycle-manager-cancel-deferred-in-loop',
              'an edit defers the cancel of each health call inside the loop, so every context lives until the sweep ends',
              'edit'),
             (2, 'go-00-operator-lifecycle-manager-blocking-dial-unbounded',
              'an edit dials with WithBlock on the process-long context, so an unreachable source hangs the sync',
              'edit'),
             (0, 'go-ok-00-operator-lifecycle-manager-cancel-per-call-bounded-dial',
              'clean: each health call cancelled right after it, the blocking dial bounded', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / CONC-01: retry client (mqtt-go), two files
MQTTGO = r'''
// RetryClient queues publishes while the connection is down and replays them on the next client.
type RetryClient struct {
    mu      sync.Mutex
    cli     ClientCloser
    queue   []*Message
    onError func(error)
}

// SetClient installs a freshly connected client; the reconnect loop calls it from its own goroutine.
func (c *RetryClient) SetClient(ctx context.Context, cli ClientCloser) {
02|    c.mu.Lock()
    c.cli = cli //@{1}CONC-03
    pending := c.queue
    c.queue = nil
02|    c.mu.Unlock()
01|    goSafe(c.onError, func() { c.replay(ctx, cli, pending) })
2|    go c.replay(ctx, cli, pending) //@CONC-01
}

// Publish sends now when a client is set, or queues the message for the next one.
func (c *RetryClient) Publish(ctx context.Context, msg *Message) error {
    c.mu.Lock()
    cli := c.cli
    if cli == nil {
        c.queue = append(c.queue, msg)
        c.mu.Unlock()
        return nil
    }
    c.mu.Unlock()
    return cli.Publish(ctx, msg)
}

func (c *RetryClient) replay(ctx context.Context, cli ClientCloser, pending []*Message) {
    for _, msg := range pending {
        if err := cli.Publish(ctx, msg); err != nil {
            c.onError(err)
            return
        }
    }
}
'''
MQTTGO_SAFE = '''package mqtt

import "fmt"

// goSafe runs fn on its own goroutine and reports a panic through onError instead of crashing the program.
func goSafe(onError func(error), fn func()) {
\tgo func() {
\t\tdefer func() {
\t\t\tif r := recover(); r != nil {
\t\t\t\tonError(fmt.Errorf("mqtt: recovered: %v", r))
\t\t\t}
\t\t}()
\t\tfn()
\t}()
}
'''
cases_of(case, GH + 'at-wat/mqtt-go/pull/158', 'retryclient.go', G('mqtt', ['context', 'sync'])(MQTTGO), [
    (1, 'go-00-mqtt-go-client-swapped-without-lock',
     'a new retry client installs the connected client without the lock Publish reads it under', 'new',
     [f('safe.go', new=MQTTGO_SAFE)]),
    (2, 'go-00-mqtt-go-replay-on-bare-goroutine',
     'an edit replays queued messages on a bare goroutine instead of the recovering helper', 'edit'),
    (0, 'go-ok-00-mqtt-go-client-locked-replay-guarded',
     'clean: client swapped under the lock, replay started through the recovering helper', 'fix'),
])


# ---------------------------------------------------------------- ERR-01 / TMO-02: edge MQTT client (baetyl-go)
BAETYL = r'''
// PublishWithErr publishes a message and reports whether it reached the writer.
func (c *Client) PublishWithErr(ctx context.Context, qos QOS, topic string, payload []byte) error {
    pkt := NewPublish()
    pkt.Message.Topic = topic
    pkt.Message.QOS = qos
    pkt.Message.Payload = payload
    pkt.ID = c.nextID()
0|    if err := c.sendOrErr(ctx, pkt); err != nil {
0|        return errors.Trace(err)
0|    }
2|    if err := c.sendOrErr(context.Background(), pkt); err != nil { //@TMO-02
2|        return errors.Trace(err)
2|    }
1|    c.sendOrErr(ctx, pkt) //@ERR-01
    return nil
}

// sendOrErr hands the packet to the writer goroutine, or fails when the client closes or ctx ends.
func (c *Client) sendOrErr(ctx context.Context, pkt Packet) error {
    select {
    case c.out <- pkt:
        return nil
    case <-c.closing:
        return errors.Trace(ErrClientAlreadyClosed)
    case <-ctx.Done():
        return errors.Trace(ctx.Err())
    }
}
'''
cases_of(case, GH + 'baetyl/baetyl-go/pull/453', 'mqtt/client.go',
         G('mqtt', ['context', '', 'github.com/baetyl/baetyl-go/v2/errors'])(BAETYL), [
             (1, 'go-00-baetyl-go-publish-error-dropped',
              'an edit hands the packet to the writer and drops the error, reporting every publish as sent', 'edit'),
             (2, 'go-00-baetyl-go-publish-detached-from-caller',
              'an edit waits for the writer on a background context, so a cancelled caller still blocks', 'edit'),
             (0, 'go-ok-00-baetyl-go-publish-checked-on-caller-context',
              'clean: the caller context bounds the hand-off and its error is returned', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / LOG-01: meter readings to MQTT (gosdm630)
GOSDM = r'''
// Run publishes every meter reading until the channel closes.
func (p *MqttPublisher) Run(in <-chan QuerySnip) {
    failed := 0
    for snip := range in {
        topic := fmt.Sprintf("%s/%d/%s", p.prefix, snip.DeviceId, snip.IEC61850)
        payload := strconv.FormatFloat(snip.Value, 'f', -1, 64)
        token := p.client.Publish(topic, p.qos, false, payload)
1|        token.Wait() //@TMO-01
02|        if !token.WaitTimeout(p.timeout) {
02|            failed++
02|            continue
02|        }
        if err := token.Error(); err != nil {
            failed++
2|            log.Printf("mqtt: publishing %s failed: %v", topic, err) //@LOG-01
            continue
        }
        p.published++
        if failed > 0 && p.published%1000 == 0 {
            log.Printf("mqtt: %d readings could not be published since the last report", failed)
            failed = 0
        }
    }
}
'''
cases_of(case, GH + 'gonium/gosdm630/pull/87', 'mqtt.go', G('sdm630', ['fmt', 'log', 'strconv'])(GOSDM), [
    (1, 'go-00-gosdm630-publish-waits-without-timeout',
     'an edit waits for the publish token without a timeout, so a stalled broker stops all readings', 'edit'),
    (2, 'go-00-gosdm630-log-line-per-failed-reading',
     'an edit logs a line for every reading the broker refuses, several per second while it is down', 'edit'),
    (0, 'go-ok-00-gosdm630-bounded-wait-counted-failures',
     'clean: token wait bounded, failures counted into a periodic summary', 'fix'),
])


# ---------------------------------------------------------------- RES-02 / TMO-01: API SDK client (firecrawl-go)
FIRECRAWL = r'''
// NewFirecrawlApp builds a client for the API at apiURL.
func NewFirecrawlApp(apiKey, apiURL string) *FirecrawlApp {
    return &FirecrawlApp{
        APIKey: apiKey,
        APIURL: apiURL,
01|        Client: &http.Client{Timeout: 60 * time.Second},
2|        Client: &http.Client{}, //@TMO-01
    }
}

func (app *FirecrawlApp) makeRequest(method, url string, body []byte) ([]byte, error) {
    req, err := http.NewRequest(method, url, bytes.NewReader(body))
    if err != nil {
        return nil, fmt.Errorf("build request: %w", err)
    }
    req.Header.Set("Authorization", "Bearer "+app.APIKey)
    req.Header.Set("Content-Type", "application/json")
    resp, err := app.Client.Do(req) //@{1}RES-02
    if err != nil {
02|        return nil, fmt.Errorf("%s %s: %w", method, url, err)
1|        return nil, fmt.Errorf("firecrawl request to %s failed: %w", url, err)
    }
02|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return nil, fmt.Errorf("%s %s: unexpected status %d", method, url, resp.StatusCode)
    }
    data, err := io.ReadAll(resp.Body)
1|    resp.Body.Close()
    if err != nil {
        return nil, fmt.Errorf("read response: %w", err)
    }
    return data, nil
}
'''
cases_of(case, GH + 'firecrawl/firecrawl-go/pull/18', 'firecrawl.go',
         GV('firecrawl', {0: ['bytes', 'fmt', 'io', 'net/http', 'time'], 1: ['bytes', 'fmt', 'io', 'net/http', 'time'],
                          2: ['bytes', 'fmt', 'io', 'net/http']})(FIRECRAWL), [
             (1, 'go-00-firecrawl-go-body-closed-only-on-success',
              'an edit closes the response body only after a 200, leaking the connection of every error answer',
              'edit'),
             (2, 'go-00-firecrawl-go-client-without-timeout',
              'an edit builds the SDK client without a timeout, so a stalled crawl hangs the caller', 'edit'),
             (0, 'go-ok-00-firecrawl-go-body-deferred-client-bounded',
              'clean: body closed on every path, client with a timeout', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / TMO-02: customers API wrapper (api-go-wrapper), mock beside
ERPLY = r'''
// GetCustomers fetches one page of customers matching the filters.
func (cli *Client) GetCustomers(ctx context.Context, filters map[string]string) ([]Customer, error) {
01|    req, err := cli.newRequest(ctx, "getCustomers", filters)
2|    req, err := cli.newRequest(context.Background(), "getCustomers", filters) //@TMO-02
    if err != nil {
        return nil, err
    }
    resp, err := cli.doer.Do(req) //@{1}RES-02
    if err != nil {
02|        return nil, sharedCommon.NewFromError("GetCustomers request failed", err, 0)
1|        return nil, sharedCommon.NewFromError("GetCustomers: sending the request failed", err, 0)
    }
02|    defer resp.Body.Close()
    var res GetCustomersResponse
    if err := json.NewDecoder(resp.Body).Decode(&res); err != nil {
        return nil, sharedCommon.NewFromError("unmarshaling GetCustomersResponse failed", err, 0)
    }
    if !sharedCommon.IsJSONResponseOK(&res.Status) {
        return nil, sharedCommon.NewErplyError(res.Status.ErrorCode.String(), res.Status.Request, res.Status.ErrorCode)
    }
1|    resp.Body.Close()
    return res.Customers, nil
}
'''
ERPLY_MOCK = GO_GENERATED.replace('store.go', 'client.go') + '''package customers

import (
\t"net/http"

\tgomock "go.uber.org/mock/gomock"
)

// MockHTTPDoer is a mock of HTTPDoer interface.
type MockHTTPDoer struct {
\tctrl *gomock.Controller
}

// Do mocks base method.
func (m *MockHTTPDoer) Do(req *http.Request) (*http.Response, error) {
\tret := m.ctrl.Call(m, "Do", req)
\tret0, _ := ret[0].(*http.Response)
\tret1, _ := ret[1].(error)
\treturn ret0, ret1
}
'''
cases_of(case, GH + 'erply/api-go-wrapper/pull/76', 'pkg/api/customers/requests.go',
         G('customers', ['context', 'encoding/json', '',
                         'sharedCommon github.com/erply/api-go-wrapper/pkg/api/common'])(ERPLY), [
             (1, 'go-00-api-go-wrapper-body-closed-after-early-returns',
              'an edit closes the response body at the end only, so every decoding or API error leaks it', 'edit'),
             (2, 'go-00-api-go-wrapper-request-detached-from-caller',
              'an edit builds the request on a background context, so the caller\'s deadline no longer applies',
              'edit'),
             (0, 'go-ok-00-api-go-wrapper-body-deferred-caller-context',
              'clean: body closed on every path, request on the caller context; a generated mock beside it', 'fix',
              [f('pkg/api/customers/mock_client.go', new=ERPLY_MOCK)]),
         ])


# ---------------------------------------------------------------- RES-04 / RES-02: SOAP service calls (gads), CRLF
GADS = r'''
// Auth carries the credentials and the shared HTTP client of every service.
type Auth struct {
    CustomerId     string
    DeveloperToken string
    Timeout        time.Duration // applied to Client by NewAuth
    Client         *http.Client
}

// request posts one SOAP envelope and returns the body of the answer.
func (a *Auth) request(serviceURL, action string, envelope []byte) ([]byte, error) {
    req, err := http.NewRequest("POST", serviceURL, bytes.NewReader(envelope))
    if err != nil {
        return nil, err
    }
    req.Header.Set("Content-Type", "text/xml;charset=UTF-8")
    req.Header.Set("SOAPAction", action)
1|    client := &http.Client{Transport: &http.Transport{MaxIdleConns: 4}, Timeout: a.Timeout} //@RES-04
1|    resp, err := client.Do(req)
02|    resp, err := a.Client.Do(req) //@{2}RES-02
    if err != nil {
01|        return nil, err
2|        return nil, fmt.Errorf("%s: %w", action, err)
    }
01|    defer resp.Body.Close()
    body, err := io.ReadAll(resp.Body)
    if err != nil {
        return nil, err
    }
    if resp.StatusCode != http.StatusOK {
        return nil, fmt.Errorf("%s: status %d: %s", action, resp.StatusCode, body)
    }
    return body, nil
}
'''
cases_of(case, GH + 'colinmutter/gads/pull/27', 'base.go',
         G('gads', ['bytes', 'fmt', 'io', 'net/http', 'time'])(GADS), [
             (1, 'go-00-gads-client-and-transport-per-request',
              'an edit builds a new client and transport for every SOAP call, never reusing a connection (CRLF)',
              'edit'),
             (2, 'go-00-gads-response-body-never-closed',
              'an edit reads the SOAP answer and never closes the body (CRLF)', 'edit'),
             (0, 'go-ok-00-gads-shared-client-body-closed',
              'clean: the shared client, body closed on every path (CRLF)', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-01 / ERR-01: dump jobs (onedump), two files
ONEDUMP = r'''
// runJobs runs every configured dump job once, in parallel, and reports the failed ones.
func runJobs(ctx context.Context, jobs []*handler.Job) error {
    var wg sync.WaitGroup
    results := make([]error, len(jobs))
    for i, job := range jobs {
        wg.Add(1)
01|        guard.Go(&wg, "job "+job.Name, func() {
01|            results[i] = job.Run(ctx)
01|        })
2|        go func(i int, job *handler.Job) { //@CONC-01
2|            defer wg.Done()
2|            results[i] = job.Run(ctx)
2|        }(i, job)
    }
    wg.Wait()
    var failed []string
    for i, err := range results {
        if err != nil {
02|            failed = append(failed, jobs[i].Name+": "+err.Error())
1|            log.Printf("job %s failed: %v", jobs[i].Name, err) //@ERR-01
        }
    }
02|    if len(failed) > 0 {
02|        return fmt.Errorf("%d of %d jobs failed: %s", len(failed), len(jobs), strings.Join(failed, "; "))
02|    }
    log.Printf("ran %d dump jobs", len(jobs))
    return nil
}
'''
ONEDUMP_GUARD = '''package guard

import (
\t"log"
\t"runtime/debug"
\t"sync"
)

// Go runs fn on its own goroutine, marks wg done and turns a panic into a log line with the stack.
func Go(wg *sync.WaitGroup, what string, fn func()) {
\tgo func() {
\t\tdefer wg.Done()
\t\tdefer func() {
\t\t\tif r := recover(); r != nil {
\t\t\t\tlog.Printf("%s panicked: %v\\n%s", what, r, debug.Stack())
\t\t\t}
\t\t}()
\t\tfn()
\t}()
}
'''
ONEDUMP_IMPORTS = ['context', 'log', 'sync', '', 'github.com/liweiyi88/onedump/handler',
                   'github.com/liweiyi88/onedump/internal/guard']
cases_of(case, GH + 'liweiyi88/onedump/pull/22', 'cmd/apply.go',
         GV('cmd', {0: ['context', 'fmt', 'log', 'strings', 'sync', '', 'github.com/liweiyi88/onedump/handler',
                        'github.com/liweiyi88/onedump/internal/guard'],
                    1: ONEDUMP_IMPORTS,
                    2: ['context', 'fmt', 'log', 'strings', 'sync', '', 'github.com/liweiyi88/onedump/handler']})(ONEDUMP), [
             (1, 'go-00-onedump-failed-jobs-only-logged',
              'a new command logs each failed dump job and still exits successfully', 'new',
              [f('internal/guard/guard.go', new=ONEDUMP_GUARD)]),
             (2, 'go-00-onedump-jobs-on-bare-goroutines',
              'an edit runs each job on a bare goroutine instead of the recovering helper', 'edit'),
             (0, 'go-ok-00-onedump-guarded-jobs-failures-returned',
              'clean: jobs through the recovering helper, failures joined into the returned error', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-06 / CONC-05: job batches (gocron)
GOCRON = r'''
// runBatch runs the due jobs of one tick, a few at a time, and waits for them before the next tick.
func (e *executor) runBatch(ctx context.Context, due []*Job) error {
    g, gctx := errgroup.WithContext(ctx)
    g.SetLimit(e.limit)
    for _, j := range due {
        j := j
        g.Go(func() error {
            return e.runJob(gctx, j)
        })
    }
01|    if err := g.Wait(); err != nil {
01|        return fmt.Errorf("batch of %d jobs: %w", len(due), err)
01|    }
2|    g.Wait() //@CONC-06
    return nil
}

// runJob runs one job, retrying after its back-off while the executor is running.
func (e *executor) runJob(ctx context.Context, j *Job) error {
    for attempt := 1; ; attempt++ {
        err := j.run(ctx)
        if err == nil {
            return nil
        }
        if attempt == j.maxAttempts {
            return fmt.Errorf("job %s after %d attempts: %w", j.name, attempt, err)
        }
02|        select {
02|        case <-ctx.Done():
02|            return ctx.Err()
02|        case <-time.After(j.backoff):
02|        }
1|        time.Sleep(j.backoff) //@CONC-05
    }
}
'''
cases_of(case, GH + 'go-co-op/gocron/pull/455', 'executor.go',
         G('gocron', ['context', 'fmt', 'time', '', 'golang.org/x/sync/errgroup'])(GOCRON), [
             (1, 'go-00-gocron-retry-backoff-sleeps-through-stop',
              'an edit waits out the retry back-off with time.Sleep, so stopping the scheduler waits for it', 'edit'),
             (2, 'go-00-gocron-batch-result-dropped',
              'an edit waits for the batch group and drops its error, so failed jobs look like successes', 'edit'),
             (0, 'go-ok-00-gocron-backoff-on-context-batch-error-returned',
              'clean: back-off selects on the context, the batch error is returned', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / TX-02: migration driver (migration), renamed
MIGRATION = r'''
// Migrate runs one migration's statements inside a transaction and records its version.
func (driver *Driver) Migrate(migration *m.PlannedMigration) error {
    tx, err := driver.db.Begin() //@{1}TX-01
    if err != nil {
02|        return fmt.Errorf("begin migration %s: %w", migration.ID, err)
1|        return fmt.Errorf("migration %s: cannot begin a transaction: %w", migration.ID, err)
    }
    for _, stmt := range migration.Statements() {
        if _, err := tx.Exec(stmt); err != nil {
02|            if rbErr := tx.Rollback(); rbErr != nil {
02|                return fmt.Errorf("migration %s: %w (rollback: %v)", migration.ID, err, rbErr)
02|            }
            return fmt.Errorf("migration %s: %w", migration.ID, err)
        }
    }
    if _, err := tx.Exec("INSERT INTO "+versionTable+" (version) VALUES ($1)", migration.ID); err != nil {
02|        tx.Rollback() //nolint:errcheck // the insert error is the one worth reporting
        return fmt.Errorf("record version %s: %w", migration.ID, err)
    }
01|    if err := tx.Commit(); err != nil {
01|        return fmt.Errorf("commit migration %s: %w", migration.ID, err)
01|    }
2|    tx.Commit() //@TX-02
    return nil
}
'''
cases_of(case, GH + 'Boostport/migration/pull/14', 'driver/postgres/postgres.go',
         G('postgres', ['fmt', '', 'm github.com/Boostport/migration'])(MIGRATION), [
             (1, 'go-00-migration-renamed-failed-statement-left-in-transaction',
              'a PR renames the driver file and returns on a failed statement without rolling the transaction back',
              'rename'),
             (2, 'go-00-migration-renamed-commit-unchecked',
              'a PR renames the driver file and commits without looking at the error, recording nothing on failure',
              'rename'),
             (0, 'go-ok-00-migration-renamed-rolled-back-commit-checked',
              'clean: the rename alone; rollback on every failure, commit error returned', 'rename'),
         ], rename_from='driver/postgres/driver.go')


# ---------------------------------------------------------------- LOG-01 / LOG-02: JSON-RPC rate limiting (rpc-proxy)
RPCPROXY = r'''
// ServeHTTP answers a JSON-RPC call after the per-IP limiter allowed it.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
    ip := clientIP(r)
    method, err := peekMethod(r)
    if err != nil {
        http.Error(w, "bad request", http.StatusBadRequest)
        return
    }
    lim := s.limiterFor(ip, method)
2|    s.logger.Debug(fmt.Sprintf("rate check ip=%s method=%s tokens=%.1f", ip, method, lim.Tokens())) //@LOG-02|LOG-01
    if !lim.Allow() {
        s.limited.WithLabelValues(method).Inc()
1|        s.logger.Warn("exceeds limiter's burst", zap.String("ip", ip), zap.String("method", method)) //@LOG-01
0|        if s.verbose {
0|            s.logger.Debug("rate limited", zap.String("ip", ip), zap.String("method", method))
0|        }
        http.Error(w, "rate limit exceeded", http.StatusTooManyRequests)
        return
    }
    s.proxy.ServeHTTP(w, r)
}
'''
RPCPROXY_IMPORTS = ['net/http', '', 'go.uber.org/zap']
cases_of(case, GH + 'gochain/rpc-proxy/pull/21', 'server.go',
         GV('main', {0: RPCPROXY_IMPORTS, 1: RPCPROXY_IMPORTS, 2: ['fmt', 'net/http']})(RPCPROXY), [
             (1, 'go-00-rpc-proxy-warning-per-limited-call',
              'an edit warns for every rate-limited call, hundreds of thousands of lines during a burst', 'edit'),
             (2, 'go-00-rpc-proxy-debug-line-formatted-per-call',
              'an edit formats a debug line with Sprintf for every call, even with debug logging off', 'edit'),
             (0, 'go-ok-00-rpc-proxy-limited-calls-counted-verbose-debug',
              'clean: limited calls counted, a field-based debug line only in verbose mode', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / CONC-02: playlist parsing (m3u-stream-merger-proxy)
M3U = r'''
// ParseM3U reads a playlist file and stores each stream entry, a few entries at a time.
func ParseM3U(db *Instance, path string, workers int) error {
    f, err := os.Open(path) //@{1}RES-01
    if err != nil {
02|        return fmt.Errorf("open playlist %s: %w", path, err)
1|        return fmt.Errorf("cannot read playlist %s: %w", path, err)
    }
02|    defer f.Close()
01|    pool := pond.New(workers, 1000)
    scanner := bufio.NewScanner(f)
    for scanner.Scan() {
        info := scanner.Text()
        if !strings.HasPrefix(info, "#EXTINF") || !scanner.Scan() {
            continue
        }
        streamURL := scanner.Text()
01|        pool.Submit(func() { storeEntry(db, info, streamURL) })
2|        go storeEntry(db, info, streamURL) //@CONC-02|CONC-01
    }
01|    pool.StopAndWait()
    return scanner.Err()
}
'''
M3U_IMPORTS = ['bufio', 'fmt', 'os', 'strings', '', 'github.com/alitto/pond']
cases_of(case, GH + 'sonroyaalmerol/m3u-stream-merger-proxy/pull/76', 'database/parser.go',
         GV('database', {0: M3U_IMPORTS, 1: M3U_IMPORTS, 2: ['bufio', 'fmt', 'os', 'strings']})(M3U), [
             (1, 'go-00-m3u-stream-merger-proxy-playlist-file-never-closed',
              'an edit drops the deferred close, leaving the playlist file open after every parse', 'edit'),
             (2, 'go-00-m3u-stream-merger-proxy-goroutine-per-entry',
              'an edit stores every playlist entry on its own goroutine instead of the bounded pool', 'edit'),
             (0, 'go-ok-00-m3u-stream-merger-proxy-file-closed-pooled-entries',
              'clean: file closed on return, entries stored through the bounded pool', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / TMO-02: profile proxy handler (bean, echo)
BEAN = r'''
// ProfileHandler forwards profile reads to the profile service for the mobile app.
type ProfileHandler struct {
    baseURL string
    client  *http.Client
}

func NewProfileHandler(baseURL string) *ProfileHandler {
    return &ProfileHandler{
        baseURL: baseURL,
02|        client:  &http.Client{Timeout: 5 * time.Second},
1|        client:  http.DefaultClient, //@TMO-01
    }
}

// GetProfile answers GET /profiles/:id with the upstream document.
func (h *ProfileHandler) GetProfile(c echo.Context) error {
01|    ctx := c.Request().Context()
2|    ctx := context.Background() //@TMO-02
    target := h.baseURL + "/members/" + url.PathEscape(c.Param("id"))
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
    if err != nil {
        return err
    }
    resp, err := h.client.Do(req)
    if err != nil {
        return echo.NewHTTPError(http.StatusBadGateway, "profile service unavailable").SetInternal(err)
    }
    defer resp.Body.Close()
    return c.Stream(resp.StatusCode, "application/json", resp.Body)
}
'''
BEAN_IMPORTS = ['net/http', 'net/url', 'time', '', 'github.com/labstack/echo/v4']
cases_of(case, GH + 'retail-ai-inc/bean/issues/68', 'handler/profile.go',
         GV('handler', {0: BEAN_IMPORTS, 1: ['net/http', 'net/url', '', 'github.com/labstack/echo/v4'],
                        2: ['context', 'net/http', 'net/url', 'time', '', 'github.com/labstack/echo/v4']})(BEAN), [
             (1, 'go-00-bean-profile-proxy-default-client',
              'an edit forwards through http.DefaultClient, which has no timeout, so a stalled upstream holds the handler',
              'edit'),
             (2, 'go-00-bean-profile-proxy-detached-from-request',
              'an edit forwards on a background context, so a client that hung up still waits for the upstream', 'edit'),
             (0, 'go-ok-00-bean-profile-proxy-bounded-client-request-context',
              'clean: client with a timeout, upstream call on the request context', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / CONC-01: consumer group subscriber (watermill-kafka)
WATERMILL = r'''
func (s *Subscriber) consumeGroupMessages(ctx context.Context, topic string, output chan *message.Message) (<-chan struct{}, error) {
    group, err := sarama.NewConsumerGroupFromClient(s.config.ConsumerGroup, s.client) //@{1}RES-01
    if err != nil {
02|        return nil, errors.Wrap(err, "cannot create consumer group client")
1|        return nil, errors.Wrapf(err, "cannot create consumer group for %s", topic)
    }
    if err := s.client.RefreshMetadata(topic); err != nil {
02|        if closeErr := group.Close(); closeErr != nil {
02|            s.logger.Error("Cannot close consumer group", closeErr, watermill.LogFields{"topic": topic})
02|        }
        return nil, errors.Wrapf(err, "cannot refresh metadata of %s", topic)
    }
    handler := consumerGroupHandler{ctx: ctx, output: output, logger: s.logger}
    done := make(chan struct{})
    s.goSafe("consume "+topic, func() { s.consumeLoop(ctx, group, topic, handler, done) })
01|    s.goSafe("consumer group errors "+topic, func() { s.drainErrors(group, topic) })
2|    go s.drainErrors(group, topic) //@CONC-01
    return done, nil
}

// goSafe runs fn on its own goroutine and turns a panic into an error log entry.
func (s *Subscriber) goSafe(name string, fn func()) {
    go func() {
        defer func() {
            if r := recover(); r != nil {
                s.logger.Error("Goroutine panicked", fmt.Errorf("%v", r), watermill.LogFields{"goroutine": name})
            }
        }()
        fn()
    }()
}
'''
cases_of(case, GH + 'ThreeDotsLabs/watermill-kafka/pull/12', 'pkg/kafka/subscriber.go',
         G('kafka', ['context', 'fmt', '', 'github.com/IBM/sarama', 'github.com/ThreeDotsLabs/watermill',
                     'github.com/ThreeDotsLabs/watermill/message', 'github.com/pkg/errors'])(WATERMILL), [
             (1, 'go-00-watermill-kafka-group-left-open-on-metadata-failure',
              'an edit returns on a failed metadata refresh without closing the consumer group it just made', 'edit'),
             (2, 'go-00-watermill-kafka-error-drain-bare-goroutine',
              'an edit drains the group errors on a bare goroutine instead of the recovering helper', 'edit'),
             (0, 'go-ok-00-watermill-kafka-group-closed-drain-guarded',
              'clean: group closed on the failure path, error drain through the recovering helper', 'fix'),
         ])
