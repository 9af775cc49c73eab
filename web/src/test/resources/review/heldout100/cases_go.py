"""Round-100 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- TMO-03 / LOG-01: executor duration contexts of a load testing tool (k6)
K6 = template('k6-executor-helpers', r'''
// getDurationContexts is used to create sub-contexts that can restrict an executor to only run for its allotted time.
//
// maxDurationCtx is done when the regular duration and the graceful stop have both passed; regDurationCtx is done
// when only the regular duration has, so that executors stop starting new iterations there and let the ones in
// flight finish until maxDurationCtx. The returned cancel releases both and must be called when Run returns.
func getDurationContexts(parentCtx context.Context, regularDuration, gracefulStop time.Duration) (
    startTime time.Time, maxDurationCtx, regDurationCtx context.Context, cancel func(),
) {
    startTime = time.Now()
    maxEndTime := startTime.Add(regularDuration + gracefulStop)

    maxDurationCtx, maxDurationCancel := context.WithDeadline(parentCtx, maxEndTime)
    if gracefulStop == 0 {
        return startTime, maxDurationCtx, maxDurationCtx, maxDurationCancel
    }
02|    regDurationCtx, regDurationCancel := context.WithDeadline(maxDurationCtx, startTime.Add(regularDuration))
02|    return startTime, maxDurationCtx, regDurationCtx, func() {
02|        regDurationCancel()
02|        maxDurationCancel()
02|    }
1|    regDurationCtx, _ = context.WithDeadline(maxDurationCtx, startTime.Add(regularDuration)) //nolint:govet //@TMO-03
1|    return startTime, maxDurationCtx, regDurationCtx, maxDurationCancel
}

// getArrivalRatePerSec returns the iterations per second for a given scaled rate and time unit.
func getArrivalRatePerSec(scaledArrivalRate *big.Rat, timeUnit time.Duration) *big.Rat {
    perSecRate := big.NewRat(int64(time.Second), int64(timeUnit))
    return perSecRate.Mul(perSecRate, scaledArrivalRate)
}

// droppedIterationHandler is called by the arrival-rate executors every time an iteration was due to start and no VU
// was free to run it. At a high arrival rate against a slow system under test that can be thousands of times per
// second, so it only counts.
func droppedIterationHandler(
    ctx context.Context, logger logrus.FieldLogger, state *lib.State, tags *metrics.TagSet, iteration uint64,
) func() {
    return func() {
        metrics.PushIfNotDone(ctx, state.Samples, metrics.Sample{
            TimeSeries: metrics.TimeSeries{Metric: state.BuiltinMetrics.DroppedIterations, Tags: tags},
            Time:       time.Now(),
            Value:      1,
        })
2|        logger.WithField("iteration", iteration).Warn("Insufficient VUs, dropping the iteration") //@LOG-01
    }
}
''')
cases_of(case, GH + 'grafana/k6/issues/6143', 'lib/executor/helpers.go',
         G('executor', ['context', 'math/big', 'time', '',
                        'github.com/sirupsen/logrus', '',
                        'go.k6.io/k6/lib', 'go.k6.io/k6/metrics'])(K6), [
             (1, 'go-00-k6-regular-duration-cancel-discarded',
              'an edit throws away the cancel of the regular-duration context and keeps only the parent\'s, so an '
              'interrupted test leaves the deadline timer and its context until the deadline passes', 'edit'),
             (2, 'go-00-k6-dropped-iteration-logged-per-event',
              'an edit reports every dropped iteration of an arrival-rate executor with a warning, a log line per '
              'event on the path that runs at the arrival rate', 'edit'),
             (0, 'go-ok-00-k6-duration-contexts-both-cancelled',
              'clean: the fix returns a cancel that releases both duration contexts', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / TMO-02: remote cassette store of an HTTP record and replay library (govcr)
GOVCR = template('govcr-remote-cassette', r'''
// remoteStore loads and saves cassettes from an HTTP endpoint so that CI jobs on different machines share one set of
// recordings.
type remoteStore struct {
    baseURL string
    client  *http.Client
    token   string
}

// Load fetches the named cassette. A cassette the store does not have is not an error: the VCR records a new one.
func (s *remoteStore) Load(ctx context.Context, name string) (*cassette, error) {
    u := s.baseURL + "/cassettes/" + url.PathEscape(name)
01|    req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
2|    req, err := http.NewRequest(http.MethodGet, u, nil) //@TMO-02
    if err != nil {
        return nil, errors.Wrap(err, "building cassette request")
    }
    req.Header.Set("Authorization", "Bearer "+s.token)
    req.Header.Set("Accept", "application/json")

    resp, err := s.client.Do(req)
    if err != nil { //@{1}RES-02
        return nil, errors.Wrapf(err, "fetching cassette %s", name)
    }
02|    defer resp.Body.Close()

    switch {
    case resp.StatusCode == http.StatusNotFound:
        return newCassette(name), nil
    case resp.StatusCode != http.StatusOK:
        return nil, errors.Errorf("fetching cassette %s: unexpected status %d", name, resp.StatusCode)
    }

    k7 := &cassette{Name: name}
    if err := json.NewDecoder(resp.Body).Decode(k7); err != nil {
        return nil, errors.Wrapf(err, "decoding cassette %s", name)
    }
    return k7, nil
}
''')
cases_of(case, GH + 'seborama/govcr/pull/9', 'remotestore.go',
         G('govcr', ['context', 'encoding/json', 'net/http', 'net/url', '',
                     'github.com/pkg/errors'])(GOVCR), [
             (1, 'go-00-govcr-remote-cassette-body-not-closed',
              'an edit drops the deferred close of the cassette response, so every cassette a CI job loads leaves '
              'its connection and body open, the 404 answers included', 'edit'),
             (2, 'go-00-govcr-remote-cassette-request-without-context',
              'an edit builds the cassette request without the caller\'s context, so a test run that times out '
              'still waits on a slow cassette store', 'edit'),
             (0, 'go-ok-00-govcr-remote-cassette-body-closed',
              'clean: the fix closes the cassette response on every path', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / TIME-01: session store of a mock OpenID Connect provider (mockoidc)
MOCKOIDC = template('mockoidc-session-store', r'''
// nowLayout is the layout of the MOCKOIDC_NOW override tests use to pin the provider's clock.
const nowLayout = "2006-01-02 15:04:05"

// Session stores a User and their OIDC options across requests
type Session struct {
    SessionID string
    Scopes    []string
    OIDCNonce string
    User      User
    Granted   bool
    IssuedAt  time.Time
}

// SessionStore manages our Session objects. The HTTP handlers of the mock provider read and write it from one
// goroutine per request, so every access holds the lock.
type SessionStore struct {
    sync.RWMutex
    Store     map[string]*Session
    CodeQueue *CodeQueue
    clock     func() time.Time
}

// NewSessionStore initializes the SessionStore for this server
func NewSessionStore() *SessionStore {
    return &SessionStore{
        Store:     make(map[string]*Session),
        CodeQueue: &CodeQueue{},
        clock:     pinnedClock(os.Getenv("MOCKOIDC_NOW")),
    }
}

// pinnedClock returns time.Now, or a clock stuck at the instant the override names. The override is read as UTC, the
// zone of the tokens' iat and exp claims.
func pinnedClock(override string) func() time.Time {
    if override == "" {
        return time.Now
    }
01|    at, err := time.ParseInLocation(nowLayout, override, time.UTC)
2|    at, err := time.ParseInLocation(nowLayout, override, time.Local) //@TIME-01
    if err != nil {
        panic(fmt.Sprintf("mockoidc: MOCKOIDC_NOW %q: %v", override, err))
    }
    return func() time.Time { return at }
}

// NewSession creates a new Session for a User
func (ss *SessionStore) NewSession(scope string, nonce string, user User) (*Session, error) {
    sessionID, err := ss.CodeQueue.Pop()
    if err != nil {
        return nil, err
    }

    session := &Session{
        SessionID: sessionID,
        Scopes:    strings.Split(scope, " "),
        OIDCNonce: nonce,
        User:      user,
        IssuedAt:  ss.clock(),
    }
02|    ss.Lock()
    ss.Store[sessionID] = session //@{1}CONC-03
02|    ss.Unlock()

    return session, nil
}

// GetSessionByID looks up the Session
func (ss *SessionStore) GetSessionByID(id string) (*Session, error) {
    ss.RLock()
    session, ok := ss.Store[id]
    ss.RUnlock()
    if !ok {
        return nil, errors.New("session not found")
    }
    return session, nil
}
''')
cases_of(case, GH + 'oauth2-proxy/mockoidc/pull/44', 'session.go',
         G('mockoidc', ['errors', 'fmt', 'os', 'strings', 'sync', 'time'])(MOCKOIDC), [
             (1, 'go-00-mockoidc-session-written-without-lock',
              'an edit stores new sessions without the lock the lookups take, so parallel tests authorizing against '
              'one mock provider race on the session map', 'edit'),
             (2, 'go-00-mockoidc-pinned-clock-in-local-zone',
              'an edit reads the pinned clock override in the machine\'s zone, so the tokens\' issue times move with '
              'the time zone of the CI runner', 'edit'),
             (0, 'go-ok-00-mockoidc-session-written-under-lock',
              'clean: the fix stores sessions under the store\'s lock', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-04: HTTP checker of an uptime checking tool (checkup), CRLF file
CHECKUP = template('checkup-http-checker', r'''
// DefaultHTTPClient is used when no other http.Client is specified on a Checker. Its timeouts bound one attempt, so an
// endpoint that accepts the connection and never answers is reported down instead of stalling the whole check run.
var DefaultHTTPClient = &http.Client{
02|    Transport: &http.Transport{
02|        Proxy:                 http.ProxyFromEnvironment,
02|        DialContext:           (&net.Dialer{Timeout: 10 * time.Second, KeepAlive: 0}).DialContext,
02|        TLSHandshakeTimeout:   5 * time.Second,
02|        ResponseHeaderTimeout: 5 * time.Second,
02|        MaxIdleConns:          1,
02|        DisableCompression:    true,
02|        DisableKeepAlives:     true,
02|    },
02|    Timeout: 10 * time.Second,
1|    Transport: &http.Transport{ //@TMO-01
1|        Proxy:              http.ProxyFromEnvironment,
1|        MaxIdleConns:       1,
1|        DisableCompression: true,
1|        DisableKeepAlives:  true,
1|    },
}

// Checker implements a Checker for HTTP endpoints.
type Checker struct {
    Name           string        `json:"endpoint_name"`
    URL            string        `json:"endpoint_url"`
    UpStatus       int           `json:"up_status,omitempty"`
    ThresholdRTT   time.Duration `json:"threshold_rtt,omitempty"`
    Attempts       int           `json:"attempts,omitempty"`
    AttemptSpacing time.Duration `json:"attempt_spacing,omitempty"`
    Headers        http.Header   `json:"headers,omitempty"`

    // Client is the http.Client with which to make requests. If not set, DefaultHTTPClient is used.
    Client *http.Client `json:"-"`
}

// doChecks executes req using c.Client and returns each attempt.
func (c Checker) doChecks(req *http.Request) types.Attempts {
    checks := make(types.Attempts, c.Attempts)
    for i := 0; i < c.Attempts; i++ {
01|        client := c.Client
01|        if client == nil {
01|            client = DefaultHTTPClient
01|        }
2|        client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{ //@RES-04
2|            Proxy:               http.ProxyFromEnvironment,
2|            TLSHandshakeTimeout: 5 * time.Second,
2|        }}
        start := time.Now()
        resp, err := client.Do(req)
        checks[i].RTT = time.Since(start)
        if err != nil {
            checks[i].Error = err.Error()
            continue
        }
        err = c.checkDown(resp)
        resp.Body.Close()
        if err != nil {
            checks[i].Error = err.Error()
        }
        if c.AttemptSpacing > 0 {
            time.Sleep(c.AttemptSpacing)
        }
    }
    return checks
}
''')
cases_of(case, GH + 'sourcegraph/checkup/issues/35', 'check/http/http.go',
         G('http', ['net', 'net/http', 'time', '',
                    'github.com/sourcegraph/checkup/types'])(CHECKUP), [
             (1, 'go-00-checkup-default-client-without-timeouts',
              'an edit drops the dial, header and overall timeouts of the default checker client, so one endpoint '
              'that accepts and never answers stalls the whole check run', 'edit'),
             (2, 'go-00-checkup-client-per-attempt',
              'an edit builds a client and transport for every attempt of every check, so no connection is ever '
              'reused and each check run leaves idle transports behind', 'edit'),
             (0, 'go-ok-00-checkup-default-client-with-timeouts',
              'clean: the fix gives the shared default client its timeouts', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- RES-01 / TMO-02: page creation of a browser automation library (rod)
ROD = template('rod-browser-page', r'''
// Page creates a new browser tab. If opts.URL is empty, the default target will be "about:blank".
func (b *Browser) Page(opts proto.TargetCreateTarget) (p *Page, err error) {
    req := opts
    req.URL = ""

    target, err := req.Call(b)
    if err != nil { //@{1}RES-01
        return nil, err
    }
02|    defer func() {
02|        // If the target was created but the page could not be attached, close the tab so it does not linger in
02|        // the browser for the rest of the run.
02|        if err != nil {
02|            _ = proto.TargetCloseTarget{TargetID: target.TargetID}.Call(b)
02|        }
02|    }()

    p, err = b.PageFromTarget(target.TargetID)
    if err != nil {
        return nil, err
    }

    if opts.URL == "" {
        return p, nil
    }

01|    return p, p.Context(b.ctx).Navigate(opts.URL)
2|    return p, p.Context(context.Background()).Navigate(opts.URL) //@TMO-02
}
''')
cases_of(case, GH + 'go-rod/rod/issues/220', 'browser.go',
         GV('rod', {0: ['github.com/go-rod/rod/lib/proto'], 1: ['github.com/go-rod/rod/lib/proto'],
                    2: ['context', '', 'github.com/go-rod/rod/lib/proto']})(ROD), [
             (1, 'go-00-rod-page-tab-left-open-on-attach-failure',
              'an edit drops the close of a new tab whose page could not be attached, so every failed attach leaves '
              'a tab open in the browser for the rest of the run', 'edit'),
             (2, 'go-00-rod-page-navigates-without-browser-context',
              'an edit navigates a new page under a background context, so cancelling or timing out the browser no '
              'longer stops a navigation that hangs', 'edit'),
             (0, 'go-ok-00-rod-page-tab-closed-on-attach-failure',
              'clean: the fix closes the new tab when attaching its page fails', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / CONC-03: toxic link of a chaos proxy (toxiproxy), new file
TOXIPROXY = template('toxiproxy-link', r'''
// ToxicLinks are single direction pipelines that connect an input and output via a chain of toxics. The chain always
// starts with a NoopToxic, and toxics are added and removed while connections flow through it: the chain is read by
// the pipe goroutines and written by the API handlers, always under the collection's lock.
type ToxicLink struct {
    mu        sync.Mutex
    stubs     []*toxics.ToxicStub
    proxy     *Proxy
    toxics    []*toxics.ToxicWrapper
    input     *stream.ChanWriter
    output    *stream.ChanReader
    direction stream.Direction
}

// Start the link with the specified toxics.
func (link *ToxicLink) Start(name string, source io.Reader, dest io.WriteCloser) {
    go func() {
        bytes, err := io.Copy(link.input, source)
        if err != nil {
            logrus.WithFields(logrus.Fields{"name": link.proxy.Name, "bytes": bytes, "err": err}).
                Warn("Source terminated")
        }
        link.input.Close()
    }()
    for i, toxic := range link.toxics {
        link.startToxic(toxic, link.stubs[i])
    }
    go func() {
        bytes, err := io.Copy(dest, link.output)
        if err != nil {
            logrus.WithFields(logrus.Fields{"name": link.proxy.Name, "bytes": bytes, "err": err}).
                Warn("Destination terminated")
        }
        dest.Close()
    }()
}

// startToxic runs one toxic of the chain on a goroutine of its own. A toxic that panics (a bad configuration, a
// closed stub) must only drop this connection, not the proxy process and every other connection with it.
func (link *ToxicLink) startToxic(toxic *toxics.ToxicWrapper, stub *toxics.ToxicStub) {
02|    go func() {
02|        defer func() {
02|            if r := recover(); r != nil {
02|                logrus.WithFields(logrus.Fields{"name": link.proxy.Name, "toxic": toxic.Name, "panic": r}).
02|                    Error("Toxic panicked, closing the connection")
02|                stub.Close()
02|            }
02|        }()
02|        toxic.Pipe(stub)
02|    }()
1|    go toxic.Pipe(stub) //@CONC-01
}

// AddToxic adds a toxic to the end of the chain and starts it on the links already flowing.
func (link *ToxicLink) AddToxic(toxic *toxics.ToxicWrapper) {
01|    link.mu.Lock()
01|    defer link.mu.Unlock()

    i := len(link.stubs)
    newin := make(chan *stream.StreamChunk, toxic.BufferSize)
    link.stubs = append(link.stubs, toxics.NewToxicStub(newin, link.stubs[i-1].Output)) //@{2}CONC-03
    link.toxics = append(link.toxics, toxic)

    // Interrupt the last toxic so that we don't have a race when moving channels
    if link.stubs[i-1].InterruptToxic() {
        link.stubs[i-1].Output = newin
        link.startToxic(toxic, link.stubs[i])
        link.startToxic(link.toxics[i-1], link.stubs[i-1])
    }
}
''')
cases_of(case, GH + 'Shopify/toxiproxy/pull/23', 'link.go',
         G('toxiproxy', ['io', 'sync', '',
                         'github.com/Shopify/toxiproxy/v2/stream', 'github.com/Shopify/toxiproxy/v2/toxics',
                         'github.com/sirupsen/logrus'])(TOXIPROXY), [
             (1, 'go-00-toxiproxy-new-link-toxic-goroutine-without-recover',
              'a new link file runs each toxic on a bare goroutine, so one toxic that panics on a closed stub takes '
              'the proxy process and every connection through it down', 'new'),
             (2, 'go-00-toxiproxy-new-link-chain-grown-without-lock',
              'a new link file grows the toxic chain without the lock its pipe goroutines and the API handlers share, '
              'so adding a toxic while a proxy closes races on the chain', 'new'),
             (0, 'go-ok-00-toxiproxy-new-link',
              'clean: a new link file whose toxic goroutines recover and whose chain changes hold the lock', 'new'),
         ])


# ---------------------------------------------------------------- RES-01 / TMO-01: reaper connection of a container testing library (testcontainers-go)
TCGO = template('testcontainers-go-reaper', r'''
// Connect runs a goroutine which can be terminated by sending true into the returned channel. The connection to the
// reaper stays open until then: Ryuk removes the session's containers once it is closed.
func (r *Reaper) Connect() (chan bool, error) {
    labelFilters := []string{}
    for l, v := range core.DefaultLabels(r.SessionID) {
        labelFilters = append(labelFilters, fmt.Sprintf("label=%s=%s", l, v))
    }

01|    conn, err := net.DialTimeout("tcp", r.Endpoint, 10*time.Second)
2|    conn, err := net.Dial("tcp", r.Endpoint) //@TMO-01
    if err != nil {
        return nil, fmt.Errorf("%w: connecting to reaper failed", err) //@{1}RES-01
    }
    if _, err := conn.Write([]byte(strings.Join(labelFilters, "&") + "\n")); err != nil {
02|        conn.Close()
        return nil, fmt.Errorf("sending filters to reaper: %w", err)
    }

    if err := conn.SetReadDeadline(time.Now().Add(10 * time.Second)); err != nil {
        conn.Close()
        return nil, fmt.Errorf("setting reaper read deadline: %w", err)
    }
    ack, err := bufio.NewReader(conn).ReadString('\n')
    if err != nil {
        conn.Close()
        return nil, fmt.Errorf("reading reaper ack: %w", err)
    }
    if strings.TrimSpace(ack) != "ACK" {
        conn.Close()
        return nil, fmt.Errorf("unexpected reaper answer %q", ack)
    }

    terminationSignal := make(chan bool)
    go func() {
        defer conn.Close()
        <-terminationSignal
    }()
    return terminationSignal, nil
}
''')
cases_of(case, GH + 'testcontainers/testcontainers-go/pull/320', 'reaper.go',
         G('testcontainers', ['bufio', 'fmt', 'net', 'strings', 'time', '',
                              'github.com/testcontainers/testcontainers-go/internal/core'])(TCGO), [
             (1, 'go-00-testcontainers-go-reaper-conn-left-open-on-write-error',
              'an edit stops closing the reaper connection when sending the label filters fails, so every failed '
              'handshake keeps a socket to Ryuk open for the rest of the test binary', 'edit'),
             (2, 'go-00-testcontainers-go-reaper-dial-without-timeout',
              'an edit dials the reaper without a timeout, so a Ryuk port that is published but not yet listening '
              'holds the test start-up for the kernel\'s connect timeout', 'edit'),
             (0, 'go-ok-00-testcontainers-go-reaper-conn-closed-on-write-error',
              'clean: the fix closes the reaper connection on every failed handshake step', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / RES-03: JUnit reporter of a test orchestration CLI (saucectl), renamed file
SAUCECTL = template('saucectl-junit-reporter', r'''
// Reporter represents struct to report in junit format.
type Reporter struct {
    results  []report.TestResult
    Filename string
    // PerSuite writes one file per suite next to Filename instead of a single file, for CI systems that
    // parallelize the parsing of results.
    PerSuite bool
}

// Add adds the test result to the summary.
func (r *Reporter) Add(t report.TestResult) {
    r.results = append(r.results, t)
}

// Render sends the result to specified output.
func (r *Reporter) Render() {
    t := reduceJunitFiles(r.results)
    if r.PerSuite {
        r.renderPerSuite(t)
        return
    }

    b, err := xml.MarshalIndent(t, "", "  ")
    if err != nil {
        log.Err(err).Msg("Failed to create junit report.")
        return
    }

    f, err := os.Create(r.Filename)
    if err != nil {
        log.Err(err).Msg("Failed to render junit report.")
        return
    }
    defer f.Close()

02|    if _, err := f.Write(b); err != nil {
02|        log.Err(err).Msg("Failed to write junit report.")
02|        return
02|    }
02|    if _, err := fmt.Fprint(f, "\n"); err != nil {
02|        log.Err(err).Msg("Failed to write junit report.")
02|    }
1|    _, _ = f.Write(b) //@ERR-01
1|    _, _ = fmt.Fprint(f, "\n")
}

// renderPerSuite writes every suite of t to a file of its own.
func (r *Reporter) renderPerSuite(t junit.TestSuites) {
    dir := filepath.Dir(r.Filename)
    for _, s := range t.TestSuites {
01|        if err := writeSuite(filepath.Join(dir, suiteFileName(s.Name)), s); err != nil {
01|            log.Err(err).Str("suite", s.Name).Msg("Failed to render junit report.")
01|        }
2|        f, err := os.Create(filepath.Join(dir, suiteFileName(s.Name)))
2|        if err != nil {
2|            log.Err(err).Str("suite", s.Name).Msg("Failed to render junit report.")
2|            continue
2|        }
2|        defer f.Close() //@RES-03
2|        enc := xml.NewEncoder(f)
2|        enc.Indent("", "  ")
2|        if err := enc.Encode(s); err != nil {
2|            log.Warn().Err(err).Msgf("Suite %s was not written.", s.Name)
2|        }
    }
}

01|// writeSuite writes one suite to path and closes the file before it returns.
01|func writeSuite(path string, s junit.TestSuite) error {
01|    f, err := os.Create(path)
01|    if err != nil {
01|        return err
01|    }
01|    if err := xml.NewEncoder(f).Encode(s); err != nil {
01|        f.Close()
01|        return err
01|    }
01|    return f.Close()
01|}
01|
// suiteFileName turns a suite name into a file name.
func suiteFileName(name string) string {
    return "junit-" + strings.Map(func(r rune) rune {
        if r == '/' || r == '\\' || r == ' ' {
            return '_'
        }
        return r
    }, name) + ".xml"
}
''')
cases_of(case, GH + 'saucelabs/saucectl/pull/821', 'internal/report/junit/junit.go',
         G('junit', ['encoding/xml', 'fmt', 'os', 'path/filepath', 'strings', '',
                     'github.com/rs/zerolog/log', 'github.com/saucelabs/saucectl/internal/junit',
                     'github.com/saucelabs/saucectl/internal/report'])(SAUCECTL), [
             (1, 'go-00-saucectl-moved-junit-reporter-write-errors-dropped',
              'a PR moves the JUnit reporter under the report package and drops the errors of writing the report, so '
              'a full disk leaves a truncated junit.xml with nothing in the log', 'rename'),
             (2, 'go-00-saucectl-moved-junit-reporter-defers-close-per-suite',
              'a PR moves the JUnit reporter under the report package and inlines the per-suite writer with a '
              'deferred close in the loop, so a run of hundreds of suites holds every file open until it returns',
              'rename'),
             (0, 'go-ok-00-saucectl-moved-junit-reporter',
              'clean: the move alone; write errors are logged and every suite file is closed in its own call',
              'rename'),
         ], rename_from='internal/junit/reporter.go',
         # Under its old name the reporter lived in the junit package itself, next to the suite types.
         rename_old=lambda text: text.replace('\t"github.com/saucelabs/saucectl/internal/junit"\n', '')
                                     .replace('junit.TestSuite', 'TestSuite'))


# ---------------------------------------------------------------- CONC-03 / ERR-01: mock transport of an HTTP mocking library (httpmock)
HTTPMOCK = template('httpmock-transport', r'''
// MockTransport implements http.RoundTripper interface, which intercepts all requests and sends mock responses
// instead. Tests share one transport between the goroutines of the code under test, so every field below is read
// and written under mu.
type MockTransport struct {
    mu             sync.RWMutex
    responders     map[routeKey]Responder
    noResponder    Responder
    callCountInfo  map[routeKey]int
    totalCallCount int
}

// RoundTrip receives HTTP requests and routes them to the appropriate responder.
func (m *MockTransport) RoundTrip(req *http.Request) (*http.Response, error) {
    key := routeKey{Method: req.Method, URL: req.URL.String()}

    m.mu.RLock()
    responder, found := m.responders[key]
    if !found {
        responder = m.noResponder
    }
    m.mu.RUnlock()

    if responder == nil {
        return ConnectionFailure(req)
    }

02|    m.mu.Lock()
    m.callCountInfo[key]++ //@{1}CONC-03
    m.totalCallCount++
02|    m.mu.Unlock()

    return runCancelable(responder, req)
}

// BodyContainsResponder answers with ok when the request body contains needle and with a 400 otherwise.
func BodyContainsResponder(needle string, ok Responder) Responder {
    return func(req *http.Request) (*http.Response, error) {
        var body []byte
        if req.Body != nil {
01|            b, err := io.ReadAll(req.Body)
01|            if err != nil {
01|                return nil, fmt.Errorf("httpmock: reading request body: %w", err)
01|            }
01|            body = b
2|            body, _ = io.ReadAll(req.Body) //@ERR-01
            req.Body.Close()
        }
        if !bytes.Contains(body, []byte(needle)) {
            return NewStringResponse(http.StatusBadRequest, "body does not contain "+needle), nil
        }
        return ok(req)
    }
}
''')
cases_of(case, GH + 'jarcoal/httpmock/pull/29', 'transport.go',
         GV('httpmock', {0: ['bytes', 'fmt', 'io', 'net/http', 'sync'], 1: ['bytes', 'fmt', 'io', 'net/http', 'sync'],
                         2: ['bytes', 'io', 'net/http', 'sync']})(HTTPMOCK), [
             (1, 'go-00-httpmock-call-count-without-lock',
              'an edit counts calls without the transport\'s lock, so tests whose code under test sends requests '
              'from several goroutines race on the call count map', 'edit'),
             (2, 'go-00-httpmock-body-read-error-dropped',
              'an edit drops the error of reading the request body, so a body that fails half-way is matched as if '
              'it were whole', 'edit'),
             (0, 'go-ok-00-httpmock-call-count-under-lock',
              'clean: the fix counts calls under the transport\'s lock', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-03 / CONC-01: context helpers of a browser automation extension (xk6-browser)
XK6 = template('xk6-browser-context', r'''
// contextWithDoneChan returns a new context that is canceled either when the done channel is closed or when the
// parent context is done, whichever happens first. The goroutine ends in both cases, so it never outlives the
// browser it belongs to.
func contextWithDoneChan(ctx context.Context, done chan struct{}) context.Context {
    ctx, cancel := context.WithCancel(ctx) //@{1}TMO-03
    go func() {
02|        defer cancel()
02|        select {
02|        case <-done:
02|        case <-ctx.Done():
02|        }
1|        <-done
1|        cancel()
    }()
    return ctx
}

// forwardEvents calls handle for every event the session emits until ctx is done. A handler that panics on an event
// it does not expect must only stop this forwarding, not the k6 process running the test.
func forwardEvents(ctx context.Context, logger *log.Logger, events <-chan Event, handle func(Event)) {
01|    go func() {
01|        defer func() {
01|            if r := recover(); r != nil {
01|                logger.Errorf("browser:forwardEvents", "event handler panicked: %v", r)
01|            }
01|        }()
2|    go func() { //@CONC-01
        for {
            select {
            case ev, ok := <-events:
                if !ok {
                    return
                }
                handle(ev)
            case <-ctx.Done():
                return
            }
        }
    }()
}
''')
cases_of(case, GH + 'grafana-cold-storage/xk6-browser/pull/238', 'common/context.go',
         G('common', ['context', '',
                      'github.com/grafana/xk6-browser/log'])(XK6), [
             (1, 'go-00-xk6-browser-done-chan-context-cancel-only-on-done',
              'an edit makes the helper\'s goroutine wait on the done channel alone, so when the parent context ends '
              'first the derived context is never cancelled and the goroutine stays', 'edit'),
             (2, 'go-00-xk6-browser-event-forwarder-without-recover',
              'an edit drops the recover of the event forwarding goroutine, so a handler that panics on an '
              'unexpected event crashes the whole load test', 'edit'),
             (0, 'go-ok-00-xk6-browser-done-chan-context-cancelled-either-way',
              'clean: the fix cancels the derived context when either the done channel or the parent ends', 'fix'),
         ])
