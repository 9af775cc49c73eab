"""Round-19 Go cases, written for this corpus from the checklist items (see SOURCES.md). Each template is written once
and gives three cases: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean
look-alike (round 15's common15.variant, through round 16's common16). A case is a new file, an edit that turns the
clean file into a defect, or the fix that turns the first defect into the clean file (round 16's common16.cases_of).
Names carry `00`: they are numbered in order at the end."""
from common16 import make_case, gomod, go, f, cases_of, variant, GO_GENERATED

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'


def G(pkg, imports, header=''):
    return lambda body: (lambda v: go(pkg, imports, variant(body, v), header))


# ---------------------------------------------------------------- RES-02 / TMO-01: storage REST client, non-200 path
UBIQUITY = r'''
// remoteClient talks to the ubiquity server's REST API on behalf of the flex volume driver.
type remoteClient struct {
    http    *http.Client
    baseURL string
}

func newRemoteClient(baseURL string, tlsCfg *tls.Config) *remoteClient {
    return &remoteClient{
01|        http: &http.Client{
01|            Timeout: 30 * time.Second,
01|            Transport: &http.Transport{
01|                TLSClientConfig:       tlsCfg,
01|                TLSHandshakeTimeout:   5 * time.Second,
01|                ResponseHeaderTimeout: 20 * time.Second,
01|            },
01|        },
2|        http:    &http.Client{Transport: &http.Transport{TLSClientConfig: tlsCfg}}, //@TMO-01
        baseURL: baseURL,
    }
}

// Activate asks the server to activate the named backends; any status but 200 is returned as an error.
func (c *remoteClient) Activate(ctx context.Context, backends []string) error {
    payload, err := json.Marshal(activateRequest{Backends: backends})
    if err != nil {
        return fmt.Errorf("encode activate request: %w", err)
    }
    req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.baseURL+"/ubiquity_storage/activate", bytes.NewReader(payload))
    if err != nil {
        return err
    }
    req.Header.Set("Content-Type", "application/json")
    resp, err := c.http.Do(req) //@{1}RES-02
    if err != nil {
02|        return fmt.Errorf("activate %v: %w", backends, err)
1|        return fmt.Errorf("activate backends %v: %w", backends, err)
    }
02|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return fmt.Errorf("activate %v: server answered %s", backends, resp.Status)
    }
    var out activateResponse
1|    err = json.NewDecoder(resp.Body).Decode(&out)
1|    resp.Body.Close()
1|    if err != nil {
02|    if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
        return fmt.Errorf("decode activate response: %w", err)
    }
    if out.Error != "" {
        return errors.New(out.Error)
    }
    return nil
}
'''
UBIQUITY_TEST = r'''package remote

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestActivateReportsServerStatus(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		http.Error(w, "backend unknown", http.StatusNotFound)
	}))
	defer srv.Close()
	c := newRemoteClient(srv.URL, nil)
	if err := c.Activate(context.Background(), []string{"scbe"}); err == nil {
		t.Fatal("Activate succeeded on a 404")
	}
}
'''
cases_of(case, GH + 'IBM/ubiquity/pull/157', 'remote/client.go',
         G('remote', ['bytes', 'context', 'crypto/tls', 'encoding/json', 'errors', 'fmt', 'net/http', 'time'])(UBIQUITY), [
             (1, 'go-00-ubiquity-activate-closes-body-only-after-decoding',
              'an edit closes the body by hand after decoding, so the non-200 return leaves it open', 'edit'),
             (2, 'go-00-ubiquity-client-transport-without-timeouts',
              'the REST client is built with a transport but no overall, handshake or header timeout', 'new',
              [f('remote/client_test.go', new=UBIQUITY_TEST)]),
             (0, 'go-ok-00-ubiquity-activate-defers-close-before-status',
              'clean: the close is deferred right after the error check; the client carries its timeouts', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-03 / ERR-01: http runner stop
AISTORE = r'''
type httprunner struct {
    name   string
    srv    *http.Server
    logger *slog.Logger
    cfg    *Config
}

func (r *httprunner) run() error {
    r.logger.Info("listening", "runner", r.name, "addr", r.srv.Addr)
    if err := r.srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
        return fmt.Errorf("%s: serve: %w", r.name, err)
    }
    return nil
}

// stop shuts the HTTP server down, giving in-flight requests cfg.HTTPTimeout to finish.
func (r *httprunner) stop(err error) {
    r.logger.Info("stopping", "runner", r.name, "reason", err)
02|    ctx, cancel := context.WithTimeout(context.Background(), r.cfg.HTTPTimeout)
02|    defer cancel()
1|    ctx, _ := context.WithTimeout(context.Background(), r.cfg.HTTPTimeout) //@TMO-03
01|    if err := r.srv.Shutdown(ctx); err != nil {
01|        r.logger.Error("http shutdown incomplete", "runner", r.name, "err", err)
01|    }
2|    _ = r.srv.Shutdown(ctx) //@ERR-01
}
'''
cases_of(case, GH + 'NVIDIA/aistore/pull/1', 'ais/httpcommon.go',
         G('ais', ['context', 'errors', 'fmt', 'log/slog', 'net/http'])(AISTORE), [
             (1, 'go-00-aistore-stop-discards-shutdown-cancel',
              'an edit drops the cancel function of the shutdown timeout into _', 'edit'),
             (2, 'go-00-aistore-stop-discards-shutdown-error',
              'an edit discards the error of Shutdown with _ =, so an incomplete drain is never seen', 'edit'),
             (0, 'go-ok-00-aistore-stop-cancels-and-logs',
              'clean: the shutdown context is cancelled by a defer and a failed shutdown is logged', 'new'),
         ])


# ---------------------------------------------------------------- TMO-03 / TMO-02: ops connector with deadlines
DOT = r'''
// Connector syncs local operations with the ops server.
type Connector struct {
    Transport   Transport
    PollTimeout time.Duration
    Limit       int
}

// Poll asks the server for operations after version; it waits at most c.PollTimeout.
func (c *Connector) Poll(ctx context.Context, version int) ([]Op, error) {
1|    ctx, cancel := context.WithDeadline(ctx, time.Now().Add(c.PollTimeout)) //@TMO-03
02|    ctx, cancel := context.WithDeadline(ctx, time.Now().Add(c.PollTimeout))
02|    defer cancel()
    ops, err := c.Transport.GetSince(ctx, version, c.Limit)
    if err != nil {
        return nil, fmt.Errorf("poll after %d: %w", version, err)
    }
1|    cancel()
    return ops, nil
}

// Append sends ops upstream; the caller's ctx bounds the call.
func (c *Connector) Append(ctx context.Context, ops []Op) error {
    if len(ops) == 0 {
        return nil
    }
01|    if err := c.Transport.Append(ctx, ops); err != nil {
2|    if err := c.Transport.Append(context.Background(), ops); err != nil { //@TMO-02
        return fmt.Errorf("append %d ops: %w", len(ops), err)
    }
    return nil
}
'''
cases_of(case, GH + 'dotchain/dot/pull/77', 'ops/nw/connector.go',
         G('nw', ['context', 'fmt', 'time'])(DOT), [
             (1, 'go-00-dot-poll-cancels-deadline-only-on-success',
              'an edit calls the deadline\'s cancel by hand after success, so the error return leaks it', 'edit'),
             (2, 'go-00-dot-append-on-background-context',
              'Append sends upstream on context.Background() and drops the caller\'s deadline', 'new'),
             (0, 'go-ok-00-dot-poll-defers-cancel',
              'clean: cancel deferred on the next line; Append passes the caller\'s ctx', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / TMO-03: registry tag listing
DECKHOUSE = r'''
// ListTags returns the tags of the repository; with a timeout configured it bounds the whole listing.
func (c *client) ListTags(ctx context.Context) ([]string, error) {
    if c.options.timeout > 0 {
01|        var cancel context.CancelFunc
01|        ctx, cancel = context.WithTimeout(ctx, c.options.timeout)
01|        defer cancel()
2|        ctx, _ = context.WithTimeout(ctx, c.options.timeout) //@TMO-03
    }
    repo, err := name.NewRepository(c.registryURL, c.nameOpts()...)
    if err != nil {
        return nil, fmt.Errorf("parse repository %q: %w", c.registryURL, err)
    }
02|    tags, err := remote.List(repo, append(c.remoteOpts(), remote.WithContext(ctx))...)
1|    tags, err := remote.List(repo, c.remoteOpts()...) //@TMO-02
    if err != nil {
        return nil, fmt.Errorf("list tags of %s: %w", repo, err)
    }
    return tags, nil
}

// Digest resolves tag to the digest of its manifest.
func (c *client) Digest(ctx context.Context, tag string) (string, error) {
    ref, err := name.ParseReference(c.registryURL+":"+tag, c.nameOpts()...)
    if err != nil {
        return "", err
    }
    desc, err := remote.Head(ref, append(c.remoteOpts(), remote.WithContext(ctx))...)
    if err != nil {
        return "", fmt.Errorf("head %s: %w", ref, err)
    }
    return desc.Digest.String(), nil
}
'''
cases_of(case, GH + 'deckhouse/deckhouse/pull/12839', 'go_lib/dependency/cr/cr.go',
         G('cr', ['context', 'fmt', 'github.com/google/go-containerregistry/pkg/name',
                  'github.com/google/go-containerregistry/pkg/v1/remote'])(DECKHOUSE), [
             (1, 'go-00-deckhouse-list-tags-drops-timeout-context',
              'an edit lists tags without remote.WithContext, so neither the timeout nor the caller\'s ctx applies',
              'edit'),
             (2, 'go-00-deckhouse-list-tags-discards-cancel',
              'an edit assigns the cancel function of the listing timeout to _', 'edit',
              [f('go.mod', new=gomod('github.com/deckhouse/deckhouse/go_lib/dependency',
                                     ['github.com/google/go-containerregistry v0.20.2']))]),
             (0, 'go-ok-00-deckhouse-list-tags-bounded-and-cancelled',
              'clean: the timeout is cancelled by a defer and its context reaches the registry call', 'new'),
         ])


# ---------------------------------------------------------------- RES-04 / ERR-01: redis token bucket
QUOTA = r'''
// redisBucket is a token bucket kept in redis so that every quota service instance sees the same tokens.
type redisBucket struct {
01|    client *redis.Client // shared by every bucket of the factory; closed by factory.Close
2|    client *redis.Client // shared by every bucket of the factory; closed by factory.Close
    opts   *redis.Options
    key    string
    ttl    time.Duration
}

// Take takes requested tokens and returns how long the caller must wait for them, or an error when that is longer
// than maxWait.
func (b *redisBucket) Take(ctx context.Context, requested int64, maxWait time.Duration) (time.Duration, error) {
02|    res, err := takeScript.Run(ctx, b.client, []string{b.key}, requested, maxWait.Nanoseconds()).Int64Slice()
1|    client := redis.NewClient(b.opts) //@RES-04
1|    res, err := takeScript.Run(ctx, client, []string{b.key}, requested, maxWait.Nanoseconds()).Int64Slice()
    if err != nil {
        return 0, fmt.Errorf("take %d from %s: %w", requested, b.key, err)
    }
    if res[0] == 0 {
        return 0, ErrWaitTooLong
    }
    return time.Duration(res[1]), nil
}

// Refresh extends the TTL of the bucket's keys; a failure means the bucket may reset early, which callers report.
func (b *redisBucket) Refresh(ctx context.Context) error {
    pipe := b.client.TxPipeline()
    pipe.Expire(ctx, b.key+":tokens", b.ttl)
    pipe.Expire(ctx, b.key+":ts", b.ttl)
01|    if _, err := pipe.Exec(ctx); err != nil {
01|        return fmt.Errorf("refresh ttl of %s: %w", b.key, err)
01|    }
2|    _, _ = pipe.Exec(ctx) //@ERR-01
    return nil
}
'''
cases_of(case, GH + 'square/quotaservice/pull/32', 'buckets/redis/bucket.go',
         G('redis', ['context', 'fmt', 'time', 'github.com/redis/go-redis/v9'])(QUOTA), [
             (1, 'go-00-quotaservice-take-opens-redis-client-per-call',
              'an edit builds a new redis client (a connection pool) on every Take and never closes it', 'edit'),
             (2, 'go-00-quotaservice-refresh-discards-pipeline-error',
              'an edit discards the error of the TTL pipeline with _, _ =', 'edit'),
             (0, 'go-ok-00-quotaservice-shared-client-checked-pipeline',
              'clean: the shared client of the factory and a checked pipeline', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / CONC-01: NATS stream call and keep-alive
NRPC = r'''
var keepAlivePanics = expvar.NewInt("nrpc_keepalive_panics")

// StreamCall publishes req and feeds every reply to onReply until the server ends the stream or ctx is done.
func StreamCall(ctx context.Context, nc *nats.Conn, subject string, req []byte, onReply func([]byte) error) error {
    inbox := nats.NewInbox()
    sub, err := nc.SubscribeSync(inbox) //@{1}RES-01
    if err != nil {
02|        return fmt.Errorf("subscribe %s: %w", inbox, err)
1|        return fmt.Errorf("subscribe to reply inbox %s: %w", inbox, err)
    }
02|    defer sub.Unsubscribe() //nolint:errcheck // best effort: the inbox is never reused
    if err := nc.PublishRequest(subject, inbox, req); err != nil {
        return fmt.Errorf("publish %s: %w", subject, err)
    }
    for {
        msg, err := sub.NextMsgWithContext(ctx)
        if err != nil {
            return err
        }
        if len(msg.Data) == 0 {
1|            return sub.Unsubscribe() // end of stream
02|            return nil // end of stream
        }
        if err := onReply(msg.Data); err != nil {
            return err
        }
    }
}

// KeepAlive pings subject every interval until ctx is done.
func KeepAlive(ctx context.Context, nc *nats.Conn, subject string, interval time.Duration, log *slog.Logger) {
01|    go func() {
01|        defer func() {
01|            if p := recover(); p != nil {
01|                keepAlivePanics.Add(1)
01|                log.Error("keepalive panicked", "subject", subject, "panic", p, "stack", string(debug.Stack()))
01|            }
01|        }()
01|        keepAlive(ctx, nc, subject, interval, log)
01|    }()
2|    go keepAlive(ctx, nc, subject, interval, log) //@CONC-01
}

func keepAlive(ctx context.Context, nc *nats.Conn, subject string, interval time.Duration, log *slog.Logger) {
    t := time.NewTicker(interval)
    defer t.Stop()
    for {
        select {
        case <-ctx.Done():
            return
        case <-t.C:
            func() { // one ping: a panic is logged and counted, and the next tick pings again
                defer func() {
                    if p := recover(); p != nil {
                        keepAlivePanics.Add(1)
                        log.Error("keepalive ping panicked", "subject", subject, "panic", p)
                    }
                }()
                if err := nc.Publish(subject, nil); err != nil {
                    log.Warn("keepalive not sent", "subject", subject, "err", err)
                }
            }()
        }
    }
}
'''
cases_of(case, GH + 'nats-rpc/nrpc/pull/63', 'nrpc.go',
         G('nrpc', ['context', 'expvar', 'fmt', 'log/slog', 'runtime/debug', 'time',
                    'github.com/nats-io/nats.go'])(NRPC), [
             (1, 'go-00-nrpc-stream-call-unsubscribes-only-at-end-of-stream',
              'an edit unsubscribes only when the stream ends, so error and cancel returns leave the subscription',
              'edit'),
             (2, 'go-00-nrpc-keepalive-bare-goroutine',
              'the keep-alive loop is started with a bare go statement', 'new'),
             (0, 'go-ok-00-nrpc-stream-call-deferred-unsubscribe',
              'clean: a best-effort deferred unsubscribe with its reason; the keep-alive goroutine recovers and counts',
              'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / ERR-01: NATS streaming subscriber
BPS = r'''
// Subscribe consumes topic with handler until ctx is cancelled, the subscriber closes or the handler fails.
func (s *Subscriber) Subscribe(ctx context.Context, topic string, handler bps.Handler) error {
    var (
        mu    sync.Mutex
        cause error
    )
    ctx, cancel := context.WithCancel(ctx)
    defer cancel()
    sub, err := s.stan.Subscribe(topic, func(msg *stan.Msg) {
        if err := handler.Handle(ctx, msg.Data); err != nil {
            mu.Lock()
            if cause == nil {
                cause = err
            }
            mu.Unlock()
            cancel()
            return
        }
01|        if err := msg.Ack(); err != nil {
01|            s.ackFailures.Inc()
01|            s.log.Warn("ack failed; the message will be redelivered", "topic", topic, "err", err)
01|        }
2|        _ = msg.Ack() //@ERR-01
    }, stan.SetManualAckMode(), stan.DurableName(s.durable))
    if err != nil {
        return fmt.Errorf("subscribe %s: %w", topic, err)
    }
    defer sub.Close()
02|    select {
02|    case <-ctx.Done():
02|    case <-s.closing:
02|    }
1|    for !s.closed.Load() {
1|        time.Sleep(250 * time.Millisecond) //@CONC-05
1|    }
    mu.Lock()
    defer mu.Unlock()
    return cause
}
'''
cases_of(case, GH + 'bsm/bps/pull/9', 'nats/subscriber.go',
         G('nats', ['context', 'fmt', 'sync', 'time', 'github.com/bsm/bps', 'github.com/nats-io/stan.go'])(BPS), [
             (1, 'go-00-bps-subscribe-sleeps-until-closed',
              'an edit waits for the end of the subscription in a sleep loop that never looks at ctx', 'edit'),
             (2, 'go-00-bps-subscribe-discards-ack-error',
              'the handler discards the error of Ack with _ =', 'new'),
             (0, 'go-ok-00-bps-subscribe-selects-on-done',
              'clean: waits on ctx.Done or the close channel; a failed ack is counted and logged', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / CONC-07: naming client watchers
NACOS = r'''
// Subscribe starts watching service and calls onChange with every new instance list until ctx is done.
func (c *NamingClient) Subscribe(ctx context.Context, service string, onChange func([]Instance)) {
01|    c.spawn("watch-"+service, func() { c.watch(ctx, service, onChange) })
2|    go c.watch(ctx, service, onChange) //@CONC-01
}

// spawn runs fn on its own goroutine; a panic is logged with its stack and counted instead of ending the process.
func (c *NamingClient) spawn(name string, fn func()) {
    go func() {
        defer c.recoverAs(name)
        fn()
    }()
}

func (c *NamingClient) recoverAs(name string) {
    if p := recover(); p != nil {
        c.panics.WithLabelValues(name).Inc()
        c.log.Error("naming goroutine panicked", "name", name, "panic", p, "stack", string(debug.Stack()))
    }
}

func (c *NamingClient) watch(ctx context.Context, service string, onChange func([]Instance)) {
    t := time.NewTicker(c.pollInterval)
    defer t.Stop()
    for {
        select {
        case <-ctx.Done():
            return
        case <-t.C:
        }
02|        func() { // one refresh: a panic or an error is logged, and the next tick runs anyway
02|            defer c.recoverAs("refresh-" + service)
02|            instances, err := c.fetch(ctx, service)
02|            if err != nil {
02|                c.log.Warn("refresh instances failed; keeping the last list", "service", service, "err", err)
02|                return
02|            }
02|            onChange(instances)
02|        }()
1|        instances, err := c.fetch(ctx, service)
1|        if err != nil {
1|            c.log.Error("refresh instances failed", "service", service, "err", err)
1|            return //@CONC-07
1|        }
1|        onChange(instances)
    }
}
'''
cases_of(case, GH + 'nacos-group/nacos-sdk-go/pull/523', 'clients/naming_client/subscribe.go',
         G('naming_client', ['context', 'runtime/debug', 'time'])(NACOS), [
             (1, 'go-00-nacos-watch-loop-returns-on-first-error',
              'an edit drops the per-run guard: the first failed refresh ends the watch loop for good', 'edit'),
             (2, 'go-00-nacos-subscribe-bare-goroutine',
              'an edit starts the watcher with a bare go statement instead of the recovering spawn helper', 'edit'),
             (0, 'go-ok-00-nacos-watchers-guarded',
              'clean: watchers start through spawn and every refresh recovers and logs on its own', 'new'),
         ])


# ---------------------------------------------------------------- CONC-06 / CONC-03: event broker fan-out
EVENTLOGGER = r'''
// Send delivers e to every sink concurrently and returns the first error of a sink that failed.
func (b *Broker) Send(ctx context.Context, e *Event) error {
    b.mu.RLock()
    sinks := slices.Clone(b.sinks)
    b.mu.RUnlock()

    g, ctx := errgroup.WithContext(ctx)
    g.SetLimit(b.maxParallel)
    for _, s := range sinks {
        g.Go(func() error {
            if err := s.Process(ctx, e); err != nil {
01|                b.statsMu.Lock()
01|                b.failures[s.Name()]++
01|                b.statsMu.Unlock()
2|                b.failures[s.Name()]++ //@CONC-03
                return fmt.Errorf("sink %s: %w", s.Name(), err)
            }
            return nil
        })
    }
02|    return g.Wait()
1|    _ = g.Wait() //@CONC-06|ERR-01
1|    return nil
}

// Failures returns a copy of the failure count of every sink.
func (b *Broker) Failures() map[string]int {
    b.statsMu.Lock()
    defer b.statsMu.Unlock()
    return maps.Clone(b.failures)
}
'''
cases_of(case, GH + 'hashicorp/go-eventlogger/pull/7', 'broker.go',
         G('eventlogger', ['context', 'fmt', 'maps', 'slices', 'golang.org/x/sync/errgroup'])(EVENTLOGGER), [
             (1, 'go-00-eventlogger-send-discards-wait-error',
              'an edit discards the error of the errgroup\'s Wait and reports success', 'edit'),
             (2, 'go-00-eventlogger-failure-count-without-lock',
              'an edit counts sink failures in a shared map from the errgroup goroutines without the lock', 'edit'),
             (0, 'go-ok-00-eventlogger-send-returns-wait-locked-counts',
              'clean: Wait\'s error is returned and the failure map is written under its mutex', 'new'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-01: banner grabbing
PDUTILS = r'''
// Banner dials addr and reads up to n bytes of the service banner; ctx bounds the dial and the read.
func Banner(ctx context.Context, addr string, n int) ([]byte, error) {
02|    d := net.Dialer{Timeout: 5 * time.Second, KeepAlive: -1}
02|    conn, err := d.DialContext(ctx, "tcp", addr) //@{2}RES-01
1|    conn, err := net.Dial("tcp", addr) //@TMO-01|TMO-02
    if err != nil {
01|        return nil, fmt.Errorf("dial %s: %w", addr, err)
2|        return nil, fmt.Errorf("dial %s for banner: %w", addr, err)
    }
01|    defer conn.Close()
    if deadline, ok := ctx.Deadline(); ok {
        if err := conn.SetReadDeadline(deadline); err != nil {
            return nil, fmt.Errorf("set read deadline: %w", err)
        }
    }
    buf := make([]byte, n)
    m, err := io.ReadAtLeast(conn, buf, 1)
2|    conn.Close()
    if err != nil {
        return nil, fmt.Errorf("read banner of %s: %w", addr, err)
    }
    return buf[:m], nil
}
'''
cases_of(case, GH + 'projectdiscovery/utils/pull/761', 'reader/banner.go',
         G('reader', ['context', 'fmt', 'io', 'net', 'time'])(PDUTILS), [
             (1, 'go-00-pdutils-banner-dials-without-timeout',
              'the banner grabber dials with net.Dial: no timeout, and the caller\'s ctx is not used', 'new'),
             (2, 'go-00-pdutils-banner-closes-conn-only-after-read',
              'an edit closes the connection by hand after the read, so the deadline error return leaks it', 'edit'),
             (0, 'go-ok-00-pdutils-banner-bounded-dial-deferred-close',
              'clean: a dialer with a timeout and ctx, and a deferred close', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-03 / RES-01: indexer subscription handler
FULMINE = r'''
// start opens a subscription for the handler's scripts and consumes it until stop is called.
func (h *subscriptionHandler) start(ctx context.Context) error {
    scripts, err := h.scripts(ctx)
    if err != nil {
        return err
    }
    if len(scripts) == 0 {
        h.log.Debug("no scripts to watch; subscription not started")
        return nil
    }
    // The subscription outlives the call that starts it: stop cancels it.
    subCtx, cancel := context.WithCancel(context.Background()) //@{1}TMO-03
02|    id, events, closeFn, err := h.indexer.NewSubscription(subCtx, scripts) //@{2}RES-01
02|    if err != nil {
02|        cancel()
02|        return fmt.Errorf("new subscription: %w", err)
02|    }
1|    h.cancelRetry = cancel
1|    id, events, closeFn, err := h.indexer.NewSubscription(subCtx, scripts)
1|    if err != nil {
1|        return fmt.Errorf("new subscription: %w", err)
1|    }
    if err := h.store.SaveSubscriptionID(ctx, id); err != nil {
01|        closeFn()
        cancel()
        return fmt.Errorf("save subscription %s: %w", id, err)
    }
02|    h.cancelRetry = cancel
    h.closeFn = closeFn
    h.id = id
    safego.Go(h.log, "subscription-"+id, func() { h.consume(subCtx, events) })
    return nil
}
'''
SAFEGO = r'''
var panics = promauto.NewCounterVec(prometheus.CounterOpts{
    Name: "fulmine_goroutine_panics_total",
    Help: "Panics recovered in background goroutines, by goroutine name.",
}, []string{"name"})

// Go runs fn on a new goroutine; a panic is logged with its stack and counted, and does not end the process.
func Go(log *slog.Logger, name string, fn func()) {
    go func() {
        defer func() {
            if p := recover(); p != nil {
                panics.WithLabelValues(name).Inc()
                log.Error("goroutine panicked", "name", name, "panic", p, "stack", string(debug.Stack()))
            }
        }()
        fn()
    }()
}
'''
cases_of(case, GH + 'ArkLabsHQ/fulmine/pull/401', 'internal/core/application/subscription.go',
         G('application', ['context', 'fmt', 'github.com/ArkLabsHQ/fulmine/pkg/safego'])(FULMINE), [
             (1, 'go-00-fulmine-start-keeps-cancel-before-subscribing',
              'an edit stores the cancel function before subscribing, so a failed subscription never cancels it',
              'edit'),
             (2, 'go-00-fulmine-start-leaves-subscription-open-on-save-error',
              'the handler returns on a failed save without calling the subscription\'s close function', 'new',
              [f('pkg/safego/safego.go', new=go('safego', ['log/slog', 'runtime/debug', 'github.com/prometheus/client_golang/prometheus/promauto',
                                                          'github.com/prometheus/client_golang/prometheus'], SAFEGO))]),
             (0, 'go-ok-00-fulmine-start-releases-on-every-error',
              'clean: every error return cancels the context and closes the subscription', 'fix'),
         ])


# ---------------------------------------------------------------- RES-03 / LOG-01: websocket event pump
COMET = r'''
// pump forwards the events of sub to the websocket client until the subscription ends or the client goes away.
func (env *Environment) pump(sub *Subscription, client WSClient, query string) {
    for {
        select {
        case <-sub.Canceled():
            env.Logger.Info("subscription ended", "query", query, "reason", sub.Err())
            return
        case msg, ok := <-sub.Out():
            if !ok {
                return
            }
            ev := resultEvent(query, msg)
2|            env.Logger.Info("forwarding event", "query", query, "event", ev) //@LOG-01
02|            writeCtx, cancel := context.WithTimeout(context.Background(), env.Config.WriteTimeout)
02|            err := client.WriteRPCResponse(writeCtx, ev)
02|            cancel()
1|            writeCtx, cancel := context.WithTimeout(context.Background(), env.Config.WriteTimeout)
1|            defer cancel() //@RES-03|TMO-03
1|            err := client.WriteRPCResponse(writeCtx, ev)
            if err != nil {
                env.Logger.Info("client gone; dropping subscription", "query", query, "err", err)
                env.unsubscribe(client.ID(), query)
                return
            }
        }
    }
}
'''
cases_of(case, GH + 'cometbft/cometbft/pull/5808', 'rpc/core/events.go',
         G('core', ['context'])(COMET), [
             (1, 'go-00-cometbft-pump-defers-write-cancel-in-loop',
              'an edit defers the cancel of each write timeout inside the event loop: every timer lives until the '
              'client leaves', 'edit'),
             (2, 'go-00-cometbft-pump-logs-every-event',
              'an edit logs every forwarded event, whole, at info level', 'edit'),
             (0, 'go-ok-00-cometbft-pump-cancels-each-write',
              'clean: each write timeout is cancelled right after its write; only the end of a subscription is '
              'logged', 'new'),
         ])


# ---------------------------------------------------------------- CONC-03: push registrations (CRLF, test beside)
XAPS = r'''
// Registrations remembers which devices asked for push notifications for a user's mailboxes. The IMAP listener
// adds to it and the notifier reads it, on different goroutines.
type Registrations struct {
    mu     sync.RWMutex
    byUser map[string][]Registration
}

func NewRegistrations() *Registrations {
    return &Registrations{byUser: make(map[string][]Registration)}
}

// Add records reg, replacing an earlier registration of the same device.
func (r *Registrations) Add(reg Registration) {
02|    r.mu.Lock()
02|    defer r.mu.Unlock()
    regs := r.byUser[reg.User]
    r.byUser[reg.User] = append(slices.DeleteFunc(slices.Clone(regs), func(old Registration) bool { //@{1}CONC-03
        return old.DeviceToken == reg.DeviceToken
    }), reg)
}

// ForUser returns a copy of the registrations of user.
func (r *Registrations) ForUser(user string) []Registration {
    r.mu.RLock()
    defer r.mu.RUnlock()
    return slices.Clone(r.byUser[user])
}

// Prune drops registrations older than maxAge and returns how many it dropped.
func (r *Registrations) Prune(now time.Time, maxAge time.Duration) int {
01|    r.mu.Lock()
01|    defer r.mu.Unlock()
2|    r.mu.RLock()
2|    defer r.mu.RUnlock()
    dropped := 0
    for user, regs := range r.byUser {
        kept := slices.DeleteFunc(regs, func(reg Registration) bool { return now.Sub(reg.Registered) > maxAge })
        dropped += len(regs) - len(kept)
        if len(kept) == 0 {
01|            delete(r.byUser, user)
2|            delete(r.byUser, user) // nobody left to notify //@CONC-03
            continue
        }
        r.byUser[user] = kept
    }
    return dropped
}
'''
XAPS_TEST = r'''package internal

import (
	"fmt"
	"sync"
	"testing"
	"time"
)

func TestRegistrationsSurviveConcurrentUse(t *testing.T) {
	r := NewRegistrations()
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			for j := 0; j < 100; j++ {
				r.Add(Registration{User: "u", DeviceToken: fmt.Sprint(i, j), Registered: time.Now()})
				_ = r.ForUser("u")
				r.Prune(time.Now(), time.Hour)
			}
		}(i)
	}
	wg.Wait()
	if got := len(r.ForUser("u")); got != 800 {
		t.Fatalf("kept %d registrations, want 800", got)
	}
}
'''
cases_of(case, GH + 'freswa/dovecot-xaps-daemon/pull/27', 'internal/registrations.go',
         G('internal', ['slices', 'sync', 'time'])(XAPS), [
             (1, 'go-00-xaps-add-writes-registrations-without-lock',
              'an edit drops the lock from Add: the listener writes the map while the notifier reads it', 'edit'),
             (2, 'go-00-xaps-prune-deletes-under-read-lock',
              'an edit makes Prune take the read lock although it deletes and rewrites map entries', 'edit'),
             (0, 'go-ok-00-xaps-registrations-locked-with-race-test',
              'clean: every write under the write lock, reads under the read lock, with a concurrency test', 'new',
              [f('internal/registrations_test.go', new=XAPS_TEST)]),
         ], crlf=True)


# ---------------------------------------------------------------- RES-03 / ERR-01: genesis export (renamed file)
FXCORE = r'''
// exportModules writes one JSON file per module state into dir.
func exportModules(dir string, states map[string]json.RawMessage) error {
    for _, name := range slices.Sorted(maps.Keys(states)) {
01|        if err := writeState(filepath.Join(dir, name+".json"), states[name]); err != nil {
01|            return fmt.Errorf("export %s: %w", name, err)
01|        }
2|        f, err := os.Create(filepath.Join(dir, name+".json"))
2|        if err != nil {
2|            return fmt.Errorf("export %s: %w", name, err)
2|        }
2|        defer f.Close() //@RES-03
2|        if _, err := f.Write(states[name]); err != nil {
2|            return fmt.Errorf("export %s: %w", name, err)
2|        }
    }
    return nil
}

func writeState(path string, state json.RawMessage) error {
    f, err := os.Create(path)
    if err != nil {
        return err
    }
    if _, err := f.Write(state); err != nil {
        f.Close() // the write error is the one worth returning
        return err
    }
02|    return f.Close() // a failed close can mean the state never reached the disk
1|    f.Close() //@ERR-01
1|    return nil
}
'''
cases_of(case, GH + 'PundiAI/fx-core/pull/739', 'app/export/genesis.go',
         G('export', ['encoding/json', 'fmt', 'maps', 'os', 'path/filepath', 'slices'])(FXCORE), [
             (1, 'go-00-fxcore-write-state-ignores-close-error',
              'moved with its package, writeState now drops the error of closing the file it wrote', 'rename'),
             (2, 'go-00-fxcore-export-defers-close-in-loop',
              'an edit inlines the per-module write into the loop with a deferred close per file', 'edit'),
             (0, 'go-ok-00-fxcore-export-helper-per-file',
              'clean: one helper call per module whose close error is returned', 'new'),
         ], rename_from='app/genesis_export.go')


# ---------------------------------------------------------------- CONC-02 / CONC-06: SSM parameters
SSM = r'''
// FetchAll reads every named parameter from SSM, at most s.maxInFlight requests at a time.
func (s *Store) FetchAll(ctx context.Context, names []string) (map[string]string, error) {
    var (
        mu  sync.Mutex
        out = make(map[string]string, len(names))
    )
    g, ctx := errgroup.WithContext(ctx)
02|    g.SetLimit(s.maxInFlight)
    for _, name := range names {
        g.Go(func() error { //@{1}CONC-02
            p, err := s.client.GetParameter(ctx, &ssm.GetParameterInput{
                Name:           aws.String(name),
                WithDecryption: aws.Bool(true),
            })
            if err != nil {
                return fmt.Errorf("get parameter %s: %w", name, err)
            }
            mu.Lock()
            out[name] = aws.ToString(p.Parameter.Value)
            mu.Unlock()
            return nil
        })
    }
01|    if err := g.Wait(); err != nil {
01|        return nil, err
01|    }
2|    g.Wait() //@CONC-06|ERR-01
    return out, nil
}
'''
cases_of(case, GH + 'adhocteam/ssm/pull/21', 'store.go',
         G('ssm', ['context', 'fmt', 'sync', 'github.com/aws/aws-sdk-go-v2/aws',
                   'github.com/aws/aws-sdk-go-v2/service/ssm', 'golang.org/x/sync/errgroup'])(SSM), [
             (1, 'go-00-ssm-fetch-all-without-limit',
              'an edit removes the errgroup limit: one goroutine and one request per parameter name', 'edit'),
             (2, 'go-00-ssm-fetch-all-ignores-wait-error',
              'the parameters are returned without looking at the errgroup\'s error', 'new'),
             (0, 'go-ok-00-ssm-fetch-all-limited-and-checked',
              'clean: SetLimit bounds the requests and Wait\'s error is returned', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / LOG-01: peer message reader
NKN = r'''
// rx reads messages from the peer and hands each one to the node's handler workers.
func (n *node) rx(ctx context.Context) error {
    for {
        msg, err := n.conn.ReadMessage(ctx)
        if err != nil {
            return fmt.Errorf("read from %s: %w", n.addr, err)
        }
2|        log.Printf("rx %s from %s: %+v", msg.Type, n.addr, msg) //@LOG-01
02|        select {
02|        case n.inbox <- msg: // a bounded channel drained by the fixed pool of workers started in newNode
02|        case <-ctx.Done():
02|            return ctx.Err()
02|        }
1|        go n.handle(ctx, msg) //@CONC-02|CONC-01
    }
}
'''
cases_of(case, GH + 'nknorg/nkn/pull/259', 'net/node/rx.go',
         G('node', ['context', 'fmt', 'log'])(NKN), [
             (1, 'go-00-nkn-rx-goroutine-per-message',
              'an edit handles every received message on a goroutine of its own', 'edit'),
             (2, 'go-00-nkn-rx-logs-every-message',
              'an edit prints every received message, whole, with the standard logger', 'edit'),
             (0, 'go-ok-00-nkn-rx-feeds-bounded-inbox',
              'clean: messages go to a bounded channel read by a fixed pool of workers', 'new'),
         ])


# ---------------------------------------------------------------- LOG-02 / LOG-01: zap in a log pipeline stage
ALLOY = r'''
// Process forwards the batch's entries to the next receiver, dropping entries older than the configured age.
func (p *processor) Process(ctx context.Context, batch []Entry) error {
    kept := batch[:0]
    dropped := 0
    for _, e := range batch {
        if p.now().Sub(e.Timestamp) > p.maxAge {
            dropped++
01|            if ce := p.logger.Check(zap.DebugLevel, "dropping old entry"); ce != nil {
01|                ce.Write(zap.Stringer("labels", e.Labels), zap.Time("ts", e.Timestamp))
01|            }
2|            p.logger.Debug(fmt.Sprintf("dropping old entry %s at %s", e.Labels.String(), e.Timestamp)) //@LOG-02|LOG-01
            continue
        }
1|        p.logger.Info("forwarding entry", zap.Stringer("labels", e.Labels), zap.String("line", e.Line)) //@LOG-01
        kept = append(kept, e)
    }
    if dropped > 0 {
        p.droppedTotal.Add(float64(dropped))
        p.logger.Info("dropped old entries", zap.Int("dropped", dropped), zap.Int("batch", len(batch)))
    }
    return p.next.Process(ctx, kept)
}
'''
cases_of(case, GH + 'grafana/alloy/pull/5686', 'internal/component/loki/process/maxage.go',
         G('process', ['context', 'fmt', 'go.uber.org/zap'])(ALLOY), [
             (1, 'go-00-alloy-process-logs-every-forwarded-entry',
              'an edit logs every forwarded entry with its whole line at info level', 'edit'),
             (2, 'go-00-alloy-process-debug-sprintf-per-dropped-entry',
              'an edit formats a debug line with fmt.Sprintf for every dropped entry, even with debug off', 'edit'),
             (0, 'go-ok-00-alloy-process-checked-debug-and-summary',
              'clean: per-entry detail behind logger.Check at debug, one summary line per batch', 'new'),
         ])


# ---------------------------------------------------------------- RES-01: secret scanner file reader
EARLYBIRD = r'''
// scanFile reads path line by line and reports every line that matches one of the rules.
func scanFile(path string, rules []Rule) ([]Hit, error) {
2|    f, err := os.Open(path) //@RES-01
2|    defer f.Close()
    if err != nil {
        return nil, fmt.Errorf("open %s: %w", path, err)
    }
0|    defer f.Close()
1|    f, err := os.Open(path) //@RES-01
    info, err := f.Stat()
    if err != nil {
        return nil, fmt.Errorf("stat %s: %w", path, err)
    }
    if info.Size() > maxScanBytes {
        return nil, nil // too large to scan; the caller counts skipped files
    }
    var hits []Hit
    sc := bufio.NewScanner(f)
    for n := 1; sc.Scan(); n++ {
        for _, r := range rules {
            if r.Pattern.Match(sc.Bytes()) {
                hits = append(hits, Hit{Path: path, Line: n, Rule: r.ID})
            }
        }
    }
    if err := sc.Err(); err != nil {
        return nil, fmt.Errorf("read %s: %w", path, err)
    }
1|    f.Close()
    return hits, nil
}
'''
EARLYBIRD = EARLYBIRD.replace(
    "0|    defer f.Close()\n1|    f, err := os.Open(path) //@RES-01\n", "0|    defer f.Close()\n")
EARLYBIRD = EARLYBIRD.replace(
    "2|    f, err := os.Open(path) //@RES-01\n2|    defer f.Close()\n",
    "2|    f, err := os.Open(path) //@RES-01\n2|    defer f.Close()\n01|    f, err := os.Open(path) //@{1}RES-01\n")
cases_of(case, GH + 'americanexpress/earlybird/pull/152', 'pkg/scan/file.go',
         G('scan', ['bufio', 'fmt', 'os'])(EARLYBIRD), [
             (1, 'go-00-earlybird-scan-file-closes-only-at-the-end',
              'the scanner closes the file by hand at the end, so the stat, size and read returns leave it open',
              'new'),
             (2, 'go-00-earlybird-scan-file-defers-close-before-error-check',
              'an edit moves the deferred close above the error check of os.Open', 'edit'),
             (0, 'go-ok-00-earlybird-scan-file-deferred-close',
              'clean: close deferred right after the error check', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / TX-02: sqlx message writer
MAGISTRALA = r'''
// Save inserts the messages in one transaction: either all of them are stored or none.
func (pr postgresRepo) Save(ctx context.Context, msgs ...Message) (err error) {
    tx, err := pr.db.BeginTxx(ctx, nil) //@{1}TX-01
    if err != nil {
02|        return errors.Wrap(errSaveMessage, err)
1|        return errors.Wrap(errBeginTx, err)
    }
02|    defer func() {
02|        if err == nil {
02|            return
02|        }
02|        if rbErr := tx.Rollback(); rbErr != nil {
02|            err = errors.Wrap(err, errors.Wrap(errTxRollback, rbErr))
02|        }
02|    }()
    for _, m := range msgs {
        if _, err := tx.NamedExecContext(ctx, insertMessage, toDBMessage(m)); err != nil {
            return errors.Wrap(errSaveMessage, err)
        }
    }
01|    if err := tx.Commit(); err != nil {
01|        return errors.Wrap(errSaveMessage, err)
01|    }
2|    tx.Commit() //@TX-02
    return nil
}
'''
cases_of(case, GH + 'absmach/magistrala/pull/1166', 'consumers/writers/postgres/messages.go',
         G('postgres', ['context', 'github.com/absmach/magistrala/pkg/errors'])(MAGISTRALA), [
             (1, 'go-00-magistrala-save-without-rollback',
              'an edit removes the deferred rollback: a failed insert returns with the transaction open', 'edit'),
             (2, 'go-00-magistrala-save-ignores-commit-error',
              'an edit calls Commit without looking at its error and reports the messages as saved', 'edit',
              [f('go.mod', new=gomod('github.com/absmach/magistrala', ['github.com/jmoiron/sqlx v1.4.0']))]),
             (0, 'go-ok-00-magistrala-save-rolls-back-on-error',
              'clean: a deferred rollback on any error and Commit\'s error returned', 'new'),
         ])


# ---------------------------------------------------------------- TX-02 / TX-01: overlay cache uptime (mock beside)
STORJ = r'''
// UpdateUptime records one uptime check of node and returns its updated stats.
func (cache *overlaycache) UpdateUptime(ctx context.Context, nodeID NodeID, online bool) (*NodeStats, error) {
02|    tx, err := cache.db.BeginTx(ctx, nil) //@{2}TX-01
02|    if err != nil {
02|        return nil, Error.Wrap(err)
02|    }
1|    tx, _ := cache.db.BeginTx(ctx, nil) //@TX-02|ERR-01
    node, err := tx.GetNode(ctx, nodeID)
    if err != nil {
        return nil, Error.Wrap(errs.Combine(err, tx.Rollback()))
    }
    if node == nil {
01|        return nil, Error.Wrap(errs.Combine(errs.New("unknown node %s", nodeID), tx.Rollback()))
2|        return nil, Error.New("unknown node %s", nodeID)
    }
    node.UptimeChecks++
    if online {
        node.UptimeSuccesses++
        node.LastContactSuccess = cache.now()
    }
    if err := tx.UpdateNode(ctx, node); err != nil {
        return nil, Error.Wrap(errs.Combine(err, tx.Rollback()))
    }
    return statsOf(node), Error.Wrap(tx.Commit())
}
'''
STORJ_MOCK = GO_GENERATED.replace('store.go', 'overlaycache.go') + r'''package satellitedb

import (
	context "context"

	gomock "go.uber.org/mock/gomock"
)

// MockNodeTx is a mock of the NodeTx interface.
type MockNodeTx struct {
	ctrl *gomock.Controller
}

// NewMockNodeTx creates a new mock instance.
func NewMockNodeTx(ctrl *gomock.Controller) *MockNodeTx {
	return &MockNodeTx{ctrl: ctrl}
}

// Rollback mocks base method.
func (m *MockNodeTx) Rollback() error {
	ret := m.ctrl.Call(m, "Rollback")
	ret0, _ := ret[0].(error)
	return ret0
}

// GetNode mocks base method.
func (m *MockNodeTx) GetNode(ctx context.Context, id NodeID) (*Node, error) {
	ret := m.ctrl.Call(m, "GetNode", ctx, id)
	ret0, _ := ret[0].(*Node)
	ret1, _ := ret[1].(error)
	return ret0, ret1
}
'''
cases_of(case, GH + 'storj/storj/pull/1698', 'satellite/satellitedb/overlaycache.go',
         G('satellitedb', ['context', 'github.com/zeebo/errs'])(STORJ), [
             (1, 'go-00-storj-update-uptime-discards-begin-error',
              'an edit begins the transaction with tx, _ :=, so a failed Begin panics further down', 'edit'),
             (2, 'go-00-storj-update-uptime-unknown-node-leaves-tx-open',
              'the uptime update returns on an unknown node without rolling the transaction back', 'new',
              [f('satellite/satellitedb/mock_nodetx.go', new=STORJ_MOCK)]),
             (0, 'go-ok-00-storj-update-uptime-rolls-back-every-exit',
              'clean: Begin checked, every error exit rolls back, Commit\'s error returned', 'fix'),
         ])
