"""Round-25 Go cases, written for this corpus from the checklist items (see SOURCES.md). Each template is written once
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


# ---------------------------------------------------------------- RES-03 / TMO-01: work-unit input staging (AWE)
AWE = r'''
// stageInputs downloads every input file of a work unit into its work directory before the command runs.
func (w *Worker) stageInputs(ctx context.Context, unit *WorkUnit) error {
    for _, in := range unit.Inputs {
        req, err := http.NewRequestWithContext(ctx, http.MethodGet, w.shockURL+"/node/"+in.NodeID+"?download", nil)
        if err != nil {
            return fmt.Errorf("input %s: %w", in.Name, err)
        }
        resp, err := w.client.Do(req)
        if err != nil {
            return fmt.Errorf("fetch %s: %w", in.Name, err)
        }
1|        defer resp.Body.Close() //@RES-03
        if resp.StatusCode != http.StatusOK {
02|            resp.Body.Close()
            return fmt.Errorf("fetch %s: status %d", in.Name, resp.StatusCode)
        }
        if err := writeInput(filepath.Join(unit.WorkDir, in.Name), resp.Body); err != nil {
02|            resp.Body.Close()
            return err
        }
02|        resp.Body.Close()
    }
    return nil
}

// NewWorker builds the client the worker uses against the data store.
func NewWorker(shockURL string) *Worker {
    return &Worker{
        shockURL: shockURL,
01|        client:   &http.Client{Timeout: 10 * time.Minute},
2|        client:   &http.Client{}, //@TMO-01
    }
}
'''
cases_of(case, GH + 'MG-RAST/AWE/pull/251', 'worker/stage.go',
         G('worker', ['context', 'fmt', 'net/http', 'path/filepath', 'time'])(AWE), [
             (1, 'go-00-awe-input-body-close-deferred-in-loop',
              'an edit defers the close of every downloaded input inside the loop, so all bodies stay open until the '
              'whole unit is staged', 'edit'),
             (2, 'go-00-awe-data-store-client-without-timeout',
              'an edit builds the worker\'s data-store client without a timeout, so a stalled download holds the '
              'work unit forever', 'edit'),
             (0, 'go-ok-00-awe-input-closed-per-iteration-bounded-client',
              'clean: each input body closed in its own iteration, client with a timeout', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / RES-02: HTTP proxy forwarding (gost)
GOST = r'''
// forward relays a plain HTTP request to its origin and copies the answer back to the client.
func (h *httpHandler) forward(w http.ResponseWriter, r *http.Request) {
    r.RequestURI = ""
    removeHopHeaders(r.Header)
1|    tr := &http.Transport{Proxy: nil, DialContext: h.chain.DialContext} //@RES-04
1|    resp, err := (&http.Client{Transport: tr, Timeout: h.timeout}).Do(r)
02|    resp, err := h.client.Do(r) //@{2}RES-02
    if err != nil {
01|        log.Logf("[http] %s -> %s : %s", r.RemoteAddr, r.Host, err)
2|        log.Logf("[http] %s -> %s : %v", r.RemoteAddr, r.Host, err)
        w.WriteHeader(http.StatusServiceUnavailable)
        return
    }
01|    defer resp.Body.Close()
    removeHopHeaders(resp.Header)
    for k, vs := range resp.Header {
        for _, v := range vs {
            w.Header().Add(k, v)
        }
    }
    w.WriteHeader(resp.StatusCode)
    if _, err := io.Copy(w, resp.Body); err != nil {
        log.Logf("[http] %s <- %s : %s", r.RemoteAddr, r.Host, err)
    }
}
'''
cases_of(case, GH + 'ginuerzh/gost/pull/231', 'http.go',
         G('gost', ['io', 'net/http', '', 'github.com/go-log/log'])(GOST), [
             (1, 'go-00-gost-transport-per-forwarded-request',
              'an edit builds a new transport and client for every forwarded request, so no upstream connection is '
              'ever reused', 'edit'),
             (2, 'go-00-gost-origin-body-never-closed',
              'an edit copies the origin\'s answer and no longer closes its body', 'edit'),
             (0, 'go-ok-00-gost-shared-client-body-deferred',
              'clean: the handler\'s shared client, origin body closed on return', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / TMO-02: tile fetcher (tesseract)
TESSERACT = r'''
// fetchTile reads one tile of the log from the object store's HTTP frontend.
func (f *TileFetcher) fetchTile(ctx context.Context, level, index uint64) ([]byte, error) {
    u := f.base.JoinPath("tile", strconv.FormatUint(level, 10), layout.NWithSuffix(0, index, 0))
01|    req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
2|    req, err := http.NewRequestWithContext(context.Background(), http.MethodGet, u.String(), nil) //@TMO-02
    if err != nil {
        return nil, err
    }
    resp, err := f.client.Do(req) //@{1}RES-02
    if err != nil {
02|        return nil, fmt.Errorf("get %s: %w", u, err)
1|        return nil, fmt.Errorf("fetch tile %s: %w", u, err)
    }
02|    defer resp.Body.Close()
    switch resp.StatusCode {
    case http.StatusOK:
    case http.StatusNotFound:
        return nil, os.ErrNotExist
    default:
        return nil, fmt.Errorf("get %s: unexpected status %s", u, resp.Status)
    }
1|    defer resp.Body.Close()
    return io.ReadAll(resp.Body)
}
'''
cases_of(case, GH + 'transparency-dev/tesseract/pull/865', 'internal/client/fetcher.go',
         GV('client', {v: ['context', 'fmt', 'io', 'net/http', 'os', 'strconv', '',
                           'github.com/transparency-dev/tessera/api/layout'] for v in (0, 1, 2)})(TESSERACT), [
             (1, 'go-00-tesseract-tile-body-closed-after-status-switch',
              'an edit moves the deferred close below the status switch, so every missing or failed tile leaks its '
              'body', 'edit'),
             (2, 'go-00-tesseract-tile-request-detached-from-caller',
              'an edit builds the tile request on a background context, so a cancelled fetch keeps downloading', 'edit'),
             (0, 'go-ok-00-tesseract-tile-body-deferred-caller-context',
              'clean: body closed right after the call, request on the caller context', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / TX-02: batch counters (cdk-erigon), renamed
ERIGON = r'''
// WriteBatchCounters stores the counters of every block of a sealed batch in one read-write transaction.
func (s *HermezDb) WriteBatchCounters(ctx context.Context, batchNo uint64, counters map[uint64][]byte) error {
    tx, err := s.db.BeginRw(ctx) //@{1}TX-01
    if err != nil {
02|        return err
1|        return fmt.Errorf("begin batch %d: %w", batchNo, err)
    }
02|    defer tx.Rollback()
    for blockNo, c := range counters {
        if err := tx.Put(kv.BatchCounters, blockKey(batchNo, blockNo), c); err != nil {
            return fmt.Errorf("batch %d block %d: %w", batchNo, blockNo, err)
        }
    }
    if err := tx.Put(kv.BatchCountersHighest, u64(batchNo), u64(batchNo)); err != nil {
        return err
    }
01|    return tx.Commit()
2|    tx.Commit() //@TX-02
2|    return nil
}
'''
cases_of(case, GH + '0xPolygon/cdk-erigon/pull/1453', 'zk/hermez_db/batch_counters.go',
         G('hermez_db', ['context', 'fmt', '', 'github.com/erigontech/erigon-lib/kv'])(ERIGON), [
             (1, 'go-00-cdk-erigon-renamed-counters-tx-never-rolled-back',
              'a PR renames the file and drops the deferred rollback, so a failed put leaves the read-write '
              'transaction open', 'rename'),
             (2, 'go-00-cdk-erigon-renamed-counters-commit-unchecked',
              'a PR renames the file and commits without looking at the error, reporting the batch as stored',
              'rename'),
             (0, 'go-ok-00-cdk-erigon-renamed-rolled-back-commit-returned',
              'clean: the rename alone; deferred rollback, commit error returned', 'rename'),
         ], rename_from='zk/hermez_db/db.go')


# ---------------------------------------------------------------- CONC-01 / ERR-01: Kafka consumer (patron), new file
PATRON = r'''
// Consume reads the topic and hands every message to the processing function until ctx ends.
func (c *Consumer) Consume(ctx context.Context, proc ProcessorFunc) error {
    msgs := make(chan kafka.Message, c.bufferSize)
    go func() { //@{1}CONC-01
02|        defer c.recoverInto(ctx)
        defer close(msgs)
        for {
            m, err := c.reader.FetchMessage(ctx)
            if err != nil {
                c.errs <- err
                return
            }
            msgs <- m
        }
    }()
    for m := range msgs {
01|        if err := proc(ctx, m); err != nil {
01|            return fmt.Errorf("process offset %d: %w", m.Offset, err)
01|        }
2|        _ = proc(ctx, m) //@ERR-01
        if err := c.reader.CommitMessages(ctx, m); err != nil {
            return err
        }
    }
    return <-c.errs
}
'''
PATRON_MOD = gomod('github.com/beatlabs/patron', ['github.com/segmentio/kafka-go v0.4.47'])
cases_of(case, GH + 'beatlabs/patron/issues/206', 'component/kafka/consumer.go',
         G('kafka', ['context', 'fmt', '', 'github.com/segmentio/kafka-go'])(PATRON), [
             (1, 'go-00-patron-fetch-loop-on-bare-goroutine',
              'a new consumer fetches on a goroutine without a recover, so one panicking fetch ends the service',
              'new', [f('go.mod', new=PATRON_MOD)]),
             (2, 'go-00-patron-processing-error-dropped-offset-committed',
              'an edit drops the processing error and commits the offset anyway, so failed messages are lost', 'edit'),
             (0, 'go-ok-00-patron-guarded-fetch-failure-returned',
              'clean: fetch loop behind the recovering helper, a failed message stops the consumer unacknowledged',
              'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / CONC-05: Kafka reader (logkit)
LOGKIT = r'''
// Start joins the consumer group and copies messages into the reader's buffer until Close.
func (kr *Reader) Start() error {
    consumer, err := cluster.NewConsumer(kr.brokers, kr.group, kr.topics, kr.config) //@{1}RES-01
    if err != nil {
02|        return fmt.Errorf("runner[%v] join group %s: %w", kr.meta.RunnerName, kr.group, err)
1|        return fmt.Errorf("runner[%v] join consumer group %s: %w", kr.meta.RunnerName, kr.group, err)
    }
    if err := kr.checkOffsets(consumer); err != nil {
02|        consumer.Close()
        return fmt.Errorf("runner[%v] offsets: %w", kr.meta.RunnerName, err)
    }
    kr.consumer = consumer
    go kr.run()
    return nil
}

func (kr *Reader) run() {
    for atomic.LoadInt32(&kr.status) != StatusStopping {
        select {
        case msg := <-kr.consumer.Messages():
            kr.buf <- msg
            kr.consumer.MarkOffset(msg, "")
        default:
01|            select {
01|            case <-kr.stop:
01|                return
01|            case <-time.After(time.Second):
01|            }
2|            time.Sleep(time.Second) //@CONC-05
        }
    }
}
'''
cases_of(case, GH + 'qiniu/logkit/pull/145', 'reader/kafka/kafka.go',
         G('kafka', ['fmt', 'sync/atomic', 'time', '', 'github.com/bsm/sarama-cluster'])(LOGKIT), [
             (1, 'go-00-logkit-consumer-left-open-on-offset-failure',
              'an edit returns on a failed offset check without closing the group consumer it just joined', 'edit'),
             (2, 'go-00-logkit-idle-wait-sleeps-through-stop',
              'an edit waits out an idle second with time.Sleep, so Close waits for it and the stop channel is never '
              'read', 'edit'),
             (0, 'go-ok-00-logkit-consumer-closed-idle-wait-selects-stop',
              'clean: consumer closed on the failure path, the idle wait selects on the stop channel', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / CONC-02: SNS/SQS subscriber (dapr)
DAPR = r'''
// Subscribe registers a handler for a topic; the SQS poller reads the map for every message it receives.
func (s *snsSqs) Subscribe(ctx context.Context, req pubsub.SubscribeRequest, handler pubsub.Handler) error {
    topicArn, err := s.getOrCreateTopic(ctx, req.Topic)
    if err != nil {
        return err
    }
02|    s.subscriptionsLock.Lock()
02|    defer s.subscriptionsLock.Unlock()
    s.topicHandlers[sanitize(req.Topic)] = &subscriptionHandler{topicArn: topicArn, handler: handler} //@{1}CONC-03
    return s.subscribeQueueToTopic(ctx, topicArn)
}

func (s *snsSqs) consume(ctx context.Context, out *sqs.ReceiveMessageOutput) {
    for _, msg := range out.Messages {
01|        s.workers <- struct{}{}
01|        go func(m *sqs.Message) {
01|            defer func() { <-s.workers }()
01|            s.handleMessage(ctx, m)
01|        }(msg)
2|        go s.handleMessage(ctx, msg) //@CONC-02
    }
}
'''
cases_of(case, GH + 'dapr/components-contrib/issues/3430', 'pubsub/aws/snssqs/snssqs.go',
         G('snssqs', ['context', '', 'github.com/aws/aws-sdk-go/service/sqs', 'github.com/dapr/components-contrib/pubsub'])(DAPR), [
             (1, 'go-00-components-contrib-topic-handler-stored-without-lock',
              'an edit stores a topic handler without the subscriptions lock while the poller reads the map', 'edit'),
             (2, 'go-00-components-contrib-goroutine-per-received-message',
              'an edit handles every received message on its own goroutine instead of the bounded worker slots',
              'edit'),
             (0, 'go-ok-00-components-contrib-locked-handlers-bounded-workers',
              'clean: handlers stored under the lock, messages handled through the worker slots', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / TMO-01: runtime socket client (client-native), CRLF
CLIENTNATIVE = r'''
// ExecuteRaw sends one command to every runtime socket and caches the last answer per socket.
func (c *Client) ExecuteRaw(command string) ([]string, error) {
    answers := make([]string, 0, len(c.sockets))
    for _, sock := range c.sockets {
01|        conn, err := net.DialTimeout("unix", sock, c.timeout)
2|        conn, err := net.Dial("unix", sock) //@TMO-01
        if err != nil {
            return nil, fmt.Errorf("runtime %s: %w", sock, err)
        }
01|        _ = conn.SetDeadline(time.Now().Add(c.timeout))
        out, err := roundTrip(conn, command)
        conn.Close()
        if err != nil {
            return nil, err
        }
02|        c.mu.Lock()
        c.lastAnswer[sock] = out //@{1}CONC-03
02|        c.mu.Unlock()
        answers = append(answers, out)
    }
    return answers, nil
}
'''
cases_of(case, GH + 'haproxytech/client-native/issues/69', 'runtime/client.go',
         GV('runtime', {0: ['fmt', 'net', 'time'], 1: ['fmt', 'net', 'time'], 2: ['fmt', 'net']})(CLIENTNATIVE), [
             (1, 'go-00-client-native-answer-cache-written-without-lock',
              'an edit writes the per-socket answer cache without the client lock, while parallel API calls run '
              'commands (CRLF)', 'edit'),
             (2, 'go-00-client-native-socket-dialled-without-deadline',
              'an edit dials the runtime socket without a timeout or deadline, so a stuck HAProxy holds the API call '
              '(CRLF)', 'edit'),
             (0, 'go-ok-00-client-native-cache-locked-socket-bounded',
              'clean: cache written under the lock, dial and exchange bounded (CRLF)', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- TMO-03 / ERR-01: asset store (dotori), tests beside
DOTORI = r'''
// AddItem stores a new asset and marks its thumbnails as pending.
func AddItem(client *mongo.Client, i Item) error {
01|    ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
01|    defer cancel()
2|    ctx, _ := context.WithTimeout(context.Background(), 10*time.Second) //@TMO-03
    coll := client.Database(*flagDBName).Collection(i.ItemType)
    if _, err := coll.InsertOne(ctx, i); err != nil {
        return fmt.Errorf("insert %s: %w", i.ID.Hex(), err)
    }
02|    if _, err := client.Database(*flagDBName).Collection("pending").InsertOne(ctx, bson.M{"id": i.ID}); err != nil {
02|        return fmt.Errorf("queue thumbnails %s: %w", i.ID.Hex(), err)
02|    }
1|    client.Database(*flagDBName).Collection("pending").InsertOne(ctx, bson.M{"id": i.ID}) //@ERR-01
    return nil
}
'''
DOTORI_TEST = '''package main

import (
\t"testing"

\t"go.mongodb.org/mongo-driver/bson/primitive"
)

func TestItemIDIsSet(t *testing.T) {
\ti := Item{ID: primitive.NewObjectID(), ItemType: "maya"}
\tif i.ID.IsZero() {
\t\tt.Fatal("new item has no id")
\t}
}
'''
cases_of(case, GH + 'RD101/dotori/issues/964', 'db.go',
         G('main', ['context', 'fmt', 'time', '', 'go.mongodb.org/mongo-driver/bson', 'go.mongodb.org/mongo-driver/mongo'])(DOTORI), [
             (1, 'go-00-dotori-thumbnail-queue-insert-error-dropped',
              'an edit queues the thumbnails and drops the insert error, so an asset can stay without thumbnails '
              'silently', 'edit'),
             (2, 'go-00-dotori-insert-timeout-cancel-discarded',
              'an edit bounds the insert with a timeout and throws the cancel away', 'edit'),
             (0, 'go-ok-00-dotori-cancel-deferred-queue-error-returned',
              'clean: cancel deferred, the queue insert error returned; the test beside it', 'fix'),
         ], extra=[f('db_test.go', new=DOTORI_TEST)])


# ---------------------------------------------------------------- TMO-03 / LOG-01: IRC server history lookup (ergo)
ERGO = r'''
// handlePrivmsg delivers a message to a channel and records it in the history store.
func (server *Server) handlePrivmsg(client *Client, target string, msg utils.SplitMessage) {
    channel := server.channels.Get(target)
    if channel == nil {
        client.Send(nil, server.name, ERR_NOSUCHCHANNEL, client.Nick(), target, "No such channel")
        return
    }
2|    server.logger.Info("privmsg", fmt.Sprintf("%s -> %s: %d bytes", client.Nick(), target, len(msg.Message))) //@LOG-01
    channel.SendSplitMessage("PRIVMSG", client, msg)
1|    ctx, _ := context.WithTimeout(context.Background(), server.historyTimeout) //@TMO-03
02|    ctx, cancel := context.WithTimeout(context.Background(), server.historyTimeout)
02|    defer cancel()
    if err := server.historyDB.Append(ctx, channel.NameCasefolded(), msg); err != nil {
        server.logger.Error("history", "could not record message", err.Error())
    }
}
'''
cases_of(case, GH + 'ergochat/ergo/issues/148', 'irc/privmsg.go',
         G('irc', ['context', 'fmt', '', 'github.com/ergochat/ergo/irc/utils'])(ERGO), [
             (1, 'go-00-ergo-history-timeout-cancel-discarded',
              'an edit bounds the history append with a timeout and discards the cancel, leaving a timer per message',
              'edit'),
             (2, 'go-00-ergo-info-line-per-channel-message',
              'an edit logs an info line for every channel message the server relays', 'edit'),
             (0, 'go-ok-00-ergo-history-cancel-deferred-quiet-relay',
              'clean: cancel deferred, no log line per relayed message', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / RES-01: compose listing on pgx (image-builder-crc)
CRC = r'''
// GetComposes lists the composes of an organisation, newest first.
func (db *dB) GetComposes(ctx context.Context, orgID string, limit, offset int) ([]ComposeEntry, int, error) {
    conn, err := db.Pool.Acquire(ctx)
    if err != nil {
        return nil, 0, err
    }
    defer conn.Release()
    rows, err := conn.Query(ctx, sqlGetComposes, orgID, limit, offset) //@{2}RES-01
    if err != nil {
01|        return nil, 0, err
2|        return nil, 0, fmt.Errorf("query composes: %w", err)
    }
01|    defer rows.Close()
    var composes []ComposeEntry
    for rows.Next() {
        var c ComposeEntry
        if err := rows.Scan(&c.Id, &c.Request, &c.CreatedAt, &c.ImageName); err != nil {
            return nil, 0, err
        }
        composes = append(composes, c)
    }
    if err := rows.Err(); err != nil {
        return nil, 0, err
    }
2|    rows.Close()
    var count int
02|    if err := conn.QueryRow(ctx, sqlCountComposes, orgID).Scan(&count); err != nil {
02|        return nil, 0, fmt.Errorf("count composes: %w", err)
02|    }
1|    _ = conn.QueryRow(ctx, sqlCountComposes, orgID).Scan(&count) //@ERR-01
    return composes, count, nil
}
'''
CRC_MOCK = GO_GENERATED.replace('store.go', 'db.go') + '''package db

import (
\t"context"

\tgomock "go.uber.org/mock/gomock"
)

// MockDB is a mock of DB interface.
type MockDB struct {
\tctrl *gomock.Controller
}

// GetComposes mocks base method.
func (m *MockDB) GetComposes(ctx context.Context, orgID string, limit, offset int) ([]ComposeEntry, int, error) {
\tret := m.ctrl.Call(m, "GetComposes", ctx, orgID, limit, offset)
\tret0, _ := ret[0].([]ComposeEntry)
\tret1, _ := ret[1].(int)
\tret2, _ := ret[2].(error)
\treturn ret0, ret1, ret2
}
'''
cases_of(case, GH + 'osbuild/image-builder-crc/issues/256', 'internal/db/db_composes.go',
         G('db', ['context', 'fmt'])(CRC), [
             (1, 'go-00-image-builder-crc-count-error-dropped',
              'an edit drops the count query\'s error, so a failed count answers a total of zero as success', 'edit'),
             (2, 'go-00-image-builder-crc-rows-closed-only-at-the-end',
              'an edit closes the rows only after the loop, so a failed scan returns with the rows and the '
              'connection held', 'edit'),
             (0, 'go-ok-00-image-builder-crc-rows-deferred-errors-returned',
              'clean: rows closed on return, rows and count errors returned; a generated mock beside it', 'fix',
              [f('internal/db/mock_db.go', new=CRC_MOCK)]),
         ])


# ---------------------------------------------------------------- LOG-01 / CONC-01: request logger and thumbnails (homebox), two files
HOMEBOX = r'''
// Logger logs the outcome of requests; successful reads are only counted.
func Logger(l zerolog.Logger, stats *RequestStats) errchain.Middleware {
    return func(next errchain.Handler) errchain.Handler {
        return errchain.HandlerFunc(func(w http.ResponseWriter, r *http.Request) error {
            rw := &spy{ResponseWriter: w}
02|            stats.Inc(r.Method)
1|            l.Info().Str("method", r.Method).Str("path", r.URL.Path).Str("rid", middleware.GetReqID(r.Context())).Msg("request received") //@LOG-01
            err := next.ServeHTTP(rw, r)
            if err != nil || rw.status >= http.StatusInternalServerError {
                l.Error().Err(err).Str("path", r.URL.Path).Int("status", rw.status).Msg("request failed")
            }
            return err
        })
    }
}

// QueueThumbnail renders the thumbnail of an uploaded attachment in the background.
func QueueThumbnail(l zerolog.Logger, svc *AttachmentService, id uuid.UUID) {
01|    safe.Go(l, "thumbnail", func() {
01|        if err := svc.CreateThumbnail(context.Background(), id); err != nil {
01|            l.Error().Err(err).Str("attachment", id.String()).Msg("thumbnail failed")
01|        }
01|    })
2|    go func() { //@CONC-01
2|        if err := svc.CreateThumbnail(context.Background(), id); err != nil {
2|            l.Error().Err(err).Str("attachment", id.String()).Msg("thumbnail failed")
2|        }
2|    }()
}
'''
HOMEBOX_SAFE = '''package safe

import (
\t"runtime/debug"

\t"github.com/rs/zerolog"
)

// Go runs fn on a new goroutine and logs a panic instead of ending the process.
func Go(l zerolog.Logger, name string, fn func()) {
\tgo func() {
\t\tdefer func() {
\t\t\tif r := recover(); r != nil {
\t\t\t\tl.Error().Str("task", name).Interface("panic", r).Bytes("stack", debug.Stack()).Msg("background task panicked")
\t\t\t}
\t\t}()
\t\tfn()
\t}()
}
'''
HB_IMPORTS = ['context', 'net/http', '', 'github.com/go-chi/chi/v5/middleware', 'github.com/google/uuid',
              'github.com/hay-kot/httpkit/errchain', 'github.com/rs/zerolog',
              'github.com/sysadminsmedia/homebox/backend/internal/sys/safe']
cases_of(case, GH + 'sysadminsmedia/homebox/issues/377', 'backend/app/api/middleware.go',
         GV('main', {0: HB_IMPORTS, 1: HB_IMPORTS, 2: [i for i in HB_IMPORTS if 'safe' not in i]})(HOMEBOX), [
             (1, 'go-00-homebox-info-line-per-request',
              'an edit logs an info line for every request the API receives, health checks and preflights included',
              'edit'),
             (2, 'go-00-homebox-thumbnail-on-bare-goroutine',
              'an edit renders thumbnails on a bare goroutine instead of the recovering helper, so one bad image ends '
              'the server', 'edit'),
             (0, 'go-ok-00-homebox-counted-requests-guarded-thumbnails',
              'clean: requests counted, only failures logged, thumbnails through the recovering helper in a second '
              'file', 'fix', [f('backend/internal/sys/safe/safe.go', new=HOMEBOX_SAFE)]),
         ])


# ---------------------------------------------------------------- CONC-02 / ERR-01: station consumer (memphis)
MEMPHIS = r'''
// listen hands every message of the station to the user handler and acknowledges it afterwards.
func (c *Consumer) listen(ctx context.Context, sub *nats.Subscription) {
    for {
        msgs, err := sub.Fetch(c.BatchSize, nats.Context(ctx))
        if err != nil {
            if errors.Is(err, context.Canceled) {
                return
            }
            continue
        }
        for _, m := range msgs {
01|            c.slots <- struct{}{}
01|            go func(m *nats.Msg) {
01|                defer func() { <-c.slots }()
01|                c.deliver(m)
01|            }(m)
2|            go c.deliver(m) //@CONC-02
        }
    }
}

func (c *Consumer) deliver(m *nats.Msg) {
    if err := c.handler(ctx(m), m.Data); err != nil {
        c.errs <- err
        return
    }
02|    if err := m.Ack(); err != nil {
02|        c.errs <- fmt.Errorf("ack %s: %w", m.Subject, err)
02|    }
1|    m.Ack() //@ERR-01
}
'''
cases_of(case, GH + 'superstreamlabs/memphis/pull/408', 'consumer.go',
         G('memphis', ['context', 'errors', 'fmt', '', 'github.com/nats-io/nats.go'])(MEMPHIS), [
             (1, 'go-00-memphis-ack-error-dropped',
              'an edit acknowledges each delivered message and drops the ack error, so a lost ack is redelivered '
              'without a trace', 'edit'),
             (2, 'go-00-memphis-goroutine-per-fetched-message',
              'an edit hands every fetched message to its own goroutine instead of the bounded slots, so a large '
              'batch overruns memory', 'edit'),
             (0, 'go-ok-00-memphis-bounded-delivery-ack-checked',
              'clean: deliveries through the bounded slots, ack failures reported', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / TMO-01: RPC server connections (gorpc), new file
GORPC = r'''
// serveConn reads framed requests from one client connection and answers them.
func (s *TcpServer) serveConn(conn net.Conn) {
    defer conn.Close()
    r := bufio.NewReader(conn)
    for {
01|        _ = conn.SetReadDeadline(time.Now().Add(s.idleTimeout))
        req, err := codec.ReadFrame(r) //@{2}TMO-01
        if err != nil {
            if err != io.EOF {
                s.log.Printf("read from %s: %v", conn.RemoteAddr(), err)
            }
            return
        }
02|        if err := s.pool.Submit(func() { s.handle(conn, req) }); err != nil {
02|            s.log.Printf("pool full, dropping request from %s: %v", conn.RemoteAddr(), err)
02|        }
1|        go s.handle(conn, req) //@CONC-02
    }
}
'''
cases_of(case, GH + 'hitzhangjie/gorpc/issues/10', 'server/tcp_server.go',
         GV('server', {0: ['bufio', 'io', 'net', 'time', '', 'github.com/hitzhangjie/gorpc/codec'],
                       1: ['bufio', 'io', 'net', 'time', '', 'github.com/hitzhangjie/gorpc/codec'],
                       2: ['bufio', 'io', 'net', '', 'github.com/hitzhangjie/gorpc/codec']})(GORPC), [
             (1, 'go-00-gorpc-goroutine-per-request',
              'a new server starts a goroutine for every framed request, without a limit', 'new'),
             (2, 'go-00-gorpc-connection-read-without-deadline',
              'an edit drops the read deadline, so an idle or half-open client holds its goroutine and socket forever',
              'edit'),
             (0, 'go-ok-00-gorpc-pooled-requests-read-deadline',
              'clean: requests through the bounded pool, each read bounded by the idle timeout', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / ERR-01: query endpoint (dgraph)
DGRAPH = r'''
// queryHandler runs a DQL query for the HTTP endpoint.
func queryHandler(w http.ResponseWriter, r *http.Request) {
    body, err := readRequest(w, r)
    if err != nil {
        return
    }
    params := parseQueryParams(r)
01|    ctx := x.AttachAccessJwt(r.Context(), r)
2|    ctx := x.AttachAccessJwt(context.Background(), r) //@TMO-02
    resp, err := (&edgraph.Server{}).Query(ctx, &api.Request{Query: string(body), Vars: params.vars, ReadOnly: params.readOnly})
    if err != nil {
        x.SetStatusWithData(w, x.ErrorInvalidRequest, err.Error())
        return
    }
    out := map[string]interface{}{"data": json.RawMessage(resp.Json)}
02|    if err := writeResponse(w, r, out); err != nil {
02|        glog.Errorf("query response to %s: %v", r.RemoteAddr, err)
02|    }
1|    writeResponse(w, r, out) //@ERR-01
}
'''
cases_of(case, GH + 'dgraph-io/dgraph/pull/5418', 'dgraph/cmd/alpha/http.go',
         G('alpha', ['context', 'encoding/json', 'net/http', '', 'github.com/dgraph-io/dgo/v210/protos/api',
                     'github.com/dgraph-io/dgraph/edgraph', 'github.com/dgraph-io/dgraph/x', 'github.com/golang/glog'])(DGRAPH), [
             (1, 'go-00-dgraph-query-response-write-error-dropped',
              'an edit writes the query answer and drops the write error', 'edit'),
             (2, 'go-00-dgraph-query-detached-from-request',
              'an edit runs the query on a background context, so a client that hung up keeps its query running',
              'edit'),
             (0, 'go-ok-00-dgraph-query-on-request-context-write-logged',
              'clean: query on the request context, a failed write logged with its peer', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-03 / TMO-02: provider store calls (bifrost, fasthttp)
BIFROST = r'''
// updateProvider saves a provider's keys and network settings from the admin API.
func (h *ProviderHandler) updateProvider(ctx *fasthttp.RequestCtx) {
    provider, err := getProviderFromCtx(ctx)
    if err != nil {
        SendError(ctx, fasthttp.StatusBadRequest, err.Error(), h.logger)
        return
    }
    var req ProviderUpdateRequest
    if err := json.Unmarshal(ctx.PostBody(), &req); err != nil {
        SendError(ctx, fasthttp.StatusBadRequest, "invalid body: "+err.Error(), h.logger)
        return
    }
0|    storeCtx, cancel := context.WithTimeout(h.baseCtx, h.storeTimeout)
0|    defer cancel()
1|    storeCtx, _ := context.WithTimeout(h.baseCtx, h.storeTimeout) //@TMO-03
2|    if err := h.store.UpdateProvider(context.Background(), provider, req.toConfig()); err != nil { //@TMO-02
01|    if err := h.store.UpdateProvider(storeCtx, provider, req.toConfig()); err != nil {
        SendError(ctx, fasthttp.StatusInternalServerError, "save provider: "+err.Error(), h.logger)
        return
    }
    SendJSON(ctx, map[string]string{"status": "updated"}, h.logger)
}
'''
cases_of(case, GH + 'maximhq/bifrost/pull/6884', 'transports/bifrost-http/handlers/providers.go',
         GV('handlers', {0: ['context', 'encoding/json', '', 'github.com/valyala/fasthttp'],
                         1: ['context', 'encoding/json', '', 'github.com/valyala/fasthttp'],
                         2: ['context', 'encoding/json', '', 'github.com/valyala/fasthttp']})(BIFROST), [
             (1, 'go-00-bifrost-store-timeout-cancel-discarded',
              'an edit bounds the store call with a timeout and throws the cancel away', 'edit'),
             (2, 'go-00-bifrost-store-call-on-background-context',
              'an edit saves the provider on a background context, outside the handler\'s bounded store context',
              'edit'),
             (0, 'go-ok-00-bifrost-bounded-store-context-cancelled',
              'clean: the store call on a bounded context of the handler\'s own, cancelled on return', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-06 / CONC-05: sized error group (go-pkgz/syncs)
SYNCS = r'''
// refreshAll re-fetches every feed with at most ten fetches at a time.
func (s *Service) refreshAll(ctx context.Context, feeds []Feed) error {
    grp := syncs.NewErrSizedGroup(10, syncs.Context(ctx))
    for _, f := range feeds {
        f := f
        grp.Go(func() error {
            for attempt := 1; ; attempt++ {
                err := s.fetch(ctx, f)
                if err == nil || attempt == s.maxAttempts {
                    return err
                }
01|                select {
01|                case <-ctx.Done():
01|                    return ctx.Err()
01|                case <-time.After(time.Duration(attempt) * s.backoff):
01|                }
2|                time.Sleep(time.Duration(attempt) * s.backoff) //@CONC-05
            }
        })
    }
02|    return grp.Wait()
1|    grp.Wait() //@CONC-06
1|    return nil
}
'''
cases_of(case, GH + 'go-pkgz/syncs/pull/1', 'app/feeds/refresh.go',
         G('feeds', ['context', 'time', '', 'github.com/go-pkgz/syncs'])(SYNCS), [
             (1, 'go-00-syncs-group-wait-result-dropped',
              'an edit waits for the sized group and drops its error, so failed feeds look refreshed', 'edit'),
             (2, 'go-00-syncs-retry-backoff-sleeps-through-cancel',
              'an edit waits out the retry back-off with time.Sleep, so a cancelled refresh keeps sleeping', 'edit'),
             (0, 'go-ok-00-syncs-wait-returned-backoff-selects-context',
              'clean: the group error returned, back-off selects on the context', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-06 / CONC-07: runner pool reconciler (garm)
GARM = r'''
// loop reconciles the runner pool every interval until the manager is stopped.
func (r *basePoolManager) loop(ctx context.Context) {
    ticker := time.NewTicker(r.interval)
    defer ticker.Stop()
    for {
        select {
        case <-ctx.Done():
            return
        case <-ticker.C:
            if err := r.reconcile(ctx); err != nil {
02|                slog.ErrorContext(ctx, "reconciling pool", "pool", r.id, "error", err)
1|                return //@CONC-07
            }
        }
    }
}

// reconcile deletes idle runners and creates missing ones in parallel.
func (r *basePoolManager) reconcile(ctx context.Context) error {
    g, gctx := errgroup.WithContext(ctx)
    g.Go(func() error { return r.deleteIdle(gctx) })
    g.Go(func() error { return r.ensureMinIdle(gctx) })
01|    if err := g.Wait(); err != nil {
01|        return fmt.Errorf("pool %s: %w", r.id, err)
01|    }
2|    g.Wait() //@CONC-06
    return nil
}
'''
cases_of(case, GH + 'cloudbase/garm/pull/121', 'runner/pool/pool.go',
         G('pool', ['context', 'fmt', 'log/slog', 'time', '', 'golang.org/x/sync/errgroup'])(GARM), [
             (1, 'go-00-garm-reconcile-loop-ends-on-first-failure',
              'an edit returns from the reconcile loop on the first failed pass, so the pool is never reconciled '
              'again', 'edit'),
             (2, 'go-00-garm-errgroup-wait-result-dropped',
              'an edit waits for the delete and create group and drops its error', 'edit'),
             (0, 'go-ok-00-garm-failed-pass-logged-group-error-returned',
              'clean: a failed pass is logged and the loop goes on, the group error returned', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / CONC-01: websocket transport (go-engine.io)
ENGINEIO = r'''
// serveWebsocket upgrades the request and pumps frames from the client to the session.
func (s *Server) serveWebsocket(w http.ResponseWriter, r *http.Request, sess *session) {
    conn, err := s.upgrader.Upgrade(w, r, nil) //@{1}RES-01
    if err != nil {
02|        s.logger.Printf("upgrade %s: %v", r.RemoteAddr, err)
1|        s.logger.Printf("websocket upgrade from %s: %v", r.RemoteAddr, err)
        return
    }
02|    defer conn.Close()
01|    go s.safely(func() { sess.writeLoop(conn) })
2|    go sess.writeLoop(conn) //@CONC-01
    for {
        t, rd, err := conn.NextReader()
        if err != nil {
            s.logger.Printf("read %s: %v", sess.id, err)
            sess.onClose()
            return
        }
        if err := sess.onFrame(t, rd); err != nil {
            return
        }
    }
}
'''
cases_of(case, GH + 'googollee/go-engine.io/pull/25', 'websocket.go',
         G('engineio', ['net/http'])(ENGINEIO), [
             (1, 'go-00-go-engine-io-websocket-left-open-on-read-error',
              'an edit drops the deferred close, so every connection that fails a read stays open', 'edit'),
             (2, 'go-00-go-engine-io-write-loop-on-bare-goroutine',
              'an edit starts the session write loop on a bare goroutine instead of the server\'s recovering helper',
              'edit'),
             (0, 'go-ok-00-go-engine-io-connection-deferred-guarded-writer',
              'clean: connection closed on return, write loop through the recovering helper', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / LOG-02: websocket chat hub (fiber recipes), new file
FIBERCHAT = r'''
var (
    clientsMu sync.Mutex
    clients   = make(map[*websocket.Conn]client)
    broadcast = make(chan string)
    logger, _ = zap.NewProduction()
)

// runHub delivers every broadcast message to the connected clients.
func runHub() {
    for message := range broadcast {
1|        logger.Debug(fmt.Sprintf("broadcasting %q to %d clients", message, len(clients))) //@LOG-02
02|        logger.Debug("broadcasting", zap.Int("bytes", len(message)))
        clientsMu.Lock()
        for conn, c := range clients {
            if err := conn.WriteMessage(websocket.TextMessage, []byte(message)); err != nil {
                logger.Warn("write failed", zap.String("client", c.name), zap.Error(err))
                delete(clients, conn)
                conn.Close()
            }
        }
        clientsMu.Unlock()
    }
}

// handle registers a websocket client and forwards what it sends to the hub.
func handle(c *websocket.Conn) {
01|    clientsMu.Lock()
    clients[c] = client{name: c.Query("name")} //@{2}CONC-03
01|    clientsMu.Unlock()
    for {
        _, msg, err := c.ReadMessage()
        if err != nil {
            return
        }
        broadcast <- string(msg)
    }
}
'''
FIBER_MOD = gomod('websocket-chat', ['github.com/gofiber/contrib/websocket v1.3.2', 'github.com/gofiber/fiber/v2 v2.52.5',
                                     'go.uber.org/zap v1.27.0'])
cases_of(case, GH + 'gofiber/recipes/pull/91', 'websocket-chat/hub.go',
         GV('main', {v: ['fmt', 'sync', '', 'github.com/gofiber/contrib/websocket', 'go.uber.org/zap']
                     for v in (1,)} | {v: ['sync', '', 'github.com/gofiber/contrib/websocket', 'go.uber.org/zap']
                                       for v in (0, 2)})(FIBERCHAT), [
             (1, 'go-00-fiber-recipes-broadcast-debug-line-formatted-eagerly',
              'a new hub formats a debug line with Sprintf for every broadcast, even with debug logging off', 'new',
              [f('websocket-chat/go.mod', new=FIBER_MOD)]),
             (2, 'go-00-fiber-recipes-client-registered-without-lock',
              'an edit registers a client in the map without the lock the hub holds while it writes and deletes',
              'edit'),
             (0, 'go-ok-00-fiber-recipes-field-debug-locked-registration',
              'clean: a field-based debug line, clients registered under the lock', 'fix'),
         ])
