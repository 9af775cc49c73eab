"""Round-23 Go cases, written for this corpus from the checklist items (see SOURCES.md). Each template is written once
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


# ---------------------------------------------------------------- CONC-03 / ERR-01: pending OCPP calls (ocpp-go)
OCPP = r'''
// pendingCall is a request sent to a charge point that still waits for its confirmation.
type pendingCall struct {
    action   string
    callback func(payload json.RawMessage, err error)
}

// CentralSystem sends requests to charge points and routes their confirmations back to the callers.
type CentralSystem struct {
    mu      sync.Mutex
    pending map[string]pendingCall
    link    Transport
}

// SendRequest sends one request to a charge point and keeps the callback until the confirmation arrives.
func (cs *CentralSystem) SendRequest(chargePointID, action string, payload interface{}, cb func(json.RawMessage, error)) error {
    body, err := json.Marshal(payload)
    if err != nil {
        return fmt.Errorf("encode %s for %s: %w", action, chargePointID, err)
    }
    id := newMessageID()
02|    cs.mu.Lock()
    cs.pending[id] = pendingCall{action: action, callback: cb} //@{1}CONC-03
02|    cs.mu.Unlock()
01|    if err := cs.link.Write(chargePointID, callFrame(id, action, body)); err != nil {
01|        cs.forget(id)
01|        return fmt.Errorf("send %s to %s: %w", action, chargePointID, err)
01|    }
2|    cs.link.Write(chargePointID, callFrame(id, action, body)) //@ERR-01
    return nil
}

// handleConfirmation runs on the read goroutine of each charge point connection.
func (cs *CentralSystem) handleConfirmation(id string, payload json.RawMessage) {
    cs.mu.Lock()
    call, ok := cs.pending[id]
    delete(cs.pending, id)
    cs.mu.Unlock()
    if !ok {
        return
    }
    call.callback(payload, nil)
}

func (cs *CentralSystem) forget(id string) {
    cs.mu.Lock()
    delete(cs.pending, id)
    cs.mu.Unlock()
}
'''
cases_of(case, GH + 'lorenzodonini/ocpp-go/pull/56', 'ocpp1.6/central_system.go',
         G('ocpp16', ['encoding/json', 'fmt', 'sync'])(OCPP), [
             (1, 'go-00-ocpp-go-pending-call-stored-without-lock',
              'an edit stores the pending callback without the lock the confirmation goroutines take', 'edit'),
             (2, 'go-00-ocpp-go-request-write-error-dropped',
              'an edit sends the call frame and drops the write error, leaving the callback waiting forever', 'edit'),
             (0, 'go-ok-00-ocpp-go-pending-call-locked-write-checked',
              'clean: pending map written under the mutex, write error returned and the call forgotten', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / CONC-01: websocket rooms (factorio-server-manager)
FACTORIO = r'''
// wsHub keeps one room per log stream; rooms close themselves when their last client leaves.
type wsHub struct {
    mu    sync.Mutex
    rooms map[string]*wsRoom
}

// GetRoom returns the room of a stream, starting it on first use.
func (h *wsHub) GetRoom(name string) *wsRoom {
    h.mu.Lock()
    defer h.mu.Unlock()
    if room, ok := h.rooms[name]; ok {
        return room
    }
    room := newRoom(name, h)
    h.rooms[name] = room
01|    goGuarded("room "+name, room.run)
2|    go room.run() //@CONC-01
    return room
}

// removeRoom is called by a room's own goroutine once it has no clients left.
func (h *wsHub) removeRoom(name string) {
02|    h.mu.Lock()
02|    defer h.mu.Unlock()
    delete(h.rooms, name) //@{1}CONC-03
    log.Printf("websocket room %s closed", name)
}
'''
FACTORIO_SAFE = '''package websocket

import (
\t"log"
\t"runtime/debug"
)

// goGuarded runs fn on its own goroutine and logs a panic instead of ending the server.
func goGuarded(what string, fn func()) {
\tgo func() {
\t\tdefer func() {
\t\t\tif r := recover(); r != nil {
\t\t\t\tlog.Printf("%s panicked: %v\\n%s", what, r, debug.Stack())
\t\t\t}
\t\t}()
\t\tfn()
\t}()
}
'''
cases_of(case, GH + 'OpenFactorioServerManager/factorio-server-manager/issues/220', 'src/api/websocket/wshub.go',
         G('websocket', ['log', 'sync'])(FACTORIO), [
             (1, 'go-00-factorio-server-manager-room-removed-without-lock',
              'a new hub deletes a closing room from the shared map without the hub lock', 'new',
              [f('src/api/websocket/safe.go', new=FACTORIO_SAFE)]),
             (2, 'go-00-factorio-server-manager-room-started-bare',
              'an edit starts each room on a bare goroutine instead of the recovering helper', 'edit'),
             (0, 'go-ok-00-factorio-server-manager-room-removed-locked-started-guarded',
              'clean: room removed under the hub lock, started through the recovering helper', 'fix'),
         ], extra=[])


# ---------------------------------------------------------------- CONC-03 / ERR-01: websocket writes (unchained), CRLF
UNCHAINED = r'''
// Connection is one client websocket; the ticker and the message pump both write to it.
type Connection struct {
    conn     *websocket.Conn
    writeMu  sync.Mutex
    ticker   *time.Ticker
    msgChan  chan []byte
    doneChan chan struct{}
    logger   *log.Logger
}

// pump forwards queued messages and keeps the socket alive with pings.
func (c *Connection) pump() {
    for {
        select {
        case msg := <-c.msgChan:
            if err := c.send(websocket.TextMessage, msg); err != nil {
                c.logger.Printf("write to client: %v", err)
                return
            }
        case <-c.ticker.C:
01|            if err := c.send(websocket.PingMessage, nil); err != nil {
01|                c.logger.Printf("ping client: %v", err)
01|                return
01|            }
2|            c.send(websocket.PingMessage, nil) //@ERR-01
        case <-c.doneChan:
            return
        }
    }
}

// send serialises writes: gorilla connections allow one writer at a time.
func (c *Connection) send(messageType int, data []byte) error {
02|    c.writeMu.Lock()
02|    defer c.writeMu.Unlock()
    return c.conn.WriteMessage(messageType, data) //@{1}CONC-03
}
'''
cases_of(case, GH + 'shapeshift/unchained/pull/562', 'go/pkg/websocket/connection.go',
         G('websocket', ['log', 'sync', 'time', '', 'github.com/gorilla/websocket'])(UNCHAINED), [
             (1, 'go-00-unchained-socket-written-without-lock',
              'an edit drops the write lock, so the ping ticker and the message pump write the socket at once (CRLF)',
              'edit'),
             (2, 'go-00-unchained-ping-error-dropped',
              'an edit sends the keep-alive ping and ignores its error, so a dead client is never dropped (CRLF)',
              'edit'),
             (0, 'go-ok-00-unchained-writes-locked-ping-checked',
              'clean: writes serialised by the mutex, ping failure ends the pump (CRLF)', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-03 / LOG-01: ticker broadcast (gocryptotrader)
GOCRYPTO = r'''
var (
    wsClientsMu sync.RWMutex
    wsClients   = map[string]*WebsocketClient{}
)

// RegisterWebsocketClient is called by the HTTP handler for every new connection.
func RegisterWebsocketClient(id string, c *WebsocketClient) {
    wsClientsMu.Lock()
    wsClients[id] = c
    wsClientsMu.Unlock()
}

// BroadcastWebsocketMessage sends a ticker event to every authenticated client.
func BroadcastWebsocketMessage(evt WebsocketEvent) int {
    sent, failed := 0, 0
02|    wsClientsMu.RLock()
02|    defer wsClientsMu.RUnlock()
    for id, c := range wsClients { //@{1}CONC-03
        if !c.Authenticated {
            continue
        }
        if err := c.SendWebsocketMessage(evt); err != nil {
            failed++
2|            log.Printf("websocket client %s: send %s failed: %v", id, evt.Event, err) //@LOG-01
            continue
        }
        sent++
    }
01|    if failed > 0 {
01|        log.Printf("websocket broadcast %s: %d of %d clients failed", evt.Event, failed, sent+failed)
01|    }
    return sent
}
'''
cases_of(case, GH + 'thrasher-corp/gocryptotrader/issues/119', 'websocket.go',
         G('main', ['log', 'sync'])(GOCRYPTO), [
             (1, 'go-00-gocryptotrader-broadcast-ranges-clients-unlocked',
              'an edit ranges over the client map without the read lock while handlers register clients', 'edit'),
             (2, 'go-00-gocryptotrader-broadcast-logs-every-failed-client',
              'an edit logs one line per failed client on every ticker broadcast', 'edit'),
             (0, 'go-ok-00-gocryptotrader-broadcast-read-locked-one-summary',
              'clean: map read under the RLock, failures counted into one summary line', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / TX-02: page and its images (urchin)
URCHIN = r'''
// AddPage stores a page and links its images in one transaction.
func (db SqlDatabase) AddPage(ctx context.Context, page Page, imageIDs []int64) (int64, error) {
    tx, err := db.Connection.BeginTx(ctx, nil) //@{1}TX-01
    if err != nil {
        return -1, fmt.Errorf("begin page insert: %w", err)
    }
02|    defer tx.Rollback() //nolint:errcheck // no-op once Commit has succeeded
    res, err := tx.ExecContext(ctx, "INSERT INTO pages(title, content, link) VALUES(?, ?, ?)",
        page.Title, page.Content, page.Link)
    if err != nil {
        return -1, fmt.Errorf("insert page %q: %w", page.Link, err)
    }
    pageID, err := res.LastInsertId()
    if err != nil {
        return -1, fmt.Errorf("page id of %q: %w", page.Link, err)
    }
    for _, imageID := range imageIDs {
        if _, err := tx.ExecContext(ctx, "INSERT INTO page_images(page_id, image_id) VALUES(?, ?)", pageID, imageID); err != nil {
            return -1, fmt.Errorf("link image %d to page %d: %w", imageID, pageID, err)
        }
    }
01|    if err := tx.Commit(); err != nil {
01|        return -1, fmt.Errorf("commit page %q: %w", page.Link, err)
01|    }
2|    tx.Commit() //@TX-02
    return pageID, nil
}
'''
URCHIN_MOD = gomod('github.com/matheusgomes28/urchin', ['github.com/go-sql-driver/mysql v1.8.1'])
cases_of(case, GH + 'matheusgomes28/urchin/pull/59', 'database/pages.go',
         G('database', ['context', 'fmt'])(URCHIN), [
             (1, 'go-00-urchin-page-insert-without-rollback',
              'a new store begins a transaction and returns on failed inserts without rolling it back', 'new',
              [f('go.mod', new=URCHIN_MOD)]),
             (2, 'go-00-urchin-page-commit-unchecked',
              'an edit calls Commit without looking at its error and returns the page id as stored', 'edit'),
             (0, 'go-ok-00-urchin-page-insert-rolled-back-commit-checked',
              'clean: rollback deferred after BeginTx, Commit error returned', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / CONC-01: IPFIX records to Kafka (go-ipfix), test beside
IPFIX = r'''
// KafkaExporter sends flow records to a Kafka topic.
type KafkaExporter struct {
    brokers  []string
    topic    string
    config   *sarama.Config
02|    producer sarama.AsyncProducer
}

// Start connects the producer once and drains its error channel for the life of the exporter.
func (e *KafkaExporter) Start() error {
02|    producer, err := sarama.NewAsyncProducer(e.brokers, e.config)
02|    if err != nil {
02|        return fmt.Errorf("kafka producer for %v: %w", e.brokers, err)
02|    }
02|    e.producer = producer
01|    go func() {
01|        defer func() {
01|            if r := recover(); r != nil {
01|                klog.Errorf("kafka error drain panicked: %v", r)
01|            }
01|        }()
01|        e.drainErrors()
01|    }()
2|    go e.drainErrors() //@CONC-01
    return nil
}

// SendRecord queues one encoded flow record.
func (e *KafkaExporter) SendRecord(key string, record []byte) error {
1|    producer, err := sarama.NewAsyncProducer(e.brokers, e.config) //@RES-04|RES-01
1|    if err != nil {
1|        return fmt.Errorf("kafka producer for %v: %w", e.brokers, err)
1|    }
02|    producer := e.producer
    producer.Input() <- &sarama.ProducerMessage{
        Topic: e.topic,
        Key:   sarama.StringEncoder(key),
        Value: sarama.ByteEncoder(record),
    }
    return nil
}

func (e *KafkaExporter) drainErrors() {
    dropped := 0
    for perr := range e.producer.Errors() {
        dropped++
        if dropped == 1 || dropped%500 == 0 {
            klog.Errorf("kafka export failed (%d so far): %v", dropped, perr.Err)
        }
    }
}
'''
IPFIX_TEST = '''package producer

import (
\t"testing"

\t"github.com/IBM/sarama"
)

func TestNewExporterKeepsTopic(t *testing.T) {
\te := &KafkaExporter{brokers: []string{"127.0.0.1:9092"}, topic: "flows", config: sarama.NewConfig()}
\tif e.topic != "flows" {
\t\tt.Fatalf("topic = %q", e.topic)
\t}
}
'''
cases_of(case, GH + 'vmware/go-ipfix/pull/210', 'pkg/producer/kafka.go',
         G('producer', ['fmt', '', 'github.com/IBM/sarama', 'k8s.io/klog/v2'])(IPFIX), [
             (1, 'go-00-go-ipfix-producer-made-per-record',
              'an edit builds a new async producer for every record and never closes it', 'edit'),
             (2, 'go-00-go-ipfix-error-drain-goroutine-bare',
              'an edit starts the error drain on a bare goroutine without the recover it had', 'edit'),
             (0, 'go-ok-00-go-ipfix-one-producer-guarded-drain',
              'clean: one producer made at start, error drain guarded; the test beside it', 'fix'),
         ], extra=[f('pkg/producer/kafka_test.go', new=IPFIX_TEST)])


# ---------------------------------------------------------------- ERR-01 / TMO-02: sink flush (tiflow)
TIFLOW = r'''
// flushRows writes a batch of row changes to the downstream topic and waits for the acknowledgements.
func (k *kafkaSink) flushRows(ctx context.Context, rows []*RowChange) error {
    msgs := make([]*sarama.ProducerMessage, 0, len(rows))
    for _, row := range rows {
        value, err := k.encoder.Encode(row)
        if err != nil {
            return fmt.Errorf("encode row of %s: %w", row.Table, err)
        }
        msgs = append(msgs, &sarama.ProducerMessage{Topic: k.topic, Value: sarama.ByteEncoder(value)})
    }
01|    sendCtx, cancel := context.WithTimeout(ctx, k.flushTimeout)
2|    sendCtx, cancel := context.WithTimeout(context.Background(), k.flushTimeout) //@TMO-02
    defer cancel()
02|    if err := k.producer.SendMessages(sendCtx, msgs); err != nil {
02|        return fmt.Errorf("flush %d rows to %s: %w", len(msgs), k.topic, err)
02|    }
1|    k.producer.SendMessages(sendCtx, msgs) //@ERR-01
    k.metrics.flushed.Add(float64(len(msgs)))
    return nil
}
'''
cases_of(case, GH + 'pingcap/tiflow/pull/961', 'cdc/sink/kafka_sink.go',
         G('sink', ['context', 'fmt', '', 'github.com/IBM/sarama'])(TIFLOW), [
             (1, 'go-00-tiflow-flush-send-error-dropped',
              'an edit sends the batch and ignores the error, counting the rows as flushed', 'edit'),
             (2, 'go-00-tiflow-flush-deadline-detached-from-caller',
              'an edit bounds the flush on a background context, so a stopped changefeed keeps sending', 'edit'),
             (0, 'go-ok-00-tiflow-flush-caller-deadline-error-returned',
              'clean: deadline derived from the caller, send error returned', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / TMO-01: AMQP consumer (cb-event-forwarder), renamed
CBEF = r'''
// Connect dials the broker, opens a channel, sets the prefetch and starts consuming.
func (c *Consumer) Connect() (<-chan amqp.Delivery, error) {
    cfg := amqp.Config{
        Heartbeat: 10 * time.Second,
01|        Dial:      amqp.DefaultDial(c.dialTimeout),
    }
    conn, err := amqp.DialConfig(c.amqpURI, cfg) //@{2}TMO-01
    if err != nil {
        return nil, fmt.Errorf("dial %s: %w", c.redactedURI(), err)
    }
    c.conn = conn
    c.conn.NotifyClose(c.connectionErrors)
    ch, err := c.conn.Channel() //@{1}RES-01
    if err != nil {
02|        return nil, fmt.Errorf("open channel: %w", err)
1|        return nil, fmt.Errorf("open amqp channel on %s: %w", c.redactedURI(), err)
    }
    if err := ch.Qos(c.prefetch, 0, false); err != nil {
02|        ch.Close()
        return nil, fmt.Errorf("set prefetch %d: %w", c.prefetch, err)
    }
    deliveries, err := ch.Consume(c.queueName, c.tag, false, false, false, false, nil)
    if err != nil {
02|        ch.Close()
        return nil, fmt.Errorf("consume %s: %w", c.queueName, err)
    }
    c.channel = ch
    return deliveries, nil
}
'''
cases_of(case, GH + 'carbonblack/cb-event-forwarder/pull/175', 'cmd/cb-event-forwarder/amqp_consumer.go',
         G('main', ['fmt', 'time', '', 'amqp github.com/rabbitmq/amqp091-go'])(CBEF), [
             (1, 'go-00-cb-event-forwarder-renamed-channel-left-open-on-failure',
              'a PR renames the consumer file and returns on a failed Qos or Consume without closing the channel',
              'rename'),
             (2, 'go-00-cb-event-forwarder-renamed-dial-without-timeout',
              'a PR renames the consumer file and dials the broker with no dial timeout', 'rename'),
             (0, 'go-ok-00-cb-event-forwarder-renamed-channel-closed-dial-bounded',
              'clean: the rename alone; dial bounded, channel closed on each failure', 'rename'),
         ], rename_from='cmd/cb-event-forwarder/amqp.go')


# ---------------------------------------------------------------- CONC-05 / LOG-01: channel reconnect (go-rabbitmq)
GORABBIT = r'''
// reconnectLoop reopens the channel after the broker closes it, until the manager is stopped.
func (m *channelManager) reconnectLoop(ctx context.Context) {
    attempt := 0
    for {
        err := m.reconnect()
        if err == nil {
            m.logger.Infof("channel reconnected after %d attempts", attempt)
            return
        }
        attempt++
02|        if attempt == 1 || attempt%20 == 0 {
02|            m.logger.Warnf("channel reconnect failed (attempt %d): %v", attempt, err)
02|        }
1|        m.logger.Warnf("channel reconnect failed (attempt %d): %v", attempt, err) //@LOG-01
01|        select {
01|        case <-ctx.Done():
01|            return
01|        case <-time.After(m.reconnectInterval):
01|        }
2|        time.Sleep(m.reconnectInterval) //@CONC-05
    }
}
'''
cases_of(case, GH + 'wagslane/go-rabbitmq/issues/56', 'internal/channelmanager/reconnect.go',
         G('channelmanager', ['context', 'time'])(GORABBIT), [
             (1, 'go-00-go-rabbitmq-reconnect-warns-every-attempt',
              'an edit warns on every failed reconnect attempt while the broker is down', 'edit'),
             (2, 'go-00-go-rabbitmq-reconnect-sleeps-through-stop',
              'an edit waits between attempts with time.Sleep, so stopping the manager waits out the pause', 'edit'),
             (0, 'go-ok-00-go-rabbitmq-reconnect-selects-and-samples',
              'clean: pause selects on the context, warning on the first and every twentieth attempt', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / RES-01: profiler collector (pmm)
PMM = r'''
// collectOnce reads new entries of system.profile and hands them to the aggregator.
func (c *Collector) collectOnce(ctx context.Context, since time.Time) (time.Time, error) {
01|    timeoutCtx, cancel := context.WithTimeout(ctx, cursorTimeout)
2|    timeoutCtx, cancel := context.WithTimeout(context.TODO(), cursorTimeout) //@TMO-02
    defer cancel()
    query := bson.M{"ns": bson.M{"$ne": c.dbName + ".system.profile"}, "ts": bson.M{"$gt": since}}
    cursor, err := c.collection.Find(timeoutCtx, query, options.Find().SetSort(bson.M{"ts": 1})) //@{1}RES-01
    if err != nil {
02|        return since, fmt.Errorf("open system.profile cursor: %w", err)
1|        return since, fmt.Errorf("query system.profile since %s: %w", since.Format(time.RFC3339), err)
    }
02|    // closed with a fresh context: a cancelled ctx would skip killCursors on the server
02|    defer cursor.Close(context.Background()) //nolint:errcheck
    last := since
    for cursor.Next(timeoutCtx) {
        var doc ProfileDoc
        if err := cursor.Decode(&doc); err != nil {
            return last, fmt.Errorf("decode profile entry: %w", err)
        }
        c.aggregator.Add(doc)
        last = doc.Ts
    }
    return last, cursor.Err()
}
'''
cases_of(case, GH + 'percona/pmm/pull/5739', 'agent/agents/mongodb/profiler/internal/collector/collector.go',
         G('collector', ['context', 'fmt', 'time', '', 'go.mongodb.org/mongo-driver/bson',
                         'go.mongodb.org/mongo-driver/mongo/options'])(PMM), [
             (1, 'go-00-pmm-profile-cursor-never-closed',
              'an edit drops the deferred close of the profile cursor, so each run leaves one open on the server',
              'edit'),
             (2, 'go-00-pmm-profile-read-detached-from-caller',
              'an edit bounds the read on context.TODO, so stopping the agent does not stop the query', 'edit'),
             (0, 'go-ok-00-pmm-profile-cursor-closed-caller-deadline',
              'clean: deadline derived from the caller, cursor closed with a fresh context on return', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-03 / CONC-07: heartbeat reporter (polaris-go)
POLARIS = r'''
// heartbeatLoop reports the instance as healthy until ctx ends.
func (r *Reporter) heartbeatLoop(ctx context.Context) {
    ticker := time.NewTicker(r.interval)
    defer ticker.Stop()
    for {
        select {
        case <-ctx.Done():
            return
        case <-ticker.C:
        }
02|        hbCtx, cancel := context.WithTimeout(ctx, r.callTimeout)
1|        hbCtx, _ := context.WithTimeout(ctx, r.callTimeout) //@TMO-03
        err := r.client.Heartbeat(hbCtx, r.instance)
02|        cancel()
        if err != nil {
            r.failures.Inc()
01|            log.Printf("heartbeat of %s failed: %v", r.instance.ID, err)
01|            continue
2|            log.Printf("heartbeat of %s failed, stopping reporter: %v", r.instance.ID, err)
2|            return //@CONC-07
        }
    }
}
'''
POLARIS_MOD = gomod('github.com/polarismesh/polaris-go', ['github.com/prometheus/client_golang v1.20.5'])
cases_of(case, GH + 'polarismesh/polaris-go/pull/34', 'pkg/flow/heartbeat/reporter.go',
         G('heartbeat', ['context', 'log', 'time'])(POLARIS), [
             (1, 'go-00-polaris-go-heartbeat-cancel-discarded',
              'a new reporter derives a timeout per heartbeat and throws its cancel function away', 'new',
              [f('go.mod', new=POLARIS_MOD)]),
             (2, 'go-00-polaris-go-heartbeat-loop-ends-on-failure',
              'an edit returns from the heartbeat loop on the first failed call, so the instance goes unhealthy',
              'edit'),
             (0, 'go-ok-00-polaris-go-heartbeat-cancelled-keeps-ticking',
              'clean: cancel called after each call, a failure logged and the loop keeps ticking', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / CONC-05: health monitor (NVSentinel)
NVSENTINEL = r'''
// runMonitor runs a health check on every tick and backs off after failures.
func runMonitor(ctx context.Context, monitor *SyslogMonitor, pollingInterval time.Duration) {
    ticker := time.NewTicker(pollingInterval)
    defer ticker.Stop()
    var backoff time.Duration
    for {
        select {
        case <-ctx.Done():
            return
        case <-ticker.C:
        }
        if err := monitor.Run(ctx); err != nil {
1|            slog.Error("health check run failed, monitor stops", "error", err)
1|            return //@CONC-07
02|            backoff = nextBackoff(backoff)
02|            slog.Error("health check run failed; retrying after backoff", "error", err, "backoff", backoff)
0|            if !waitBackoff(ctx, backoff) {
0|                return
0|            }
2|            time.Sleep(backoff) //@CONC-05
02|            ticker.Reset(pollingInterval)
02|            continue
        }
        backoff = 0
    }
}

// waitBackoff pauses for d and reports false when ctx ended first.
func waitBackoff(ctx context.Context, d time.Duration) bool {
    t := time.NewTimer(d)
    defer t.Stop()
    select {
    case <-ctx.Done():
        return false
    case <-t.C:
        return true
    }
}
'''
cases_of(case, GH + 'NVIDIA/NVSentinel/pull/813', 'health-monitors/syslog-health-monitor/main.go',
         G('main', ['context', 'log/slog', 'time'])(NVSENTINEL), [
             (1, 'go-00-nvsentinel-monitor-loop-ends-on-failed-run',
              'an edit returns from the polling loop on the first failed check, so the node is never checked again',
              'edit'),
             (2, 'go-00-nvsentinel-backoff-sleeps-through-shutdown',
              'an edit waits out the backoff with time.Sleep, so shutdown waits up to the longest backoff', 'edit'),
             (0, 'go-ok-00-nvsentinel-monitor-backs-off-on-context',
              'clean: failure logged, backoff waits on the context, loop continues', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / RES-02: metadata monitor (signalfx-agent), two files
SIGNALFX = r'''
// Configure starts polling the metadata endpoint until the monitor is shut down.
func (m *Monitor) Configure(conf *Config) error {
    ctx, cancel := context.WithCancel(context.Background())
    m.cancel = cancel
    interval := time.Duration(conf.IntervalSeconds) * time.Second
01|    utils.RunOnInterval(ctx, func() { m.poll(ctx, conf.URL) }, interval)
2|    go func() { //@CONC-01
2|        ticker := time.NewTicker(interval)
2|        defer ticker.Stop()
2|        for {
2|            select {
2|            case <-ctx.Done():
2|                return
2|            case <-ticker.C:
2|                m.poll(ctx, conf.URL)
2|            }
2|        }
2|    }()
    return nil
}

func (m *Monitor) poll(ctx context.Context, url string) {
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
    if err != nil {
        m.logger.WithError(err).Error("build metadata request")
        return
    }
    resp, err := m.client.Do(req) //@{1}RES-02
    if err != nil {
02|        m.logger.WithError(err).Warn("metadata endpoint unreachable")
1|        m.logger.WithError(err).WithField("url", url).Warn("metadata endpoint unreachable")
        return
    }
02|    defer resp.Body.Close()
    var meta instanceMetadata
    if err := json.NewDecoder(resp.Body).Decode(&meta); err != nil {
        m.logger.WithError(err).Warn("decode metadata")
        return
    }
    m.Output.SendDatapoints(meta.datapoints()...)
}
'''
SIGNALFX_UTILS = '''package utils

import (
\t"context"
\t"time"

\tlog "github.com/sirupsen/logrus"
)

// RunOnInterval calls fn once per interval until ctx ends; a panic in fn is logged and the next tick still runs.
func RunOnInterval(ctx context.Context, fn func(), interval time.Duration) {
\tgo func() {
\t\tticker := time.NewTicker(interval)
\t\tdefer ticker.Stop()
\t\tfor {
\t\t\tselect {
\t\t\tcase <-ctx.Done():
\t\t\t\treturn
\t\t\tcase <-ticker.C:
\t\t\t\tsafeCall(fn)
\t\t\t}
\t\t}
\t}()
}

func safeCall(fn func()) {
\tdefer func() {
\t\tif r := recover(); r != nil {
\t\t\tlog.WithField("panic", r).Error("interval function panicked")
\t\t}
\t}()
\tfn()
}
'''
cases_of(case, GH + 'signalfx/signalfx-agent/pull/21', 'pkg/monitors/metadata/monitor.go',
         G('metadata', ['context', 'encoding/json', 'net/http', 'time', '',
                        'github.com/signalfx/signalfx-agent/pkg/utils'])(SIGNALFX), [
             (1, 'go-00-signalfx-agent-metadata-response-never-closed',
              'an edit drops the deferred close of the metadata response, so every poll pins a connection', 'edit'),
             (2, 'go-00-signalfx-agent-poll-loop-on-bare-goroutine',
              'an edit replaces the recovering interval helper with its own bare polling goroutine', 'edit'),
             (0, 'go-ok-00-signalfx-agent-body-closed-guarded-interval',
              'clean: response body closed, polling through the recovering helper in the second file', 'fix'),
         ], extra=[f('pkg/utils/interval.go', new=SIGNALFX_UTILS)])


# ---------------------------------------------------------------- CONC-03 / TMO-01: gateway websocket (stampzilla-go)
STAMPZILLA = r'''
// ConnectWithRetry keeps a websocket to the deCONZ gateway open and records the state of every sensor it reports.
func (w *websocketClient) ConnectWithRetry(ctx context.Context, url string) {
    dialer := websocket.Dialer{
        Proxy:            http.ProxyFromEnvironment,
01|        HandshakeTimeout: 10 * time.Second,
    }
    go func() {
        defer recoverAndLog("deconz websocket")
        for ctx.Err() == nil {
            conn, _, err := dialer.DialContext(ctx, url, nil) //@{2}TMO-01
            if err != nil {
01|                logrus.WithError(err).Warn("deconz websocket dial failed")
2|                logrus.WithError(err).WithField("url", url).Warn("deconz websocket dial failed, retrying")
                sleepCtx(ctx, 5*time.Second)
                continue
            }
            w.readLoop(conn)
        }
    }()
}

func (w *websocketClient) readLoop(conn *websocket.Conn) {
    defer conn.Close()
    for {
        var evt sensorEvent
        if err := conn.ReadJSON(&evt); err != nil {
            logrus.WithError(err).Info("deconz websocket closed")
            return
        }
02|        w.mu.Lock()
        w.state[evt.ID] = evt.State //@{1}CONC-03
02|        w.mu.Unlock()
    }
}

// State is called by the HTTP API goroutines.
func (w *websocketClient) State(id string) (SensorState, bool) {
    w.mu.Lock()
    defer w.mu.Unlock()
    s, ok := w.state[id]
    return s, ok
}
'''
cases_of(case, GH + 'stampzilla/stampzilla-go/issues/144', 'nodes/stampzilla-deconz/websocket.go',
         G('main', ['context', 'net/http', 'time', '', 'github.com/gorilla/websocket', 'github.com/sirupsen/logrus'])(STAMPZILLA), [
             (1, 'go-00-stampzilla-go-sensor-state-written-unlocked',
              'an edit writes the sensor state map from the read loop without the lock the API readers take', 'edit'),
             (2, 'go-00-stampzilla-go-gateway-dial-without-handshake-timeout',
              'an edit drops the handshake timeout, so a gateway that accepts and stalls hangs the dial', 'edit'),
             (0, 'go-ok-00-stampzilla-go-state-locked-dial-bounded',
              'clean: state written under the mutex, handshake bounded', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-01 / LOG-02: rate limit middleware (spire)
SPIRE = r'''
// RateLimit checks every call against the limiter registered for its method.
func (m *rateLimitMiddleware) RateLimit(ctx context.Context, method string, count int) error {
    limiter, ok := m.limiters[method]
    if !ok {
02|        m.misconfigured.WithLabelValues(method).Inc()
02|        m.warnOnce(method, "rate limiter missing for method; calls are not limited")
1|        m.log.WithField("method", method).Warn("rate limiter missing for method; calls are not limited") //@LOG-01
        return nil
    }
01|    m.log.WithField("method", method).WithField("count", count).Debug("rate limiting call")
2|    m.log.Debug(fmt.Sprintf("rate limiting %s: %d events, limiter %+v", method, count, limiter)) //@LOG-02
    return limiter.WaitN(ctx, count)
}

// warnOnce logs a misconfiguration the first time a method shows it.
func (m *rateLimitMiddleware) warnOnce(method, msg string) {
    m.mu.Lock()
    defer m.mu.Unlock()
    if m.warned[method] {
        return
    }
    m.warned[method] = true
    m.log.WithField("method", method).Warn(msg)
}
'''
cases_of(case, GH + 'spiffe/spire/issues/1900', 'pkg/server/api/middleware/ratelimit.go',
         G('middleware', ['context', 'fmt'])(SPIRE), [
             (1, 'go-00-spire-missing-limiter-warns-every-call',
              'an edit warns about a missing limiter on every call instead of once per method', 'edit'),
             (2, 'go-00-spire-rate-limit-debug-line-formatted-eagerly',
              'an edit formats the debug line with Sprintf, printing the limiter on every call even with debug off',
              'edit'),
             (0, 'go-ok-00-spire-missing-limiter-warned-once-structured-debug',
              'clean: misconfiguration counted and warned once per method, debug line with fields', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-01 / TMO-02: cluster rate limit (skipper)
SKIPPER = r'''
// Allow reports whether a request of the given client key is under the cluster-wide limit.
func (c *clusterLimitRedis) Allow(ctx context.Context, clientKey string) bool {
    key := c.prefix + clientKey
01|    rctx, cancel := context.WithTimeout(ctx, c.timeout)
2|    rctx, cancel := context.WithTimeout(context.Background(), c.timeout) //@TMO-02
    defer cancel()
    count, err := c.ring.Incr(rctx, key).Result()
    if err != nil {
        c.failures.Inc()
1|        log.Errorf("ratelimit: redis incr of %s failed, letting request through: %v", key, err) //@LOG-01
        return true // fail open: a redis outage must not block traffic
    }
    if count == 1 {
        if err := c.ring.Expire(rctx, key, c.window).Err(); err != nil {
            c.failures.Inc() // the key then lives until the next window's first hit resets it
        }
    }
    return count <= c.maxHits
}
'''
cases_of(case, GH + 'zalando/skipper/issues/1130', 'ratelimit/redis.go',
         G('ratelimit', ['context', '', 'log github.com/sirupsen/logrus'])(SKIPPER), [
             (1, 'go-00-skipper-redis-failure-logged-per-request',
              'an edit logs an error line for every request while redis is failing, besides the counter', 'edit'),
             (2, 'go-00-skipper-redis-call-detached-from-request',
              'an edit bounds the redis call on a background context, so a cancelled request still waits', 'edit'),
             (0, 'go-ok-00-skipper-redis-request-context-counted-failures',
              'clean: deadline derived from the request, failures only counted', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / TMO-01: rate limit service (envoyproxy/ratelimit)
ENVOYRL = r'''
// NewRedisPool dials the cache that backs the limits.
func NewRedisPool(url string, poolSize int, timeout time.Duration) (*radix.Pool, error) {
01|    dialer := func(network, addr string) (radix.Conn, error) {
01|        return radix.Dial(network, addr, radix.DialTimeout(timeout))
01|    }
2|    dialer := func(network, addr string) (radix.Conn, error) {
2|        return radix.Dial(network, addr) //@TMO-01
2|    }
    return radix.NewPool("tcp", url, poolSize, radix.PoolConnFunc(dialer))
}

// ShouldRateLimit answers one check; a cache error fails the call so envoy applies its failure mode.
func (s *service) ShouldRateLimit(ctx context.Context, req *RateLimitRequest) (resp *RateLimitResponse, err error) {
    defer func() {
        if r := recover(); r != nil {
            err = fmt.Errorf("ratelimit: %v", r)
        }
    }()
    statuses, cacheErr := s.cache.DoLimit(ctx, req)
    if cacheErr != nil {
02|        logger.Debugf("caught error during call: %v", cacheErr)
02|        s.stats.serviceError.Inc()
02|        return nil, cacheErr
1|        logger.Debugf("caught error during call: %v", cacheErr) //@ERR-01
1|        return &RateLimitResponse{OverallCode: CodeOK}, nil
    }
    return &RateLimitResponse{OverallCode: overall(statuses), Statuses: statuses}, nil
}
'''
ENVOYRL_MOD = gomod('github.com/envoyproxy/ratelimit', ['github.com/mediocregopher/radix/v3 v3.8.1',
                                                         'github.com/sirupsen/logrus v1.9.3'])
cases_of(case, GH + 'envoyproxy/ratelimit/pull/612', 'src/service/ratelimit.go',
         G('ratelimit', ['context', 'fmt', 'time', '', 'github.com/mediocregopher/radix/v3',
                         'logger github.com/sirupsen/logrus'])(ENVOYRL), [
             (1, 'go-00-envoy-ratelimit-cache-error-answered-ok',
              'a new service logs a cache failure at debug level and answers OK, hiding the outage', 'new',
              [f('go.mod', new=ENVOYRL_MOD)]),
             (2, 'go-00-envoy-ratelimit-redis-dial-without-timeout',
              'an edit dials the redis connections of the pool without a dial timeout', 'edit'),
             (0, 'go-ok-00-envoy-ratelimit-cache-error-returned-dial-bounded',
              'clean: cache error counted and returned, dial bounded', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-01 / CONC-02: signature replication (promo-tools)
PROMO = r'''
// ReplicateSignatures copies the signature of every promoted image to each mirror.
func (s *Signer) ReplicateSignatures(ctx context.Context, images []ImageRef, mirrors []string) error {
    g, ctx := errgroup.WithContext(ctx)
01|    g.SetLimit(s.maxParallel)
    for _, img := range images {
01|        img := img
        g.Go(func() error { //@{2}CONC-02
            for _, mirror := range mirrors {
                if err := s.limiter.Wait(ctx); err != nil {
                    return err
                }
1|                logrus.WithField("image", img.Digest).Warn("backoff active, waiting for rate limiter") //@LOG-01
                if err := s.copySignature(ctx, img, mirror); err != nil {
                    return fmt.Errorf("copy signature of %s to %s: %w", img.Digest, mirror, err)
                }
            }
            return nil
        })
    }
    return g.Wait()
}
'''
cases_of(case, GH + 'kubernetes-sigs/promo-tools/pull/1745', 'promoter/image/sign.go',
         G('imagepromoter', ['context', 'fmt', '', 'github.com/sirupsen/logrus', 'golang.org/x/sync/errgroup'])(PROMO), [
             (1, 'go-00-promo-tools-backoff-warning-per-copy',
              'an edit warns before every signature copy, hundreds of identical lines per promotion', 'edit'),
             (2, 'go-00-promo-tools-replication-group-without-limit',
              'an edit drops the group limit, so every image of a large promotion gets its goroutine at once', 'edit'),
             (0, 'go-ok-00-promo-tools-limited-group-quiet-wait',
              'clean: group limited, no per-copy warning', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / ERR-01: query builder transaction (buildsqlx), generated mock
BUILDSQLX = r'''
// InTransaction runs fn inside one transaction: committed when fn returns nil, rolled back otherwise.
func (r *DB) InTransaction(ctx context.Context, fn func(tx *sql.Tx) (interface{}, error)) (interface{}, error) {
    tx, err := r.Sql().BeginTx(ctx, nil) //@{1}TX-01
    if err != nil {
02|        return nil, fmt.Errorf("begin: %w", err)
1|        return nil, fmt.Errorf("begin transaction: %w", err)
    }
    res, err := fn(tx)
    if err != nil {
02|        if rbErr := tx.Rollback(); rbErr != nil {
02|            return nil, errors.Join(err, fmt.Errorf("rollback: %w", rbErr))
02|        }
        return nil, err
    }
    if res == nil {
01|        if rbErr := tx.Rollback(); rbErr != nil {
01|            return nil, fmt.Errorf("rollback of empty result: %w", rbErr)
01|        }
2|        tx.Rollback() //@ERR-01
        return nil, errTransactionNoResult
    }
    if err := tx.Commit(); err != nil {
        return nil, fmt.Errorf("commit: %w", err)
    }
    return res, nil
}
'''
BUILDSQLX_MOCK = GO_GENERATED.replace('store.go', 'builder.go') + '''package buildsqlx

import (
\t"context"
\t"database/sql"

\tgomock "go.uber.org/mock/gomock"
)

// MockTxRunner is a mock of TxRunner interface.
type MockTxRunner struct {
\tctrl *gomock.Controller
}

// InTransaction mocks base method.
func (m *MockTxRunner) InTransaction(ctx context.Context, fn func(*sql.Tx) (interface{}, error)) (interface{}, error) {
\tret := m.ctrl.Call(m, "InTransaction", ctx, fn)
\tret0, _ := ret[0].(interface{})
\tret1, _ := ret[1].(error)
\treturn ret0, ret1
}
'''
cases_of(case, GH + 'arthurkushman/buildsqlx/pull/85', 'transaction.go',
         G('buildsqlx', ['context', 'database/sql', 'errors', 'fmt'])(BUILDSQLX), [
             (1, 'go-00-buildsqlx-failed-callback-leaves-transaction-open',
              'an edit returns the callback error without rolling the transaction back', 'edit'),
             (2, 'go-00-buildsqlx-empty-result-rollback-error-dropped',
              'an edit rolls back an empty result and drops the rollback error', 'edit'),
             (0, 'go-ok-00-buildsqlx-rolled-back-on-every-path',
              'clean: rollback on both failure paths with its error joined; a generated mock beside it', 'fix',
              [f('mock_transaction.go', new=BUILDSQLX_MOCK)]),
         ])


# ---------------------------------------------------------------- CONC-02 / CONC-06: binary updates (gup)
GUP = r'''
// updateAll reinstalls every binary at its latest version, a few at a time.
func updateAll(ctx context.Context, pkgs []goutil.Package, jobs int) error {
    var mu sync.Mutex
    failed := []string{}
    eg, ctx := errgroup.WithContext(ctx)
02|    eg.SetLimit(jobs)
    for _, p := range pkgs {
        p := p
        eg.Go(func() error { //@{1}CONC-02
            if err := goutil.Install(ctx, p.ImportPath, "latest"); err != nil {
                mu.Lock()
                failed = append(failed, p.Name)
                mu.Unlock()
                return fmt.Errorf("update %s: %w", p.Name, err)
            }
            return nil
        })
    }
01|    if err := eg.Wait(); err != nil {
01|        return fmt.Errorf("%d of %d updates failed (%v): %w", len(failed), len(pkgs), failed, err)
01|    }
2|    eg.Wait() //@CONC-06
    print.Info("updated %d binaries", len(pkgs)-len(failed))
    return nil
}
'''
cases_of(case, GH + 'nao1215/gup/pull/77', 'cmd/update.go',
         G('cmd', ['context', 'fmt', 'sync', '', 'github.com/nao1215/gup/internal/goutil',
                   'github.com/nao1215/gup/internal/print', 'golang.org/x/sync/errgroup'])(GUP), [
             (1, 'go-00-gup-update-group-without-limit',
              'an edit drops the group limit, so every installed binary is rebuilt at once', 'edit'),
             (2, 'go-00-gup-update-group-result-dropped',
              'an edit waits for the group and drops its error, reporting success after failed updates', 'edit'),
             (0, 'go-ok-00-gup-update-group-limited-result-returned',
              'clean: group limited to the jobs flag, Wait error returned with the failed names', 'fix'),
         ])
