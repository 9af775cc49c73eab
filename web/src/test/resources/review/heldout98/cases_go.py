"""Round-98 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- RES-02 / CONC-01: streaming producer of an LLM gateway's Anthropic provider (ferro-labs ai-gateway)
FERRO = template('ferro-anthropic-stream', r'''
// maxEventSize bounds one server-sent event line; tool-use deltas can carry large JSON fragments.
const maxEventSize = 1 << 20

// CompleteStream sends a streaming Messages request and turns its server-sent events into chunks on the returned
// channel. The channel is closed when the upstream stream ends or fails, or when the caller's context is cancelled.
func (p *Provider) CompleteStream(ctx context.Context, req core.Request) (<-chan core.StreamChunk, error) {
    body, err := p.buildBody(req, true)
    if err != nil {
        return nil, fmt.Errorf("anthropic: encoding request: %w", err)
    }
    httpReq, err := http.NewRequestWithContext(ctx, http.MethodPost, p.baseURL+"/v1/messages", bytes.NewReader(body))
    if err != nil {
        return nil, fmt.Errorf("anthropic: building request: %w", err)
    }
    p.setHeaders(httpReq)
    httpReq.Header.Set("Accept", "text/event-stream")

    resp, err := p.client.Do(httpReq)
    if err != nil {
        return nil, fmt.Errorf("anthropic: %w", err)
    }
    if resp.StatusCode != http.StatusOK {
        defer resp.Body.Close()
        return nil, p.statusError(resp)
    }

    ch := make(chan core.StreamChunk)
    go func() { //@{1}RES-02 //@{2}CONC-01
        defer close(ch)
02|        defer resp.Body.Close()
01|        defer func() {
01|            if r := recover(); r != nil {
01|                p.logger.Error("anthropic stream producer panicked", "panic", r, "stack", string(debug.Stack()))
01|                send(ctx, ch, core.StreamChunk{Error: fmt.Errorf("anthropic: stream aborted: %v", r)})
01|            }
01|        }()

        scanner := bufio.NewScanner(resp.Body)
        scanner.Buffer(make([]byte, 0, 64*1024), maxEventSize)
        var event string
        for scanner.Scan() {
            line := scanner.Text()
            switch {
            case strings.HasPrefix(line, "event: "):
                event = strings.TrimPrefix(line, "event: ")
            case strings.HasPrefix(line, "data: "):
                chunk, done, err := p.decodeEvent(event, []byte(strings.TrimPrefix(line, "data: ")))
                if err != nil {
                    send(ctx, ch, core.StreamChunk{Error: err})
                    return
                }
                if chunk != nil && !send(ctx, ch, *chunk) {
                    return
                }
                if done {
                    return
                }
            }
        }
        if err := scanner.Err(); err != nil {
            send(ctx, ch, core.StreamChunk{Error: fmt.Errorf("anthropic: reading stream: %w", err)})
        }
    }()
    return ch, nil
}

// send delivers one chunk unless the caller has gone away, and reports whether it was delivered.
func send(ctx context.Context, ch chan<- core.StreamChunk, c core.StreamChunk) bool {
    select {
    case ch <- c:
        return true
    case <-ctx.Done():
        return false
    }
}
''')
_FERRO = ['bufio', 'bytes', 'context', 'fmt', 'net/http', 'runtime/debug', 'strings', '',
          'github.com/ferro-labs/ai-gateway/providers/core']
cases_of(case, GH + 'ferro-labs/ai-gateway/issues/293', 'providers/anthropic/anthropic_stream.go',
         GV('anthropic', {0: _FERRO, 1: _FERRO, 2: [i for i in _FERRO if i != 'runtime/debug']})(FERRO), [
             (1, 'go-00-ferro-anthropic-stream-body-never-closed',
              'an edit drops the producer goroutine\'s close of the upstream response, so every streamed completion '
              'keeps its connection and body until the process ends', 'edit'),
             (2, 'go-00-ferro-anthropic-stream-producer-without-recover',
              'an edit removes the recover from the stream producer goroutine, so one malformed event that panics '
              'the decoder takes the whole gateway down', 'edit'),
             (0, 'go-ok-00-ferro-anthropic-stream-producer-closes-and-recovers',
              'clean: the producer closes the response and recovers, and every send selects on the caller\'s '
              'context', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / ERR-01: catalogue client of an AI provider database (catwalk), new file
CATWALK = template('catwalk-client', r'''
const defaultURL = "https://catwalk.charm.sh"

// ErrNotModified reports that the catalogue has not changed since the ETag the caller sent.
var ErrNotModified = errors.New("catwalk: providers not modified")

// Client fetches the catalogue of providers and models the coding agent offers.
type Client struct {
    baseURL    string
    httpClient *http.Client
}

// New builds a client for the catalogue at url, or for the public one when url is empty.
func New(url string) *Client {
    if url == "" {
        url = defaultURL
    }
    return &Client{
        baseURL:    strings.TrimRight(url, "/"),
02|        httpClient: &http.Client{Timeout: 30 * time.Second},
1|        httpClient: &http.Client{}, //@TMO-01
    }
}

// GetProviders downloads the providers, or returns ErrNotModified when etag still names the catalogue the caller
// has cached.
func (c *Client) GetProviders(ctx context.Context, etag string) ([]Provider, string, error) {
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.baseURL+"/v2/providers", nil)
    if err != nil {
        return nil, "", fmt.Errorf("catwalk: building request: %w", err)
    }
    if etag != "" {
        req.Header.Set("If-None-Match", etag)
    }
    req.Header.Set("User-Agent", "crush/catwalk-client")

    resp, err := c.httpClient.Do(req)
    if err != nil {
        return nil, "", fmt.Errorf("catwalk: fetching providers: %w", err)
    }
    defer resp.Body.Close()

    switch resp.StatusCode {
    case http.StatusOK:
    case http.StatusNotModified:
        return nil, etag, ErrNotModified
    default:
        msg, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
        return nil, "", fmt.Errorf("catwalk: unexpected status %d: %s", resp.StatusCode, bytes.TrimSpace(msg))
    }

    var providers []Provider
01|    if err := json.NewDecoder(resp.Body).Decode(&providers); err != nil {
01|        return nil, "", fmt.Errorf("catwalk: decoding providers: %w", err)
01|    }
2|    json.NewDecoder(resp.Body).Decode(&providers) //@ERR-01
    return providers, resp.Header.Get("ETag"), nil
}
''')
_CATWALK = ['bytes', 'context', 'encoding/json', 'errors', 'fmt', 'io', 'net/http', 'strings', 'time']
cases_of(case, GH + 'charmbracelet/catwalk/pull/125', 'pkg/catwalk/client.go',
         GV('catwalk', {0: _CATWALK, 2: _CATWALK, 1: [i for i in _CATWALK if i != 'time']})(CATWALK), [
             (1, 'go-00-catwalk-new-client-without-timeout',
              'a new catalogue client is built on an http.Client without a timeout, so a catalogue server that '
              'stops answering hangs the agent\'s start-up for good', 'new'),
             (2, 'go-00-catwalk-new-client-decode-error-dropped',
              'a new catalogue client drops the error of decoding the providers, so a truncated answer yields an '
              'empty catalogue and a fresh ETag as if it were valid', 'new'),
             (0, 'go-ok-00-catwalk-new-client',
              'clean: a new catalogue client with a 30 s timeout that checks its decode', 'new'),
         ])


# ---------------------------------------------------------------- CONC-01 / ERR-01: channel test job of an LLM API gateway (new-api), CRLF file
NEWAPI = template('new-api-channel-test', r'''
var (
    testAllChannelsLock    sync.Mutex
    testAllChannelsRunning bool
)

func testAllChannels(notify bool) error {
    testAllChannelsLock.Lock()
    if testAllChannelsRunning {
        testAllChannelsLock.Unlock()
        return errors.New("测试已在运行中")
    }
    testAllChannelsRunning = true
    testAllChannelsLock.Unlock()

    channels, err := model.GetAllChannels(0, 0, true, false)
    if err != nil {
        testAllChannelsLock.Lock()
        testAllChannelsRunning = false
        testAllChannelsLock.Unlock()
        return err
    }
    disableThreshold := int64(common.ChannelDisableThreshold * 1000)
    if disableThreshold == 0 {
        disableThreshold = 10000000 // a large value so that no channel is disabled for being slow
    }
    go func() { //@{1}CONC-01
        defer func() {
02|            if r := recover(); r != nil {
02|                common.SysError(fmt.Sprintf("channel test panicked: %v\n%s", r, debug.Stack()))
02|            }
            testAllChannelsLock.Lock()
            testAllChannelsRunning = false
            testAllChannelsLock.Unlock()
        }()

        for _, channel := range channels {
            isChannelEnabled := channel.Status == common.ChannelStatusEnabled
            tik := time.Now()
            result := testChannel(channel, "")
            milliseconds := time.Since(tik).Milliseconds()

            shouldBanChannel := false
            if result.localErr != nil || result.newAPIError != nil {
                shouldBanChannel = service.ShouldDisableChannel(channel.Type, result.newAPIError)
            }
            if isChannelEnabled && milliseconds > disableThreshold {
                shouldBanChannel = true
            }
            if isChannelEnabled && shouldBanChannel && channel.GetAutoBan() {
                service.DisableChannel(channel.Id, channel.Name, result.message())
            }
            if !isChannelEnabled && service.ShouldEnableChannel(result.newAPIError, channel.Status) {
                service.EnableChannel(channel.Id, channel.Name)
            }
01|            if err := channel.UpdateResponseTime(milliseconds); err != nil {
01|                common.SysError(fmt.Sprintf("failed to save the response time of channel #%d: %v", channel.Id, err))
01|            }
2|            channel.UpdateResponseTime(milliseconds) //@ERR-01
            time.Sleep(common.RequestInterval)
        }
        if notify {
            service.NotifyRootUser(dto.NotifyTypeChannelTest, "通道测试完成", "所有通道测试已完成")
        }
    }()
    return nil
}

func TestAllChannels(c *gin.Context) {
    if err := testAllChannels(true); err != nil {
        common.ApiError(c, err)
        return
    }
    c.JSON(http.StatusOK, gin.H{"success": true, "message": ""})
}
''')
_NEWAPI = ['errors', 'fmt', 'net/http', 'runtime/debug', 'sync', 'time', '', 'one-api/common', 'one-api/dto',
           'one-api/model', 'one-api/service', '', 'github.com/gin-gonic/gin']
cases_of(case, GH + 'QuantumNous/new-api/issues/319', 'controller/channel-test.go',
         GV('controller', {0: _NEWAPI, 2: _NEWAPI, 1: [i for i in _NEWAPI if i != 'runtime/debug']})(NEWAPI), [
             (1, 'go-00-new-api-channel-test-goroutine-without-recover',
              'an edit drops the recover of the goroutine that tests every channel, so one channel whose test '
              'dereferences a nil response crashes the gateway', 'edit'),
             (2, 'go-00-new-api-channel-test-response-time-error-dropped',
              'an edit calls the channel\'s response-time update as a bare statement, so a failed write of the '
              'measurement is never seen', 'edit'),
             (0, 'go-ok-00-new-api-channel-test-recovers-and-checks',
              'clean: the test goroutine recovers and the response-time write is checked and logged', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-03 / LOG-01: pod cache of an LLM inference gateway (aibrix)
AIBRIX = template('aibrix-cache', r'''
// Store keeps the pods and models the gateway routes to. The pod informer writes it; the router reads it on every
// request.
type Store struct {
    mu          sync.RWMutex
    pods        map[string]*Pod
    modelToPods map[string]map[string]*Pod
}

func (s *Store) addPod(obj interface{}) {
    pod, ok := obj.(*v1.Pod)
    if !ok || !isGatewayPod(pod) {
        return
    }
    modelName := pod.Labels[modelIdentifier]
02|    s.mu.Lock()
02|    defer s.mu.Unlock()

    p := newPod(pod)
    s.pods[pod.Name] = p //@{1}CONC-03
    if s.modelToPods[modelName] == nil {
        s.modelToPods[modelName] = map[string]*Pod{}
    }
    s.modelToPods[modelName][pod.Name] = p
    klog.V(4).InfoS("pod added to cache", "pod", pod.Name, "model", modelName)
}

func (s *Store) deletePod(obj interface{}) {
    pod, ok := obj.(*v1.Pod)
    if !ok {
        return
    }
    s.mu.Lock()
    defer s.mu.Unlock()

    delete(s.pods, pod.Name)
    modelName := pod.Labels[modelIdentifier]
    if pods, ok := s.modelToPods[modelName]; ok {
        delete(pods, pod.Name)
        if len(pods) == 0 {
            delete(s.modelToPods, modelName)
        }
    }
    klog.V(4).InfoS("pod removed from cache", "pod", pod.Name, "model", modelName)
}

// ListPodsByModel returns the ready pods that serve modelName; the router calls it for every request.
func (s *Store) ListPodsByModel(modelName string) ([]*Pod, error) {
    s.mu.RLock()
    defer s.mu.RUnlock()

    pods, ok := s.modelToPods[modelName]
    if !ok {
        return nil, fmt.Errorf("model %s has no pods", modelName)
    }
    ready := make([]*Pod, 0, len(pods))
    for _, p := range pods {
        if p.Ready() {
            ready = append(ready, p)
        }
    }
2|    klog.InfoS("listing pods for model", "model", modelName, "pods", len(pods), "ready", len(ready)) //@LOG-01
    return ready, nil
}
''')
cases_of(case, GH + 'vllm-project/aibrix/pull/550', 'pkg/cache/cache.go',
         G('cache', ['fmt', 'sync', '', 'k8s.io/api/core/v1', 'k8s.io/klog/v2'])(AIBRIX), [
             (1, 'go-00-aibrix-add-pod-writes-maps-without-lock',
              'an edit takes the lock out of the informer\'s add handler, so pods are written into the maps the '
              'router reads under the read lock on every request', 'edit'),
             (2, 'go-00-aibrix-list-pods-logs-every-request',
              'an edit logs at info level in the pod lookup the router runs for every request', 'edit'),
             (0, 'go-ok-00-aibrix-add-pod-locked',
              'clean: the add handler writes the maps under the write lock; the lookup does not log', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / RES-02: Ollama client of an LLM framework (langchaingo)
LANGCHAINGO = template('langchaingo-ollama-client', r'''
// Client talks to an Ollama server's JSON API.
type Client struct {
    base       *url.URL
    httpClient *http.Client
}

// NewClient returns a client for the server at ourl, using httpClient for every call (http.DefaultClient if nil).
func NewClient(ourl *url.URL, httpClient *http.Client) (*Client, error) {
    if ourl == nil {
        return nil, errors.New("ollama: server URL is required")
    }
    if httpClient == nil {
        httpClient = http.DefaultClient
    }
    return &Client{base: ourl, httpClient: httpClient}, nil
}

func (c *Client) do(ctx context.Context, method, path string, reqData, respData any) error {
    var body io.Reader
    if reqData != nil {
        data, err := json.Marshal(reqData)
        if err != nil {
            return err
        }
        body = bytes.NewReader(data)
    }

02|    request, err := http.NewRequestWithContext(ctx, method, c.base.JoinPath(path).String(), body)
1|    request, err := http.NewRequest(method, c.base.JoinPath(path).String(), body) //@TMO-02
    if err != nil {
        return err
    }
    request.Header.Set("Content-Type", "application/json")
    request.Header.Set("Accept", "application/json")

    response, err := c.httpClient.Do(request)
    if err != nil { //@{2}RES-02
        return err
    }
01|    defer response.Body.Close()

    respBody, err := io.ReadAll(response.Body)
    if err != nil {
        return err
    }
    if err := checkError(response, respBody); err != nil {
        return err
    }
    if len(respBody) > 0 && respData != nil {
        return json.Unmarshal(respBody, respData)
    }
    return nil
}

// CreateEmbedding embeds the texts of req with the model it names.
func (c *Client) CreateEmbedding(ctx context.Context, req *EmbeddingRequest) (*EmbeddingResponse, error) {
    resp := &EmbeddingResponse{}
    if err := c.do(ctx, http.MethodPost, "/api/embed", req, resp); err != nil {
        return nil, fmt.Errorf("ollama: embedding: %w", err)
    }
    return resp, nil
}
''')
cases_of(case, GH + 'tmc/langchaingo/pull/66', 'llms/ollama/internal/ollamaclient/ollamaclient.go',
         G('ollamaclient', ['bytes', 'context', 'encoding/json', 'errors', 'fmt', 'io', 'net/http', 'net/url'])(LANGCHAINGO), [
             (1, 'go-00-langchaingo-ollama-request-without-context',
              'an edit builds the Ollama request without the caller\'s context, so a cancelled chain keeps its '
              'generation running on the server until it ends', 'edit'),
             (2, 'go-00-langchaingo-ollama-response-never-closed',
              'an edit drops the close of the Ollama response, so every call leaves its connection checked out', 'edit'),
             (0, 'go-ok-00-langchaingo-ollama-request-with-context',
              'clean: the request carries the caller\'s context and the response is closed', 'fix'),
         ])


# ---------------------------------------------------------------- OPS-01 / LOG-03: agent SDK lifecycle of an agent control plane (agentfield)
AGENTFIELD = template('agentfield-lifecycle', r'''
// Shutdown stops accepting executions, waits for those already accepted up to the drain timeout, cancels what is
// left and reports a terminal state for every execution before the process exits.
func (a *Agent) Shutdown(ctx context.Context) error {
    a.notifyControlPlane(ctx, "shutting_down")
    a.accepting.Store(false)

02|    drainCtx, cancel := context.WithTimeout(ctx, a.shutdownTimeout())
02|    defer cancel()
02|    if err := a.server.Shutdown(drainCtx); err != nil && !errors.Is(err, context.DeadlineExceeded) {
02|        return fmt.Errorf("agent: stopping http server: %w", err)
02|    }
02|    if !a.executions.wait(drainCtx) {
02|        a.executions.cancelAll()
02|        a.executions.settle(5 * time.Second)
02|    }
1|    if err := a.server.Close(); err != nil { //@OPS-01
1|        return fmt.Errorf("agent: closing http server: %w", err)
1|    }
    a.reportTerminalStates(ctx)
    return nil
}

// runExecution runs one execution accepted with 202 and reports its result to the control plane.
func (a *Agent) runExecution(ctx context.Context, exec *Execution) {
    defer a.executions.done(exec.ID)

    result, err := a.invoke(ctx, exec)
    if err != nil {
01|        a.logger.Error("execution failed", "execution_id", exec.ID, "run_id", exec.RunID, "reasoner", exec.Target, "error", err)
2|        a.logger.Error("execution failed", "reasoner", exec.Target, "error", err) //@LOG-03
        a.reportStatus(ctx, exec, StatusFailed, nil, err)
        return
    }
    a.reportStatus(ctx, exec, StatusSucceeded, result, nil)
}
''')
_AF = ['context', 'errors', 'fmt', 'time']
cases_of(case, GH + 'Agent-Field/agentfield/pull/1000', 'sdk/go/agent/agent_lifecycle.go',
         GV('agent', {0: _AF, 2: _AF, 1: ['context', 'fmt']})(AGENTFIELD), [
             (1, 'go-00-agentfield-shutdown-closes-without-draining',
              'an edit closes the agent\'s HTTP server at once instead of shutting it down and waiting for the '
              'accepted executions, so every rolling update kills in-flight reasoners', 'edit'),
             (2, 'go-00-agentfield-failed-execution-logged-without-ids',
              'an edit shortens the failure log line of an execution to the reasoner and error, dropping the '
              'execution and run ids', 'edit'),
             (0, 'go-ok-00-agentfield-shutdown-drains-executions',
              'clean: shutdown drains the server and the executions under one deadline', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / TX-02: conversation store of a service admin's AI assistant (dubbo-admin), new file
DUBBO = template('dubbo-admin-gorm-store', r'''
// ErrTurnFinalized is returned when messages are appended to a turn that was already closed.
var ErrTurnFinalized = errors.New("memory: turn already finalized")

// GormStore keeps the assistant's sessions, turns and messages in the admin's database.
type GormStore struct {
    db       *gorm.DB
    maxTurns int
}

// NewGormStore returns a store on db that allows at most maxTurns turns per session.
func NewGormStore(db *gorm.DB, maxTurns int) *GormStore {
    return &GormStore{db: db, maxTurns: maxTurns}
}

// CreateSession inserts a new session row.
func (s *GormStore) CreateSession(ctx context.Context, session *SessionModel) error {
    return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
        session.CreatedAt = time.Now().UTC()
        session.UpdatedAt = session.CreatedAt
        return tx.Create(session).Error
    })
}

// AppendMessages writes the messages of one turn in order and moves the session's updated time, all or nothing.
func (s *GormStore) AppendMessages(ctx context.Context, sessionID, turnID string, msgs []*ai.Message) error {
    tx := s.db.WithContext(ctx).Begin() //@{1}TX-01
    if tx.Error != nil {
        return fmt.Errorf("begin transaction: %w", tx.Error)
    }
02|    defer tx.Rollback()

    var turn TurnModel
    if err := tx.Where("id = ? AND session_id = ?", turnID, sessionID).First(&turn).Error; err != nil {
        return fmt.Errorf("load turn %s: %w", turnID, err)
    }
    if turn.Finalized {
        return ErrTurnFinalized
    }
    var next int
    if err := tx.Model(&MessageModel{}).Where("turn_id = ?", turnID).
        Select("COALESCE(MAX(sequence), -1) + 1").Scan(&next).Error; err != nil {
        return fmt.Errorf("next sequence of turn %s: %w", turnID, err)
    }
    for i, m := range msgs {
        row, err := toMessageModel(turnID, next+i, m)
        if err != nil {
            return err
        }
        if err := tx.Create(row).Error; err != nil {
            return fmt.Errorf("insert message %d of turn %s: %w", next+i, turnID, err)
        }
    }
    if err := tx.Model(&SessionModel{}).Where("id = ?", sessionID).Update("updated_at", time.Now().UTC()).Error; err != nil {
        return fmt.Errorf("touch session %s: %w", sessionID, err)
    }
01|    return tx.Commit().Error
2|    tx.Commit() //@TX-02
2|    return nil
}
''')
cases_of(case, GH + 'apache/dubbo-admin/pull/1540', 'pkg/ai/memory/gorm_store.go',
         G('memory', ['context', 'errors', 'fmt', 'time', '', 'github.com/firebase/genkit/go/ai', 'gorm.io/gorm'])(DUBBO), [
             (1, 'go-00-dubbo-admin-new-store-append-without-rollback',
              'a new GORM conversation store begins a transaction for appended messages and returns on every '
              'error without rolling it back, so a failed insert holds its connection and locks', 'new'),
             (2, 'go-00-dubbo-admin-new-store-commit-error-dropped',
              'a new GORM conversation store calls Commit as a bare statement and reports success, so a failed '
              'commit loses a turn\'s messages silently', 'new'),
             (0, 'go-ok-00-dubbo-admin-new-store',
              'clean: a new store whose append defers the rollback and returns the commit error', 'new'),
         ])


# ---------------------------------------------------------------- TMO-03 / LOG-01: SSE invocation service of an LLM app's plugin daemon (dify-plugin-daemon)
DIFY = template('dify-plugin-daemon-sse', r'''
// baseSSEService runs one plugin invocation and streams its responses to the client as server-sent events until
// the plugin finishes, the client goes away or the invocation's time limit passes.
func baseSSEService[R any](generator func() (*stream.Stream[R], error), ctx *gin.Context, maxExecutionTimeout int) {
    writer := ctx.Writer
    writer.Header().Set("Content-Type", "text/event-stream")
    writer.Header().Set("Cache-Control", "no-cache")
    writer.Header().Set("Connection", "keep-alive")

02|    timeout, cancel := context.WithTimeout(ctx.Request.Context(), time.Duration(maxExecutionTimeout)*time.Second)
02|    defer cancel()
1|    timeout, _ := context.WithTimeout(ctx.Request.Context(), time.Duration(maxExecutionTimeout)*time.Second) //@TMO-03

    response, err := generator()
    if err != nil {
        writeEvent(writer, entities.NewErrorResponse(-500, err.Error()))
        return
    }
    defer response.Close()

    done := make(chan struct{})
    routine.Submit(map[string]string{"module": "service", "function": "baseSSEService"}, func() {
        defer close(done)
        for response.Next() {
            chunk, err := response.Read()
            if err != nil {
                writeEvent(writer, entities.NewErrorResponse(-500, err.Error()))
                return
            }
2|            log.Info("plugin chunk streamed: %s", parser.MarshalJson(chunk)) //@LOG-01
            writeEvent(writer, entities.NewSuccessResponse(chunk))
        }
    })

    select {
    case <-timeout.Done():
        response.Close()
        <-done
        if errors.Is(timeout.Err(), context.DeadlineExceeded) {
            log.Warn("plugin invocation killed by timeout after %ds", maxExecutionTimeout)
            writeEvent(writer, entities.NewErrorResponse(-500, "killed by timeout"))
        }
    case <-done:
    }
}
''')
_DIFY = ['context', 'errors', 'time', '', 'github.com/gin-gonic/gin',
         'github.com/langgenius/dify-plugin-daemon/internal/types/entities',
         'github.com/langgenius/dify-plugin-daemon/internal/utils/log',
         'github.com/langgenius/dify-plugin-daemon/internal/utils/parser',
         'github.com/langgenius/dify-plugin-daemon/internal/utils/routine',
         'github.com/langgenius/dify-plugin-daemon/internal/utils/stream']
_DIFY_NOPARSER = [i for i in _DIFY if not i.endswith('/parser')]
cases_of(case, GH + 'langgenius/dify-plugin-daemon/issues/290', 'internal/service/base_sse.go',
         GV('service', {0: _DIFY_NOPARSER, 1: _DIFY_NOPARSER, 2: _DIFY})(DIFY), [
             (1, 'go-00-dify-plugin-daemon-invocation-timeout-cancel-discarded',
              'an edit discards the cancel of the invocation\'s time limit, so every finished invocation keeps its '
              'timer and context until the limit passes', 'edit'),
             (2, 'go-00-dify-plugin-daemon-logs-every-streamed-chunk',
              'an edit logs every chunk a plugin streams, marshalled to JSON, at info level', 'edit'),
             (0, 'go-ok-00-dify-plugin-daemon-invocation-timeout-cancelled',
              'clean: the time limit is cancelled when the invocation returns and chunks are not logged', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / RES-01: websocket namespace connection of a local LLM server's client (lmstudio-go)
LMSTUDIO = template('lmstudio-go-namespace', r'''
// namespaceConn is one websocket connection to an LM Studio namespace (llm, embedding, system). Calls over it are
// matched with their answers by call id.
type namespaceConn struct {
    url     string
    conn    *websocket.Conn
    writeMu sync.Mutex
    mu      sync.Mutex
    pending map[int]chan json.RawMessage
    nextID  int
}

func dialNamespace(ctx context.Context, baseURL, namespace string) (*namespaceConn, error) {
    u := fmt.Sprintf("%s/%s", strings.TrimRight(baseURL, "/"), namespace)
    conn, _, err := websocket.DefaultDialer.DialContext(ctx, u, nil)
    if err != nil {
        return nil, fmt.Errorf("connecting to %s: %w", u, err) //@{2}RES-01
    }
    if err := conn.WriteJSON(authenticateMessage()); err != nil {
01|        conn.Close()
        return nil, fmt.Errorf("authenticating to %s: %w", u, err)
    }
    nc := &namespaceConn{url: u, conn: conn, pending: map[int]chan json.RawMessage{}}
    go nc.readLoop()
    return nc, nil
}

// call sends one RPC and returns its call id and the channel its answer arrives on.
func (nc *namespaceConn) call(endpoint string, params any) (int, <-chan json.RawMessage, error) {
    ch := make(chan json.RawMessage, 1)
02|    nc.mu.Lock()
    nc.nextID++
    id := nc.nextID
    nc.pending[id] = ch //@{1}CONC-03
02|    nc.mu.Unlock()

    msg := map[string]any{"type": "rpcCall", "endpoint": endpoint, "callId": id, "parameter": params}
    nc.writeMu.Lock()
    err := nc.conn.WriteJSON(msg)
    nc.writeMu.Unlock()
    if err != nil {
        nc.mu.Lock()
        delete(nc.pending, id)
        nc.mu.Unlock()
        return 0, nil, fmt.Errorf("calling %s: %w", endpoint, err)
    }
    return id, ch, nil
}

func (nc *namespaceConn) readLoop() {
    for {
        var msg struct {
            CallID int             `json:"callId"`
            Result json.RawMessage `json:"result"`
        }
        if err := nc.conn.ReadJSON(&msg); err != nil {
            nc.failPending(err)
            return
        }
        nc.mu.Lock()
        ch, ok := nc.pending[msg.CallID]
        delete(nc.pending, msg.CallID)
        nc.mu.Unlock()
        if ok {
            ch <- msg.Result
        }
    }
}
''')
cases_of(case, GH + 'hypernetix/lmstudio-go/pull/21', 'pkg/lmstudio/namespace.go',
         G('lmstudio', ['context', 'encoding/json', 'fmt', 'strings', 'sync', '', 'github.com/gorilla/websocket'])(LMSTUDIO), [
             (1, 'go-00-lmstudio-go-call-registers-without-lock',
              'an edit registers each pending call in the map without the lock the read loop takes, so parallel '
              'requests race on the map', 'edit'),
             (2, 'go-00-lmstudio-go-dial-leaks-conn-on-auth-failure',
              'an edit stops closing the websocket when the authentication message cannot be written, so every '
              'failed connect leaks a socket', 'edit'),
             (0, 'go-ok-00-lmstudio-go-call-locked-and-conn-closed',
              'clean: calls register under the lock and a failed authentication closes the socket', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / LOG-01: Ollama embed provider of a memory database for agents (muninndb), renamed file
MUNINN = template('muninndb-ollama-embed', r'''
// OllamaProvider embeds text with a local Ollama server.
type OllamaProvider struct {
    baseURL string
    model   string
02|    client  *http.Client
    logger  *slog.Logger
    failed  *logging.Every
}

// NewOllamaProvider returns a provider for model on the server at baseURL.
func NewOllamaProvider(baseURL, model string, logger *slog.Logger) *OllamaProvider {
    return &OllamaProvider{
        baseURL: strings.TrimRight(baseURL, "/"),
        model:   model,
02|        client:  httpclient.New(60 * time.Second),
        logger:  logger,
        failed:  logging.NewEvery(time.Minute),
    }
}

// Embed returns one vector per text, in order.
func (p *OllamaProvider) Embed(ctx context.Context, texts []string) ([][]float32, error) {
    payload, err := json.Marshal(ollamaEmbedRequest{Model: p.model, Input: texts})
    if err != nil {
        return nil, err
    }
    req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.baseURL+"/api/embed", bytes.NewReader(payload))
    if err != nil {
        return nil, err
    }
    req.Header.Set("Content-Type", "application/json")

02|    resp, err := p.client.Do(req)
1|    resp, err := httpclient.New(60 * time.Second).Do(req) //@RES-04
    if err != nil {
        return nil, fmt.Errorf("ollama embed: %w", err)
    }
    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return nil, &providerHTTPError{Provider: "ollama", Status: resp.StatusCode}
    }
    var out ollamaEmbedResponse
    if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
        return nil, fmt.Errorf("ollama embed: decoding response: %w", err)
    }
    if len(out.Embeddings) != len(texts) {
        return nil, fmt.Errorf("ollama embed: %d vectors for %d texts", len(out.Embeddings), len(texts))
    }
    return out.Embeddings, nil
}

// EmbedMemory embeds one stored memory; the retroactive pass calls it for every memory that has no vector yet.
func (p *OllamaProvider) EmbedMemory(ctx context.Context, id, text string) ([]float32, bool) {
    vecs, err := p.Embed(ctx, []string{text})
    if err != nil {
01|        if p.failed.Allow() {
01|            p.logger.Warn("ollama embedding failing", "error", err, "suppressed", p.failed.Suppressed())
01|        }
2|        p.logger.Warn("ollama embedding failed", "memory", id, "error", err) //@LOG-01
        return nil, false
    }
    return vecs[0], true
}
''')
cases_of(case, GH + 'scrypster/muninndb/issues/790', 'internal/plugin/embed/ollama.go',
         G('embed', ['bytes', 'context', 'encoding/json', 'fmt', 'log/slog', 'net/http', 'strings', 'time', '',
                     'github.com/scrypster/muninndb/internal/httpclient',
                     'github.com/scrypster/muninndb/internal/logging'])(MUNINN), [
             (1, 'go-00-muninndb-renamed-embed-builds-client-per-call',
              'a PR moves the Ollama embed provider under the plugin package and builds an HTTP client through the '
              'project\'s helper on every embed call, so each memory opens fresh connections', 'rename'),
             (2, 'go-00-muninndb-renamed-embed-warns-per-memory',
              'a PR moves the Ollama embed provider under the plugin package and warns once for every memory whose '
              'embedding fails, so an Ollama outage writes one line per stored memory', 'rename'),
             (0, 'go-ok-00-muninndb-renamed-embed-provider',
              'clean: the move alone; one shared client and a warning at most once a minute', 'rename'),
         ], rename_from='internal/embed/ollama.go')
