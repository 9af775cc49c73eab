"""Round-40 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- RES-02 / ERR-01: CLI API client (plandex)
PLANDEX = template('plandex-cli-api', r'''
// GetCliTrialSession asks the server whether the trial session the browser sign-in opened is ready. A 404 means the
// user has not finished signing in yet and the caller polls again.
func (a *Api) GetCliTrialSession(token string) (*shared.CliTrialSession, *shared.ApiError) {
    serverUrl := fmt.Sprintf("%s/accounts/cli_trial_session/%s", getApiHost(), token)
    req, err := http.NewRequest(http.MethodGet, serverUrl, nil)
    if err != nil {
        return nil, &shared.ApiError{Type: shared.ApiErrorTypeOther, Msg: fmt.Sprintf("error creating request: %v", err)}
    }
    resp, err := unauthenticatedClient.Do(req)
    if err != nil {
        return nil, &shared.ApiError{Type: shared.ApiErrorTypeOther, Msg: fmt.Sprintf("error sending request: %v", err)}
    }
02|    defer resp.Body.Close()

    if resp.StatusCode == http.StatusNotFound {
        return nil, nil //@{1}RES-02
    }
1|    defer resp.Body.Close()

    if resp.StatusCode >= 400 {
        errorBody, _ := io.ReadAll(resp.Body)
        return nil, handleApiError(resp, errorBody)
    }

    var session shared.CliTrialSession
    err = json.NewDecoder(resp.Body).Decode(&session)
    if err != nil {
        return nil, &shared.ApiError{Type: shared.ApiErrorTypeOther, Msg: fmt.Sprintf("error decoding response: %v", err)}
    }
    return &session, nil
}

// RespondMissingFile tells the server what the user chose to do about a file the plan refers to but the context
// does not hold.
func (a *Api) RespondMissingFile(planId, branch string, req shared.RespondMissingFileRequest) *shared.ApiError {
    serverUrl := fmt.Sprintf("%s/plans/%s/%s/respond_missing_file", getApiHost(), planId, branch)
    reqBytes, err := json.Marshal(req)
    if err != nil {
        return &shared.ApiError{Type: shared.ApiErrorTypeOther, Msg: fmt.Sprintf("error marshalling request: %v", err)}
    }
    resp, err := authenticatedFastClient.Post(serverUrl, "application/json", bytes.NewBuffer(reqBytes))
    if err != nil {
        return &shared.ApiError{Type: shared.ApiErrorTypeOther, Msg: fmt.Sprintf("error sending request: %v", err)}
    }
    defer resp.Body.Close()

    if resp.StatusCode >= 400 {
        errorBody, _ := io.ReadAll(resp.Body)
        apiErr := handleApiError(resp, errorBody)
        tokenRefreshed, apiErr := refreshTokenIfNeeded(apiErr)
        if tokenRefreshed {
            return a.RespondMissingFile(planId, branch, req)
        }
        return apiErr
    }

    var ack shared.RespondMissingFileResponse
01|    if err := json.NewDecoder(resp.Body).Decode(&ack); err != nil {
01|        return &shared.ApiError{Type: shared.ApiErrorTypeOther, Msg: fmt.Sprintf("error decoding response: %v", err)}
01|    }
2|    json.NewDecoder(resp.Body).Decode(&ack) //@ERR-01
    if !ack.Accepted {
        return &shared.ApiError{Type: shared.ApiErrorTypeOther, Msg: "the server did not accept the choice"}
    }
    return nil
}
''')
cases_of(case, GH + 'plandex-ai/plandex/pull/327', 'app/cli/api/methods.go',
         G('api', ['bytes', 'encoding/json', 'fmt', 'io', 'net/http', '', 'plandex-shared'])(PLANDEX), [
             (1, 'go-00-plandex-cli-trial-session-404-body-left-open',
              'an edit moves the close of the trial-session answer below the 404 check, so every poll while the user '
              'has not signed in yet leaves its response open', 'edit'),
             (2, 'go-00-plandex-cli-missing-file-ack-decode-error-dropped',
              'an edit decodes the server\'s acknowledgement of a missing-file choice without looking at the error, so '
              'a garbled answer reads as a refusal', 'edit'),
             (0, 'go-ok-00-plandex-cli-body-closed-before-404-ack-checked',
              'clean: the body closed by defer before any early return, a failed decode reported', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / TMO-03: durable workflow stream reader (dbos)
DBOS = template('dbos-stream-reader', r'''
// ReadStreamAsync returns a channel that receives every value written to the workflow's stream, in order, until the
// stream is closed or ctx is done. Values are read from the system database in batches, polling for new ones.
func ReadStreamAsync[R any](ctx DBOSContext, workflowID string, key string) (<-chan StreamValue[R], error) {
    c, ok := ctx.(*dbosContext)
    if !ok {
        return nil, newNonExistentWorkflowError(workflowID)
    }
    ch := make(chan StreamValue[R], streamBufferSize)
    go func() {
        defer close(ch)
        offset := 0
        for {
0|            pollCtx, cancel := context.WithTimeout(c, streamPollTimeout)
1|            pollCtx, cancel := context.WithTimeout(context.Background(), streamPollTimeout) //@TMO-02
2|            pollCtx, _ := context.WithTimeout(c, streamPollTimeout) //@TMO-03
            entries, closed, err := c.systemDB.readStream(pollCtx, workflowID, key, offset, streamBatchSize)
01|            cancel()
            if err != nil {
                if c.Err() != nil {
                    return
                }
                c.logger.Warn("reading stream failed, retrying", "workflow_id", workflowID, "key", key, "error", err)
                select {
                case <-c.Done():
                    return
                case <-time.After(streamRetryDelay):
                }
                continue
            }
            for _, entry := range entries {
                var v R
                if err := deserialize(entry.Value, &v); err != nil {
                    ch <- StreamValue[R]{Err: fmt.Errorf("decoding stream value %d: %w", entry.Offset, err)}
                    return
                }
                select {
                case ch <- StreamValue[R]{Value: v}:
                case <-c.Done():
                    return
                }
                offset = entry.Offset + 1
            }
            if closed {
                return
            }
            if len(entries) == 0 {
                select {
                case <-c.Done():
                    return
                case <-time.After(streamPollInterval):
                }
            }
        }
    }()
    return ch, nil
}
''')
cases_of(case, GH + 'dbos-inc/dbos-transact-golang/pull/318', 'dbos/streams.go',
         G('dbos', ['context', 'fmt', 'time'])(DBOS), [
             (1, 'go-00-dbos-stream-reader-batch-read-detached-from-context',
              'an edit reads each batch of the workflow stream with a background context, so a reader whose caller '
              'gave up keeps querying the system database until a read returns', 'edit'),
             (2, 'go-00-dbos-stream-reader-poll-timeout-never-cancelled',
              'an edit drops the cancel of each batch read\'s timeout context, so every poll leaves a timer and a child '
              'context behind until the timeout fires', 'edit'),
             (0, 'go-ok-00-dbos-stream-reader-poll-context-derived-and-cancelled',
              'clean: every batch read under a timeout derived from the reader\'s context and cancelled after it',
              'fix'),
         ])


# ---------------------------------------------------------------- TMO-03 / CONC-01: Kafka message-queue trigger (fission)
FISSION = template('fission-kafka-trigger', r'''
// ConsumeClaim posts every message of the claimed partition to the function the trigger names, and publishes the
// answer (or the error) to the trigger's response and error topics.
func (ch MqtConsumerGroupHandler) ConsumeClaim(session sarama.ConsumerGroupSession, claim sarama.ConsumerGroupClaim) error {
    trigger := ch.trigger
    timeout := time.Duration(trigger.Spec.Timeout) * time.Millisecond
    for {
        select {
        case msg, ok := <-claim.Messages():
            if !ok {
                return nil
            }
            msgCtx, cancel := context.WithTimeout(session.Context(), timeout)
            resp, err := ch.post(msgCtx, msg)
            if err != nil {
                cancel()
                ch.logger.Error("function call failed", zap.String("trigger", trigger.Name),
                    zap.Int32("partition", msg.Partition), zap.Int64("offset", msg.Offset), zap.Error(err))
                ch.publishError(msg, err)
                session.MarkMessage(msg, "")
                continue
            }
            body, err := io.ReadAll(resp.Body)
            resp.Body.Close() //@{1}TMO-03
02|            cancel()
            if err != nil {
                ch.publishError(msg, fmt.Errorf("reading function response: %w", err))
            } else if trigger.Spec.ResponseTopic != "" {
                ch.publishResponse(msg, body, resp.Header)
            }
            session.MarkMessage(msg, "")
        case <-session.Context().Done():
            return nil
        }
    }
}

// Subscribe joins the trigger's consumer group and keeps consuming until the subscription is cancelled.
func (kafka Kafka) Subscribe(trigger *fv1.MessageQueueTrigger) (messageQueue.Subscription, error) {
    consumer, err := sarama.NewConsumerGroup(kafka.brokers, string(trigger.UID), kafka.consumerConfig())
    if err != nil {
        return nil, fmt.Errorf("joining consumer group for trigger %s: %w", trigger.Name, err)
    }
    producer, err := sarama.NewSyncProducer(kafka.brokers, kafka.producerConfig())
    if err != nil {
        consumer.Close()
        return nil, fmt.Errorf("creating producer for trigger %s: %w", trigger.Name, err)
    }
    ctx, cancel := context.WithCancel(context.Background())
    handler := NewMqtConsumerGroupHandler(kafka.version, kafka.logger, trigger, producer, kafka.routerUrl)
    go func() { //@{2}CONC-01
01|        defer func() {
01|            if r := recover(); r != nil {
01|                kafka.logger.Error("consumer loop panicked", zap.String("trigger", trigger.Name),
01|                    zap.Any("panic", r), zap.Stack("stack"))
01|                cancel()
01|            }
01|        }()
        for {
            if err := consumer.Consume(ctx, []string{trigger.Spec.Topic}, handler); err != nil {
                kafka.logger.Error("consumer error", zap.String("trigger", trigger.Name), zap.Error(err))
            }
            if ctx.Err() != nil {
                kafka.logger.Info("consumer context cancelled", zap.String("trigger", trigger.Name))
                return
            }
        }
    }()
    return &subscription{cancel: cancel, consumer: consumer, producer: producer}, nil
}
''')
cases_of(case, GH + 'fission/fission/pull/2606', 'pkg/mqtrigger/messageQueue/kafka/kafka.go',
         G('kafka', ['context', 'fmt', 'io', 'time', '', 'github.com/IBM/sarama', 'go.uber.org/zap', '',
                     'fv1 github.com/fission/fission/pkg/apis/core/v1', 'github.com/fission/fission/pkg/mqtrigger/messageQueue'])(FISSION), [
             (1, 'go-00-fission-kafka-trigger-message-timeout-cancelled-on-error-only',
              'an edit cancels the per-message timeout context only when the function call fails, so every delivered '
              'message leaves its timer running', 'edit'),
             (2, 'go-00-fission-kafka-trigger-consumer-loop-without-recover',
              'an edit drops the recover of the consumer-group loop goroutine, so a panic in a handler takes the whole '
              'trigger manager down', 'edit'),
             (0, 'go-ok-00-fission-kafka-trigger-context-cancelled-loop-recovered',
              'clean: each message\'s timeout context cancelled on both paths, the consumer loop recovering', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / RES-04: TLS proxy backend status check (ghostunnel)
GHOSTUNNEL = template('ghostunnel-status', r'''
// statusHandler answers the /_status endpoint: the proxy's own state and whether the backend it forwards to answers.
type statusHandler struct {
    mu          sync.Mutex
    listening   bool
    reloading   bool
    backendURL  string
01|    client      *http.Client
    lastChecked time.Time
    lastErr     error
}

func newStatusHandler(backendURL string, checkTimeout time.Duration) *statusHandler {
    return &statusHandler{
        backendURL: backendURL,
01|        client:     &http.Client{Timeout: checkTimeout, Transport: &http.Transport{DisableKeepAlives: true}},
    }
}

type statusResponse struct {
    Ok        bool      `json:"ok"`
    Status    string    `json:"status"`
    Backend   string    `json:"backend_status"`
    Message   string    `json:"message,omitempty"`
    Revision  string    `json:"revision"`
    Compiler  string    `json:"compiler"`
    LastCheck time.Time `json:"last_check"`
}

// checkBackend asks the backend's health endpoint; any answer but 200 counts as down.
func (s *statusHandler) checkBackend(ctx context.Context) error {
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.backendURL, nil)
    if err != nil {
        return err
    }
01|    resp, err := s.client.Do(req) //@{1}RES-02
2|    client := &http.Client{Timeout: statusCheckTimeout, Transport: &http.Transport{DisableKeepAlives: true}} //@RES-04
2|    resp, err := client.Do(req)
    if err != nil {
        return fmt.Errorf("backend unreachable: %w", err)
    }
02|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return fmt.Errorf("backend answered %s", resp.Status)
    }
    _, err = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
1|    resp.Body.Close()
    return err
}

func (s *statusHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
    err := s.checkBackend(r.Context())
    s.mu.Lock()
    s.lastChecked, s.lastErr = time.Now(), err
    resp := statusResponse{
        Ok:        s.listening && !s.reloading && err == nil,
        Status:    "ok",
        Backend:   "ok",
        Revision:  version,
        Compiler:  runtime.Version(),
        LastCheck: s.lastChecked,
    }
    s.mu.Unlock()
    if err != nil {
        resp.Backend, resp.Message = "critical", err.Error()
    }
    if !resp.Ok {
        resp.Status = "critical"
        w.WriteHeader(http.StatusServiceUnavailable)
    }
    w.Header().Set("Content-Type", "application/json")
    if err := json.NewEncoder(w).Encode(resp); err != nil {
        logger.Printf("error writing status response: %s", err)
    }
}
''')
cases_of(case, GH + 'ghostunnel/ghostunnel/pull/45', 'status.go',
         G('main', ['context', 'encoding/json', 'fmt', 'io', 'net/http', 'runtime', 'sync', 'time'])(GHOSTUNNEL), [
             (1, 'go-00-ghostunnel-new-status-error-answer-left-open',
              'a new status endpoint of the proxy closes the backend\'s health answer only after a 200, so every check '
              'of a failing backend keeps its response open', 'new'),
             (2, 'go-00-ghostunnel-new-status-client-built-per-check',
              'a new status endpoint of the proxy builds an HTTP client and transport for every health check instead of '
              'keeping one', 'new'),
             (0, 'go-ok-00-ghostunnel-new-status-one-client-body-deferred',
              'clean: a new status endpoint with one client made at start and each answer closed by defer', 'new'),
         ])


# ---------------------------------------------------------------- RES-01 / RES-03: message index on sqlite (lotus)
LOTUS = template('lotus-msgindex', r'''
// GetMsgInfo returns the tipset and epoch in which the message was included, from the index.
func (x *msgIndex) GetMsgInfo(ctx context.Context, m cid.Cid) (MsgInfo, error) {
    if err := x.closer.Err(); err != nil {
        return MsgInfo{}, err
    }
    rows, err := x.selectMsgStmt.QueryContext(ctx, m.String())
    if err != nil { //@{1}RES-01
        return MsgInfo{}, xerrors.Errorf("error querying msgindex database: %w", err)
    }
02|    defer rows.Close()

    if !rows.Next() {
        return MsgInfo{}, ErrNotFound
    }
    var tipset string
    var epoch int64
    if err := rows.Scan(&tipset, &epoch); err != nil {
        return MsgInfo{}, xerrors.Errorf("error scanning msgindex database row: %w", err)
    }
    tipsetCid, err := cid.Decode(tipset)
    if err != nil {
        return MsgInfo{}, xerrors.Errorf("error decoding tipset cid: %w", err)
    }
    return MsgInfo{Message: m, TipSet: tipsetCid, Epoch: abi.ChainEpoch(epoch)}, nil
}

// countIndexed returns, for each tipset of the range, how many of its messages the index holds; the backfill uses it
// to find the tipsets it still has to walk.
func (x *msgIndex) countIndexed(ctx context.Context, tipsets []*types.TipSet) (map[types.TipSetKey]int, error) {
    counts := make(map[types.TipSetKey]int, len(tipsets))
    for _, ts := range tipsets {
        key, err := ts.Key().Cid()
        if err != nil {
            return nil, xerrors.Errorf("computing tipset cid: %w", err)
        }
        rows, err := x.countStmt.QueryContext(ctx, key.String())
        if err != nil {
            return nil, xerrors.Errorf("counting messages of %s: %w", key, err)
        }
2|        defer rows.Close() //@RES-03
        n := 0
        for rows.Next() {
            var c int
            if err := rows.Scan(&c); err != nil {
01|                rows.Close()
                return nil, xerrors.Errorf("scanning count of %s: %w", key, err)
            }
            n += c
        }
        err = rows.Err()
01|        rows.Close()
        if err != nil {
            return nil, xerrors.Errorf("iterating counts of %s: %w", key, err)
        }
        counts[ts.Key()] = n
    }
    return counts, nil
}
''')
cases_of(case, GH + 'filecoin-project/lotus/pull/10143', 'chain/index/msgindex.go',
         G('index', ['context', '', 'github.com/filecoin-project/go-state-types/abi', 'github.com/ipfs/go-cid',
                     'golang.org/x/xerrors', '', 'github.com/filecoin-project/lotus/chain/types'])(LOTUS), [
             (1, 'go-00-lotus-msgindex-lookup-rows-never-closed',
              'an edit drops the close of the rows a message lookup reads one row from, so every lookup keeps a sqlite '
              'statement and connection busy', 'edit'),
             (2, 'go-00-lotus-msgindex-count-rows-closed-by-defer-in-loop',
              'an edit closes each tipset\'s count rows by a defer inside the loop over the range, so every statement '
              'of a long backfill stays open until the whole range is counted', 'edit'),
             (0, 'go-ok-00-lotus-msgindex-rows-closed-per-lookup-and-iteration',
              'clean: the lookup\'s rows closed by defer, each tipset\'s rows closed at the end of its iteration',
              'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / LOG-01: SDK app telemetry counters (gocbcore)
GOCB = template('gocbcore-app-telemetry', r'''
type telemetryCounterMap struct {
    counters      map[telemetryCounterKey]*uint64
    countersMutex sync.Mutex
}

func newTelemetryCounterMap() *telemetryCounterMap {
    return &telemetryCounterMap{counters: make(map[telemetryCounterKey]*uint64)}
}

// Increment counts one operation of the key; it runs on every KV and HTTP request the SDK sends.
func (m *telemetryCounterMap) Increment(key telemetryCounterKey) {
    var counter *uint64
    m.countersMutex.Lock()
    counter, ok := m.counters[key]
    if !ok {
        counter = new(uint64)
        m.counters[key] = counter
    }
    m.countersMutex.Unlock()
    atomic.AddUint64(counter, 1)
1|    logDebugf("App telemetry: %s request to %s counted (%s)", key.service, key.node, key.outcome) //@LOG-01
}

// serialize writes one exposition line per counter and resets the counters; the reporter calls it on each flush.
func (m *telemetryCounterMap) serialize(counterName string) []string {
    var entries []string
01|    m.countersMutex.Lock()
01|    defer m.countersMutex.Unlock()
    for k, v := range m.counters { //@{2}CONC-03
        value := atomic.SwapUint64(v, 0)
        if value == 0 {
            continue
        }
        tags := fmt.Sprintf("agent=\"%s\", node=\"%s\", node_uuid=\"%s\"", k.agent, k.node, k.nodeUUID)
        if k.bucket != "" {
            tags += fmt.Sprintf(", bucket=\"%s\"", k.bucket)
        }
        entries = append(entries, fmt.Sprintf("sdk_%s_r_%s{%s} %d", k.serviceAsString(), counterName, tags, value))
    }
    return entries
}

type telemetryReporter struct {
    counters  *telemetryCounterMap
    histogram *telemetryHistogramMap
    conn      *telemetryWebsocket
    interval  time.Duration
    stop      chan struct{}
}

func (r *telemetryReporter) run() {
    ticker := time.NewTicker(r.interval)
    defer ticker.Stop()
    for {
        select {
        case <-r.stop:
            return
        case <-ticker.C:
            lines := append(r.counters.serialize("total"), r.histogram.serialize()...)
            if len(lines) == 0 {
                continue
            }
            if err := r.conn.send([]byte(strings.Join(lines, "\n"))); err != nil {
                logWarnf("App telemetry: failed to send %d metric lines: %v", len(lines), err)
            }
        }
    }
}
''')
cases_of(case, GH + 'couchbase/gocbcore/issues/14', 'apptelemetrymetrics.go',
         G('gocbcore', ['fmt', 'strings', 'sync', 'sync/atomic', 'time'])(GOCB), [
             (1, 'go-00-gocbcore-telemetry-debug-line-per-counted-request',
              'an edit writes a debug line each time a request is counted, on the path every KV and HTTP operation of '
              'the SDK takes', 'edit'),
             (2, 'go-00-gocbcore-telemetry-serialize-ranges-counters-unlocked',
              'an edit drops the lock around the flush that ranges over the counter map, while request goroutines add '
              'keys to it under that lock', 'edit'),
             (0, 'go-ok-00-gocbcore-telemetry-locked-flush-quiet-increment',
              'clean: the flush ranges over the map under its mutex, counting writes no log line', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-01 / TMO-01: browser component update server (go-update)
GOUPDATE = template('go-update-controller', r'''
// UpdateExtensions answers the browser's update check: for every extension in the request it returns the newer
// version it knows, asking the upstream component updater for the ones it does not serve itself.
func UpdateExtensions(w http.ResponseWriter, r *http.Request) {
    defer func() {
        if err := r.Body.Close(); err != nil {
            log.Printf("error closing body stream: %v", err)
        }
    }()
    limit := int64(1024 * 1024 * 10)
    body, err := io.ReadAll(io.LimitReader(r.Body, limit))
    if err != nil {
        http.Error(w, fmt.Sprintf("Error reading body: %v", err), http.StatusBadRequest)
        return
    }
    var updateRequest extension.UpdateRequest
    if err := xml.Unmarshal(body, &updateRequest); err != nil {
        http.Error(w, fmt.Sprintf("Error reading body %v", err), http.StatusBadRequest)
        return
    }
1|    log.Printf("update request from %s: %d extensions: %+v", r.RemoteAddr, len(updateRequest), updateRequest) //@LOG-01

    known, unknown := AllExtensionsMap.Partition(updateRequest)
    if len(unknown) > 0 {
        forwarded, err := forwardToComponentUpdater(r.Context(), unknown)
        if err != nil {
            log.Printf("error forwarding %d extensions upstream: %v", len(unknown), err)
        } else {
            known = append(known, forwarded...)
        }
    }

    w.Header().Set("content-type", "application/xml")
    data, err := xml.Marshal(&extension.UpdateResponse{Extensions: known})
    if err != nil {
        http.Error(w, fmt.Sprintf("Error in marshal XML %v", err), http.StatusInternalServerError)
        return
    }
    if _, err := w.Write(data); err != nil {
        log.Printf("error writing response: %v", err)
    }
}

func forwardToComponentUpdater(ctx context.Context, unknown extension.UpdateRequest) (extension.Extensions, error) {
    payload, err := xml.Marshal(unknown)
    if err != nil {
        return nil, err
    }
01|    req, err := http.NewRequestWithContext(ctx, http.MethodPost, componentUpdaterHost+"/service/update2", bytes.NewReader(payload))
01|    if err != nil {
01|        return nil, err
01|    }
01|    req.Header.Set("Content-Type", "application/xml")
01|    resp, err := upstreamClient.Do(req)
2|    resp, err := http.Post(componentUpdaterHost+"/service/update2", "application/xml", bytes.NewReader(payload)) //@TMO-01
    if err != nil {
        return nil, err
    }
    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return nil, fmt.Errorf("component updater answered %s", resp.Status)
    }
    var upstream extension.UpdateResponse
    if err := xml.NewDecoder(io.LimitReader(resp.Body, 10<<20)).Decode(&upstream); err != nil {
        return nil, fmt.Errorf("decoding component updater answer: %w", err)
    }
    return upstream.Extensions, nil
}
''')
cases_of(case, GH + 'brave/go-update/pull/43', 'controller/extensions.go',
         G('controller', ['bytes', 'context', 'encoding/xml', 'fmt', 'io', 'log', 'net/http', '',
                          'github.com/brave/go-update/extension'])(GOUPDATE), [
             (1, 'go-00-go-update-renamed-handler-logs-every-update-request',
              'a PR moves the update handler into the controller package and logs every update request with all its '
              'extensions, on the path each browser\'s periodic check takes', 'rename'),
             (2, 'go-00-go-update-renamed-handler-forwards-with-default-client',
              'a PR moves the update handler into the controller package and forwards unknown extensions with '
              'http.Post, whose default client has no timeout', 'rename'),
             (0, 'go-ok-00-go-update-renamed-handler-quiet-bounded-forward',
              'clean: the move alone; no line per request, the forward sent by the bounded upstream client with the '
              'request\'s context', 'rename'),
         ], rename_from='server/extensions.go', rename_old=lambda t: t.replace('package controller', 'package server'))


# ---------------------------------------------------------------- ERR-01 / RES-01: page allocator of an embedded store (lldb)
LLDB = template('lldb-falloc', r'''
// Free deallocates the block at handle h and merges it with its free neighbours. The whole change is one update of
// the filer: a failure rolls every write of it back.
func (a *Allocator) Free(h int64) (err error) {
    if h <= 0 || h > maxHandle {
        return &ErrINVAL{"Allocator.Free: handle out of limits", h}
    }
    if err = a.f.BeginUpdate(); err != nil {
        return
    }
    defer func() {
        if err == nil {
            err = a.f.EndUpdate()
            return
        }
01|        if rerr := a.f.Rollback(); rerr != nil {
01|            err = fmt.Errorf("%v (rollback: %v)", err, rerr)
01|        }
2|        a.f.Rollback() //@ERR-01
    }()

    atom, err := a.read(h)
    if err != nil {
        return
    }
    if atom.isFree() {
        return &ErrILSEQ{Type: ErrDoubleFree, Off: h2off(h)}
    }
    a.cache.del(h)
    left, right, err := a.neighbours(h, atom)
    if err != nil {
        return
    }
    return a.link(h, atom.size(), left, right)
}

// NewSimpleFileFiler opens name (creating it when missing) as the filer of a database whose size is a multiple of
// the atom size.
func NewSimpleFileFiler(name string) (*SimpleFileFiler, error) {
    f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0666)
    if err != nil {
        return nil, err
    }
    fi, err := f.Stat()
    if err != nil {
02|        f.Close()
        return nil, err //@{1}RES-01
    }
    if fi.Size()%16 != 0 {
02|        f.Close()
        return nil, &ErrILSEQ{Type: ErrFileSize, Name: name, Arg: fi.Size()}
    }
    return &SimpleFileFiler{file: f, size: fi.Size()}, nil
}
''')
cases_of(case, GH + 'cznic/lldb/issues/3', 'falloc.go',
         G('lldb', ['fmt', 'os'])(LLDB), [
             (1, 'go-00-lldb-filer-open-leaks-file-on-bad-size',
              'an edit drops the closes of the database file when its stat fails or its size is no multiple of an atom, '
              'so every refused open leaves the file open', 'edit'),
             (2, 'go-00-lldb-free-rollback-error-dropped',
              'an edit rolls a failed free back without looking at the rollback\'s error, so a half-written update is '
              'reported as the first error alone', 'edit'),
             (0, 'go-ok-00-lldb-rollback-error-reported-file-closed',
              'clean: a failed rollback joined to the error, the file closed on both refusals', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / TX-02: OVAL dictionary fetch into the database (goval-dictionary)
GOVAL = template('goval-dictionary-rdb', r'''
// InsertOval replaces the definitions of one OS family and release with those of a freshly fetched OVAL file.
func (r *RDBDriver) InsertOval(root *models.Root, meta models.FetchMeta) (err error) {
    tx := r.conn.Begin()
    if tx.Error != nil {
        return xerrors.Errorf("Failed to begin transaction. err: %w", tx.Error)
    }

    old := models.Root{}
    result := tx.Where(&models.Root{Family: root.Family, OSVersion: root.OSVersion}).First(&old)
    if result.Error != nil && !errors.Is(result.Error, gorm.ErrRecordNotFound) {
02|        tx.Rollback()
        return xerrors.Errorf("Failed to select old defs: %w", result.Error) //@{1}TX-01
    }
    if result.RowsAffected > 0 {
        log15.Info("Deleting old Definitions...", "family", root.Family, "release", root.OSVersion)
        if err := r.deleteDefinitions(tx, old.ID); err != nil {
02|            tx.Rollback()
            return xerrors.Errorf("Failed to delete old definitions: %w", err)
        }
    }

    log15.Info("Inserting new Definitions...", "family", root.Family, "count", len(root.Definitions))
    if err := tx.Omit("Definitions").Create(root).Error; err != nil {
02|        tx.Rollback()
        return xerrors.Errorf("Failed to insert Root. err: %w", err)
    }
    for chunk := range slices.Chunk(root.Definitions, r.batchSize) {
        for i := range chunk {
            chunk[i].RootID = root.ID
        }
        if err := tx.CreateInBatches(chunk, r.batchSize).Error; err != nil {
02|            tx.Rollback()
            return xerrors.Errorf("Failed to insert Definitions. err: %w", err)
        }
    }
    if err := tx.Save(&meta).Error; err != nil {
02|        tx.Rollback()
        return xerrors.Errorf("Failed to save fetch meta. err: %w", err)
    }
01|    if err := tx.Commit().Error; err != nil {
01|        return xerrors.Errorf("Failed to commit. err: %w", err)
01|    }
2|    tx.Commit() //@TX-02
    return nil
}
''')
cases_of(case, GH + 'vulsio/goval-dictionary/pull/40', 'db/rdb.go',
         G('db', ['errors', 'slices', '', 'github.com/inconshreveable/log15', 'golang.org/x/xerrors', 'gorm.io/gorm', '',
                  'github.com/vulsio/goval-dictionary/models'])(GOVAL), [
             (1, 'go-00-goval-dictionary-insert-oval-returns-without-rollback',
              'an edit returns the errors of the delete and insert steps without rolling the transaction back, so a '
              'failed fetch keeps its transaction and its locks open', 'edit'),
             (2, 'go-00-goval-dictionary-insert-oval-commit-error-dropped',
              'an edit commits the fetched definitions without looking at the commit\'s error, so a failed commit '
              'reports success and the old definitions stay', 'edit'),
             (0, 'go-ok-00-goval-dictionary-insert-oval-rolled-back-commit-checked',
              'clean: every error path rolls the transaction back, the commit\'s error returned', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / CONC-02: workflow deploy job runner (zadig)
ZADIG = template('zadig-deploy-job', r'''
// deployServices rolls every service of the job out to the environment, at most job.Spec.Concurrency at a time, and
// returns the first failure after all have finished.
func (c *DeployJobCtl) deployServices(ctx context.Context, services []*commonmodels.DeployServiceInfo) error {
    concurrency := c.jobTaskSpec.Concurrency
    if concurrency <= 0 {
        concurrency = defaultDeployConcurrency
    }
01|    sem := make(chan struct{}, concurrency)
    errs := make(chan error, len(services))
    var wg sync.WaitGroup
    for _, svc := range services {
        svc := svc
01|        sem <- struct{}{}
        wg.Add(1)
        go func() { //@{1}CONC-01 //@{2}CONC-02
            defer wg.Done()
01|            defer func() { <-sem }()
02|            defer func() {
02|                if r := recover(); r != nil {
02|                    log.Errorf("deploy of %s panicked: %v\n%s", svc.ServiceName, r, debug.Stack())
02|                    errs <- fmt.Errorf("deploy of %s panicked: %v", svc.ServiceName, r)
02|                }
02|            }()
            if err := c.deployService(ctx, svc); err != nil {
                c.logger.Errorf("deploy service %s failed: %v", svc.ServiceName, err)
                errs <- fmt.Errorf("deploy %s: %w", svc.ServiceName, err)
                return
            }
            c.ack()
        }()
    }
    wg.Wait()
    close(errs)
    for err := range errs {
        return err
    }
    return nil
}

func (c *DeployJobCtl) deployService(ctx context.Context, svc *commonmodels.DeployServiceInfo) error {
    env, err := commonrepo.NewProductColl().Find(&commonrepo.ProductFindOptions{Name: c.workflowCtx.ProjectName,
        EnvName: c.jobTaskSpec.Env})
    if err != nil {
        return fmt.Errorf("find env %s: %w", c.jobTaskSpec.Env, err)
    }
    timeout := time.Duration(c.jobTaskSpec.Timeout) * time.Second
    deployCtx, cancel := context.WithTimeout(ctx, timeout)
    defer cancel()
    return kube.UpdateContainerImages(deployCtx, c.kubeClient, env.Namespace, svc.ServiceName, svc.Images)
}
''')
cases_of(case, GH + 'koderover/zadig/pull/2134', 'pkg/microservice/aslan/core/common/service/workflowcontroller/jobcontroller/job_deploy.go',
         G('jobcontroller', ['context', 'fmt', 'runtime/debug', 'sync', 'time', '',
                             'commonmodels github.com/koderover/zadig/pkg/microservice/aslan/core/common/repository/models',
                             'commonrepo github.com/koderover/zadig/pkg/microservice/aslan/core/common/repository/mongodb',
                             'kube github.com/koderover/zadig/pkg/tool/kube/updater',
                             'github.com/koderover/zadig/pkg/tool/log'])(ZADIG), [
             (1, 'go-00-zadig-deploy-job-service-goroutine-without-recover',
              'an edit drops the recover of each service\'s deploy goroutine, so one panicking rollout kills aslan and '
              'every workflow it runs', 'edit'),
             (2, 'go-00-zadig-deploy-job-goroutine-per-service-unbounded',
              'an edit drops the semaphore of the deploy job, so a job of hundreds of services starts all their '
              'rollouts at once against the cluster', 'edit'),
             (0, 'go-ok-00-zadig-deploy-job-bounded-recovered-rollouts',
              'clean: rollouts bounded by the job\'s concurrency, each goroutine recovering its panic', 'fix'),
         ])
