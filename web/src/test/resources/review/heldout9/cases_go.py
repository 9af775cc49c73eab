"""Round-9 Go cases (written for this corpus; see SOURCES.md). //@ITEM markers are stripped by make_cases.py."""
from cases_common import go, f, edit

CASES = []


def case(name, source, desc, **kw):
    d = {'name': name, 'source': source, 'desc': desc}
    d.update(kw)
    CASES.append(d)


def gomod(name, reqs, version='1.22'):
    return 'module example.com/%s\n\ngo %s\n\nrequire (\n%s)\n' % (name, version, ''.join('\t%s\n' % r for r in reqs))


# ============================================================== RES-02: HTTP response bodies
FEED = r'''
// Fetcher downloads provider metadata and advisories.
type Fetcher struct {
    client *http.Client
    base   string
}

func NewFetcher(base string) *Fetcher {
    return &Fetcher{client: &http.Client{Timeout: 30 * time.Second}, base: base}
}

// Metadata loads the provider metadata document.
func (f *Fetcher) Metadata(ctx context.Context) (*ProviderMetadata, error) {
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, f.base+"/provider-metadata.json", nil)
    if err != nil {
        return nil, err
    }
    resp, err := f.client.Do(req)
    if err != nil {
        return nil, err
    }
    defer resp.Body.Close()
    var md ProviderMetadata
    if err := json.NewDecoder(resp.Body).Decode(&md); err != nil {
        return nil, fmt.Errorf("decode metadata: %w", err)
    }
    return &md, nil
}
'''
ADVISORY_BAD = r'''
// Advisory downloads one advisory document by its path below the feed.
func (f *Fetcher) Advisory(ctx context.Context, path string) ([]byte, error) {
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, f.base+"/"+path, nil)
    if err != nil {
        return nil, err
    }
    resp, err := f.client.Do(req) //@RES-02
    if err != nil {
        return nil, err
    }
    if resp.StatusCode != http.StatusOK {
        return nil, fmt.Errorf("advisory %s: status %s", path, resp.Status)
    }
    defer resp.Body.Close()
    return io.ReadAll(io.LimitReader(resp.Body, 8<<20))
}
'''
FEED_IMPORTS = ['context', 'encoding/json', 'fmt', 'io', 'net/http', 'time']
case('go-01-advisory-fetcher-status-check-before-close', 'https://github.com/gocsaf/csaf/pull/629',
     'an advisory fetcher gains a download method that returns on a non-200 status before it reaches the deferred close of the body',
     files=[f('pkg/fetch/fetcher.go', old=go('fetch', FEED_IMPORTS, FEED), new=go('fetch', FEED_IMPORTS, FEED + ADVISORY_BAD))])

CONSUL_CLIENT = r'''
// Client talks to the catalog agent.
type Client struct {
    addr string
    http *http.Client
}

func (c *Client) newRequest(ctx context.Context, method, path string) (*http.Request, error) {
    return http.NewRequestWithContext(ctx, method, c.addr+path, nil)
}

func (c *Client) do(req *http.Request) (*http.Response, error) {
    return c.http.Do(req)
}
'''
REQUIRE_BAD = r'''
// requireOK turns a transport error or a non-200 answer into an error.
func requireOK(resp *http.Response, err error) (*http.Response, error) {
    if err != nil {
        return nil, err
    }
    if resp.StatusCode != http.StatusOK {
        return nil, fmt.Errorf("unexpected response code: %d", resp.StatusCode)
    }
    return resp, nil
}
'''
SERVICES = r'''
// Services lists the registered service names.
func (c *Client) Services(ctx context.Context) ([]string, error) {
    req, err := c.newRequest(ctx, http.MethodGet, "/v1/catalog/services")
    if err != nil {
        return nil, err
    }
    resp, err := requireOK(c.do(req)) //@RES-02
    if err != nil {
        return nil, err
    }
    defer resp.Body.Close()
    var out map[string][]string
    if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
        return nil, err
    }
    names := make([]string, 0, len(out))
    for name := range out {
        names = append(names, name)
    }
    return names, nil
}
'''
case('go-02-catalog-client-require-helper-drops-error-body', 'https://github.com/armon/consul-api/pull/17',
     'a catalog client routes its calls through a new requireOK helper (another file of the change) that returns an error for a non-200 answer without closing the body; the caller only defers the close on success',
     files=[f('api/client.go', old=go('api', ['context', 'net/http'], CONSUL_CLIENT),
              new=go('api', ['context', 'encoding/json', 'net/http'], CONSUL_CLIENT + SERVICES)),
            f('api/require.go', new=go('api', ['fmt', 'net/http'], REQUIRE_BAD))])

REQUIRE_OK = r'''
// requireOK turns a transport error or a non-200 answer into an error. On a
// non-200 answer it drains and closes the body itself, so callers only own the
// response when the error is nil.
func requireOK(resp *http.Response, err error) (*http.Response, error) {
    if err != nil {
        return nil, err
    }
    if resp.StatusCode != http.StatusOK {
        defer closeBody(resp)
        return nil, fmt.Errorf("unexpected response code: %d", resp.StatusCode)
    }
    return resp, nil
}

func closeBody(resp *http.Response) {
    _, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 32<<10)) // best effort drain; the close still frees the connection
    _ = resp.Body.Close()                                          // a close error of a drained body changes nothing for the caller
}
'''
case('go-ok-01-catalog-client-require-ok-closes-on-error', 'https://github.com/armon/consul-api/pull/17',
     'clean: the same client, but requireOK (another file) drains and closes the body through a helper on a non-200 answer; the caller defers the close once it owns the response',
     files=[f('api/client.go', old=go('api', ['context', 'net/http'], CONSUL_CLIENT),
              new=go('api', ['context', 'encoding/json', 'net/http'], CONSUL_CLIENT + SERVICES.replace(' //@RES-02', ''))),
            f('api/require.go', new=go('api', ['fmt', 'io', 'net/http'], REQUIRE_OK))])

case('go-ok-02-peer-getter-defers-close-then-checks-status', 'https://github.com/golang/groupcache/pull/13',
     'clean: a cache peer getter defers the body close right after the transport error check and only then looks at the status code',
     files=[f('peers/http_getter.go', new=go('peers', ['context', 'fmt', 'io', 'net/http', 'net/url'], r'''
// HTTPGetter fetches values from a peer cache over HTTP.
type HTTPGetter struct {
    BaseURL string
    Client  *http.Client
}

// Get asks the peer for key in group.
func (g *HTTPGetter) Get(ctx context.Context, group, key string) ([]byte, error) {
    u := fmt.Sprintf("%s%s/%s", g.BaseURL, url.PathEscape(group), url.PathEscape(key))
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
    if err != nil {
        return nil, err
    }
    res, err := g.Client.Do(req)
    if err != nil {
        return nil, err
    }
    defer res.Body.Close()
    if res.StatusCode != http.StatusOK {
        return nil, fmt.Errorf("peer %s returned %v", g.BaseURL, res.Status)
    }
    return io.ReadAll(res.Body)
}
'''))])

# ============================================================== RES-01: files, devices, archives
PIPE_OLD = r'''
// Run copies the generated bootstrap configuration into the named pipe or file
// given on the command line. It returns the process exit code.
func (c *cmd) Run(args []string) int {
    if len(args) != 1 {
        c.ui.Error("expected exactly one argument: the destination path")
        return 1
    }
    var buf bytes.Buffer
    if _, err := io.Copy(&buf, c.stdin); err != nil {
        c.ui.Error(fmt.Sprintf("failed to read bootstrap from stdin: %s", err))
        return 1
    }
    if buf.Len() == 0 {
        c.ui.Error("empty bootstrap configuration on stdin")
        return 1
    }
    if !c.quiet {
        c.ui.Info(fmt.Sprintf("writing %d bytes of bootstrap configuration", buf.Len()))
    }
    f, err := os.OpenFile(args[0], os.O_WRONLY|os.O_APPEND, 0o700)
    if err != nil {
        c.ui.Error(err.Error())
        return 1
    }
    defer f.Close()

    if _, err := buf.WriteTo(f); err != nil {
        c.ui.Error(err.Error())
        return 1
    }
    c.ui.Info("bootstrap configuration written")
    return 0
}
'''
PIPE_NEW = PIPE_OLD.replace('''    f, err := os.OpenFile(args[0], os.O_WRONLY|os.O_APPEND, 0o700)
    if err != nil {
        c.ui.Error(err.Error())
        return 1
    }
    defer f.Close()

    if _, err := buf.WriteTo(f); err != nil {
        c.ui.Error(err.Error())
        return 1
    }
''', '''    f, err := os.OpenFile(args[0], os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600) //@RES-01
    if err != nil {
        c.ui.Error(err.Error())
        return 1
    }

    if _, err := buf.WriteTo(f); err != nil {
        c.ui.Error(err.Error())
        return 1
    }
    // Close explicitly: a pipe reader only sees EOF once we are done.
    if err := f.Close(); err != nil {
        c.ui.Error(err.Error())
        return 1
    }
''')
PIPE_IMPORTS = ['bytes', 'fmt', 'io', 'os']
case('go-03-bootstrap-pipe-explicit-close-skips-error-path', 'https://github.com/hashicorp/consul/issues/23256',
     'an edit inside a long Run function replaces the deferred close of the destination file by an explicit close after the write: the write-error return now leaves the file open',
     files=[f('command/connect/envoy/pipe-bootstrap/pipe_bootstrap.go', old=go('pipebootstrap', PIPE_IMPORTS, PIPE_OLD),
              new=go('pipebootstrap', PIPE_IMPORTS, PIPE_NEW)),
            f('command/connect/envoy/pipe-bootstrap/pipe_bootstrap_test.go', new=go('pipebootstrap', ['os', 'path/filepath', 'testing'], r'''
func TestRunWritesFile(t *testing.T) {
    dir := t.TempDir()
    dst := filepath.Join(dir, "out")
    if err := os.WriteFile(dst, nil, 0o600); err != nil {
        t.Fatal(err)
    }
    c := newTestCmd("{}")
    if code := c.Run([]string{dst}); code != 0 {
        t.Fatalf("exit code %d", code)
    }
}
'''))])

case('go-04-serial-port-open-leaks-on-configure-error', 'https://github.com/pkg/term/issues/68',
     'a serial-port opener hands the device file to the returned Port on success, but returns the configure error without closing the file',
     files=[f('serial/port.go', new=go('serial', ['fmt', 'os', 'time'], r'''
// Port is an open serial device.
type Port struct {
    f       *os.File
    timeout time.Duration
}

// Options configure a port before it is returned.
type Option func(*Port) error

// Open opens the device at name and applies the options.
func Open(name string, opts ...Option) (*Port, error) {
    f, err := os.OpenFile(name, os.O_RDWR|os.O_SYNC, 0) //@RES-01
    if err != nil {
        return nil, fmt.Errorf("open %s: %w", name, err)
    }
    p := &Port{f: f, timeout: time.Second}
    for _, opt := range opts {
        if err := opt(p); err != nil {
            return nil, fmt.Errorf("configure %s: %w", name, err)
        }
    }
    return p, nil
}

// Close releases the device.
func (p *Port) Close() error {
    return p.f.Close()
}
'''))])

case('go-ok-03-archive-open-closes-stream-on-failure', 'https://github.com/gen2brain/go-unarr/issues/2',
     'clean: an archive constructor closes the file it opened when the header check fails, and otherwise hands it to the returned Archive, whose Close releases it',
     files=[f('unarr/archive.go', new=go('unarr', ['bufio', 'errors', 'io', 'os'], r'''
var ErrNotArchive = errors.New("unarr: not an archive")

// Archive reads entries from an open archive file.
type Archive struct {
    file *os.File
    r    *bufio.Reader
}

// NewArchive opens path and checks that it starts with a known signature.
func NewArchive(path string) (*Archive, error) {
    f, err := os.Open(path)
    if err != nil {
        return nil, err
    }
    a := &Archive{file: f, r: bufio.NewReader(f)}
    if err := a.checkSignature(); err != nil {
        f.Close()
        return nil, err
    }
    return a, nil
}

func (a *Archive) checkSignature() error {
    sig, err := a.r.Peek(4)
    if err != nil && err != io.EOF {
        return err
    }
    if len(sig) < 4 || (string(sig[:2]) != "PK" && string(sig[:4]) != "Rar!") {
        return ErrNotArchive
    }
    return nil
}

// Close releases the archive file.
func (a *Archive) Close() error {
    return a.file.Close()
}
'''))])

# ============================================================== RES-01: MongoDB cursors (generics)
ALIAS_OLD = r'''
type AliasRepository struct {
    coll *mongo.Collection
}

// FindByHolder returns the aliases that belong to one holder.
func (r *AliasRepository) FindByHolder(ctx context.Context, holderID string) ([]*Alias, error) {
    var doc aliasDocument
    if err := r.coll.FindOne(ctx, bson.M{"holder_id": holderID}).Decode(&doc); err != nil {
        return nil, err
    }
    return []*Alias{doc.toModel()}, nil
}
'''
ALIAS_ADD = r'''
// List pages through the aliases of an organization.
func (r *AliasRepository) List(ctx context.Context, orgID string, limit int64) ([]*Alias, error) {
    opts := options.Find().SetLimit(limit).SetSort(bson.D{{Key: "created_at", Value: -1}})
    cursor, err := r.coll.Find(ctx, bson.M{"organization_id": orgID}, opts) //@RES-01
    if err != nil {
        return nil, fmt.Errorf("find aliases: %w", err)
    }
    docs, err := decodeAll[aliasDocument](ctx, cursor)
    if err != nil {
        return nil, err
    }
    if err := cursor.Close(ctx); err != nil {
        return nil, fmt.Errorf("close cursor: %w", err)
    }
    out := make([]*Alias, len(docs))
    for i := range docs {
        out[i] = docs[i].toModel()
    }
    return out, nil
}

// decodeAll reads every document of the cursor; it does not close it.
func decodeAll[T any](ctx context.Context, cursor *mongo.Cursor) ([]T, error) {
    var out []T
    for cursor.Next(ctx) {
        var v T
        if err := cursor.Decode(&v); err != nil {
            return nil, fmt.Errorf("decode: %w", err)
        }
        out = append(out, v)
    }
    return out, cursor.Err()
}
'''
MONGO = ['context', 'fmt', '', 'go.mongodb.org/mongo-driver/bson', 'go.mongodb.org/mongo-driver/mongo', 'go.mongodb.org/mongo-driver/mongo/options']
case('go-05-alias-list-closes-cursor-only-after-decoding', 'https://github.com/LerianStudio/midaz/pull/1900',
     'an alias repository gains a paged List (with a generic decode helper that does not close): the cursor is closed only after a successful decode, so a decode error returns with the cursor open',
     files=[f('components/crm/adapters/mongodb/alias/alias.mongodb.go', old=go('alias', ['context', '', 'go.mongodb.org/mongo-driver/bson', 'go.mongodb.org/mongo-driver/mongo'], ALIAS_OLD),
              new=go('alias', MONGO, ALIAS_OLD + ALIAS_ADD))])

case('go-ok-04-replay-producer-closes-cursor-in-worker', 'https://github.com/etf1/kafka-mongo-watcher/pull/5',
     'clean: a replay producer hands its cursor to a worker started through the package helper (another file) whose deferred function closes the cursor and then the channel',
     files=[f('internal/mongo/replay_producer.go', new=go('mongo', ['context', '', 'go.mongodb.org/mongo-driver/bson', 'go.mongodb.org/mongo-driver/mongo'], r'''
// ReplayProducer emits every document of a collection as a change event.
type ReplayProducer struct {
    coll *mongo.Collection
    log  Logger
}

// Produce starts the replay; the returned channel is closed when it ends.
func (r *ReplayProducer) Produce(ctx context.Context) (<-chan *ChangeEvent, error) {
    cursor, err := r.coll.Find(ctx, bson.M{})
    if err != nil {
        return nil, err
    }
    events := make(chan *ChangeEvent)
    startWorker(r.log, "replay", func() {
        defer func() {
            if err := cursor.Close(ctx); err != nil {
                r.log.Warn("close replay cursor", "err", err)
            }
            close(events)
        }()
        for cursor.Next(ctx) {
            var doc bson.M
            if err := cursor.Decode(&doc); err != nil {
                r.log.Warn("skip undecodable document", "err", err)
                continue
            }
            select {
            case events <- &ChangeEvent{Operation: "replay", Document: doc}:
            case <-ctx.Done():
                return
            }
        }
    })
    return events, nil
}
''')),
            f('internal/mongo/worker.go', new=go('mongo', ['runtime/debug'], r'''
// startWorker runs fn in its own goroutine and logs a panic instead of
// letting it end the process.
func startWorker(log Logger, name string, fn func()) {
    go func() {
        defer func() {
            if p := recover(); p != nil {
                log.Error("worker panicked", "worker", name, "panic", p, "stack", string(debug.Stack()))
            }
        }()
        fn()
    }()
}
'''))])

# ============================================================== RES-01: go-redis v9 pub/sub
case('go-06-judge-events-subscribe-never-closed', 'https://github.com/EduOJ/backend/pull/73',
     'a websocket handler subscribes to a submission channel with go-redis v9 and returns on a write error or a final verdict without closing the PubSub',
     files=[f('app/controller/submission_events.go', new=go('controller', ['context', 'encoding/json', '', 'github.com/gorilla/websocket', 'github.com/redis/go-redis/v9'], r'''
type Verdict struct {
    Status string `json:"status"`
    Final  bool   `json:"final"`
}

// StreamVerdicts pushes judge updates for one submission to the client.
func StreamVerdicts(ctx context.Context, rdb *redis.Client, conn *websocket.Conn, submissionID string) error {
    sub := rdb.Subscribe(ctx, "submission:"+submissionID) //@RES-01
    for msg := range sub.Channel() {
        var v Verdict
        if err := json.Unmarshal([]byte(msg.Payload), &v); err != nil {
            continue
        }
        if err := conn.WriteJSON(v); err != nil {
            return err
        }
        if v.Final {
            return nil
        }
    }
    return nil
}
'''))])

KV_EVENTS = r'''
type event struct {
    kvrocks KVClient
    log     Logger
}

type produceMessage struct {
    ip       string
    password string
    key      string
}
'''
case('go-07-sentinel-down-message-listener-leaks-pubsub', 'https://github.com/RocksLabs/kvrocks-operator/pull/32',
     'an operator subscribes to sentinel down-messages and hands the PubSub to a bare goroutine whose listen loop never closes it',
     files=[f('pkg/controllers/events/handler.go', old=go('events', [], KV_EVENTS), new=go('events', ['context', '', 'github.com/redis/go-redis/v9'], KV_EVENTS + r'''
func (e *event) sentDownMessage(ctx context.Context, msg *produceMessage) {
    pubsub := e.kvrocks.SubOdownMsg(ctx, msg.ip, msg.password) //@RES-01
    go e.listen(ctx, pubsub, msg.key) //@CONC-01
}

func (e *event) listen(ctx context.Context, pubsub *redis.PubSub, key string) {
    for m := range pubsub.Channel() {
        if err := e.handleDown(ctx, key, m.Payload); err != nil {
            e.log.Error(err, "handle +odown", "key", key)
            return
        }
    }
}
'''))])

case('go-ok-05-sentinel-listener-closes-pubsub-under-guard', 'https://github.com/RocksLabs/kvrocks-operator/pull/32',
     'clean: the listener goroutine defers a panic guard (a helper in the change that calls recover) and the close of the PubSub',
     files=[f('pkg/controllers/events/handler.go', old=go('events', [], KV_EVENTS), new=go('events', ['context', '', 'github.com/redis/go-redis/v9'], KV_EVENTS + r'''
func (e *event) sentDownMessage(ctx context.Context, msg *produceMessage) {
    pubsub := e.kvrocks.SubOdownMsg(ctx, msg.ip, msg.password)
    go func() {
        defer e.logPanic("odown-listener")
        defer pubsub.Close()
        e.listen(ctx, pubsub, msg.key)
    }()
}

func (e *event) listen(ctx context.Context, pubsub *redis.PubSub, key string) {
    for m := range pubsub.Channel() {
        if err := e.handleDown(ctx, key, m.Payload); err != nil {
            e.log.Error(err, "handle +odown", "key", key)
            return
        }
    }
}
''')),
            f('pkg/controllers/events/panic.go', new=go('events', ['fmt', 'runtime/debug'], r'''
// logPanic is deferred by every goroutine of this package: it stops a panic
// from ending the operator and logs it with its stack.
func (e *event) logPanic(name string) {
    if p := recover(); p != nil {
        e.log.Error(fmt.Errorf("panic: %v", p), "goroutine panicked", "goroutine", name, "stack", string(debug.Stack()))
    }
}
'''))])

# ============================================================== RES-04 / RES-01: Kafka clients (franz-go, confluent, kafka-go)
ACL_OLD = r'''
// ACLSyncer keeps a user's ACLs in the cluster in line with the resource.
type ACLSyncer struct {
    seeds []string
    opts  []kgo.Opt
}

func NewACLSyncer(seeds []string, opts ...kgo.Opt) *ACLSyncer {
    return &ACLSyncer{seeds: seeds, opts: opts}
}
'''
ACL_BAD = r'''
// Sync creates the ACLs the user needs and deletes the others.
func (s *ACLSyncer) Sync(ctx context.Context, user string, wanted []Binding) error {
    cl, err := kgo.NewClient(append(s.opts, kgo.SeedBrokers(s.seeds...))...) //@RES-04|RES-01
    if err != nil {
        return fmt.Errorf("kafka client: %w", err)
    }
    adm := kadm.NewClient(cl)
    current, err := adm.DescribeACLs(ctx, kadm.NewACLs().Allow("User:"+user).AnyResource())
    if err != nil {
        return err
    }
    create, drop := diffBindings(current, wanted)
    if _, err := adm.CreateACLs(ctx, create); err != nil {
        return err
    }
    _, err = adm.DeleteACLs(ctx, drop)
    return err
}
'''
KGO = ['context', 'fmt', '', 'github.com/twmb/franz-go/pkg/kadm', 'github.com/twmb/franz-go/pkg/kgo']
case('go-08-acl-syncer-builds-kgo-client-per-sync', 'https://github.com/redpanda-data/redpanda-operator/pull/292',
     'an ACL syncer builds a franz-go client on every reconcile and never closes it: each sync leaks the client and its goroutines',
     files=[f('operator/pkg/client/acls/syncer.go', old=go('acls', ['github.com/twmb/franz-go/pkg/kgo'], ACL_OLD),
              new=go('acls', KGO, ACL_OLD + ACL_BAD)),
            f('operator/go.mod', old=gomod('operator', ['github.com/twmb/franz-go v1.17.1']),
              new=gomod('operator', ['github.com/twmb/franz-go v1.17.1', 'github.com/twmb/franz-go/pkg/kadm v1.13.0']))])

case('go-ok-06-acl-syncer-owns-one-client-closed-on-close', 'https://github.com/redpanda-data/redpanda-operator/pull/292',
     'clean: the syncer builds its franz-go client once in its constructor, keeps it in a field and closes it in Close',
     files=[f('operator/pkg/client/acls/syncer.go', new=go('acls', KGO, r'''
// ACLSyncer keeps a user's ACLs in the cluster in line with the resource.
type ACLSyncer struct {
    client *kgo.Client
    admin  *kadm.Client
}

// NewACLSyncer connects once; the caller closes the syncer when the cluster
// resource goes away.
func NewACLSyncer(seeds []string, opts ...kgo.Opt) (*ACLSyncer, error) {
    cl, err := kgo.NewClient(append(opts, kgo.SeedBrokers(seeds...))...)
    if err != nil {
        return nil, fmt.Errorf("kafka client: %w", err)
    }
    return &ACLSyncer{client: cl, admin: kadm.NewClient(cl)}, nil
}

// Sync creates the ACLs the user needs and deletes the others.
func (s *ACLSyncer) Sync(ctx context.Context, user string, wanted []Binding) error {
    current, err := s.admin.DescribeACLs(ctx, kadm.NewACLs().Allow("User:"+user).AnyResource())
    if err != nil {
        return err
    }
    create, drop := diffBindings(current, wanted)
    if _, err := s.admin.CreateACLs(ctx, create); err != nil {
        return err
    }
    _, err = s.admin.DeleteACLs(ctx, drop)
    return err
}

// Close releases the client.
func (s *ACLSyncer) Close() {
    s.client.Close()
}
'''))])

case('go-09-audit-publisher-creates-producer-per-event', 'https://github.com/confluentinc/confluent-kafka-go/pull/202',
     'an audit publisher creates a confluent-kafka-go producer for every event, flushes it and never closes it',
     files=[f('internal/audit/publisher.go', new=go('audit', ['encoding/json', 'fmt', '', 'github.com/confluentinc/confluent-kafka-go/v2/kafka'], r'''
type Publisher struct {
    brokers string
    topic   string
}

// Publish sends one audit event and waits for it to be delivered.
func (p *Publisher) Publish(ev Event) error {
    producer, err := kafka.NewProducer(&kafka.ConfigMap{"bootstrap.servers": p.brokers, "acks": "all"}) //@RES-04|RES-01
    if err != nil {
        return fmt.Errorf("producer: %w", err)
    }
    payload, err := json.Marshal(ev)
    if err != nil {
        return err
    }
    if err := producer.Produce(&kafka.Message{
        TopicPartition: kafka.TopicPartition{Topic: &p.topic, Partition: kafka.PartitionAny},
        Value:          payload,
    }, nil); err != nil {
        return err
    }
    if left := producer.Flush(5000); left > 0 {
        return fmt.Errorf("%d audit events not delivered", left)
    }
    return nil
}
'''))])

CRON_OLD = r'''
type cronsumer struct {
    cfg     *Config
    reader  *kafka.Reader
    handler func(kafka.Message) error
}
'''
CRON_NEW = CRON_OLD + r'''
// Run consumes the exception topic once per tick, for at most the configured
// duration, then pauses until the next tick.
func (c *cronsumer) Run(ctx context.Context, ticks <-chan time.Time) {
    for {
        select {
        case <-ctx.Done():
            return
        case <-ticks:
        }
        c.reader = kafka.NewReader(kafka.ReaderConfig{ //@RES-04|RES-01
            Brokers: c.cfg.Brokers,
            GroupID: c.cfg.GroupID,
            Topic:   c.cfg.ExceptionTopic,
        })
        runCtx, cancel := context.WithTimeout(ctx, c.cfg.Duration)
        c.consume(runCtx)
        cancel()
    }
}

func (c *cronsumer) consume(ctx context.Context) {
    for {
        m, err := c.reader.FetchMessage(ctx)
        if err != nil {
            return
        }
        if err := c.handler(m); err == nil {
            _ = c.reader.CommitMessages(ctx, m) // a failed commit is retried by redelivery
        }
    }
}
'''
case('go-10-cronsumer-new-reader-each-tick', 'https://github.com/Trendyol/kafka-cronsumer/issues/20',
     'a scheduled consumer assigns a fresh kafka-go Reader to its field on every tick and never closes the previous one',
     files=[f('internal/cronsumer.go', old=go('internal', ['github.com/segmentio/kafka-go'], CRON_OLD),
              new=go('internal', ['context', 'time', '', 'github.com/segmentio/kafka-go'], CRON_NEW))])

# ============================================================== RES-01: gorilla/websocket connections
case('go-11-streaming-reconnect-loop-never-closes-socket', 'https://github.com/mattn/go-mastodon/pull/215',
     'a streaming client redials its websocket in a loop; the handler returns on a read error without closing the connection, so each reconnect leaks one socket',
     files=[f('streaming_ws.go', new=go('mastodon', ['context', 'net/url', 'time', '', 'github.com/gorilla/websocket'], r'''
// StreamingWS reads events from the server until ctx ends, reconnecting
// after a failure.
func (c *WSClient) StreamingWS(ctx context.Context, stream string, q chan<- Event) {
    u := url.URL{Scheme: "wss", Host: c.host, Path: "/api/v1/streaming", RawQuery: "stream=" + url.QueryEscape(stream)}
    for ctx.Err() == nil {
        if err := c.handleWS(ctx, u.String(), q); err != nil {
            q <- &ErrorEvent{err: err}
        }
        select {
        case <-ctx.Done():
        case <-time.After(c.retryDelay):
        }
    }
}

func (c *WSClient) handleWS(ctx context.Context, rawurl string, q chan<- Event) error {
    conn, _, err := c.dialer.DialContext(ctx, rawurl, c.header) //@RES-01
    if err != nil {
        return err
    }
    for {
        var s Stream
        if err := conn.ReadJSON(&s); err != nil {
            return err
        }
        q <- s.toEvent()
    }
}
'''))])

ROOM_OLD = r'''
// ServeHTTP upgrades a signalling request and serves it until the peer leaves.
func (s *SignalServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
    pi, code, err := s.validate(r)
    if err != nil {
        http.Error(w, err.Error(), code)
        return
    }
    conn, err := s.upgrader.Upgrade(w, r, nil)
    if err != nil {
        s.log.Warn("upgrade failed", "err", err)
        return
    }
    defer conn.Close()

    sess := s.newSession(pi, conn)
    s.sessions.Store(sess.id, sess)
    defer s.sessions.Delete(sess.id)
    go sess.pingWorker()
    sess.readLoop()
}
'''
ROOM_NEW = ROOM_OLD.replace('''    conn, err := s.upgrader.Upgrade(w, r, nil)
    if err != nil {
        s.log.Warn("upgrade failed", "err", err)
        return
    }
    defer conn.Close()
''', '''    conn, err := s.upgrader.Upgrade(w, r, s.responseHeader(pi)) //@RES-01
    if err != nil {
        s.log.Warn("upgrade failed", "err", err)
        return
    }
    if err := conn.WriteJSON(joinResponse(pi)); err != nil {
        s.log.Warn("could not send join response", "err", err)
        return
    }
    defer conn.Close()
''')
case('go-12-signal-join-response-error-skips-close', 'https://github.com/livekit/livekit/pull/4747',
     'an edit inside a long websocket handler sends a join response between the upgrade and the existing deferred close: a failed write returns with the connection open',
     files=[f('pkg/service/signal.go', old=go('service', ['net/http'], ROOM_OLD), new=go('service', ['net/http'], ROOM_NEW))])

case('go-ok-07-websocket-output-drops-conn-after-failed-write', 'https://github.com/redpanda-data/benthos/pull/492',
     'clean: a websocket output keeps its connection in a field; a failed write closes and forgets it, and Close releases whatever is left',
     files=[f('internal/impl/io/output_websocket.go', new=go('io', ['context', 'sync', '', 'github.com/gorilla/websocket'], r'''
type websocketWriter struct {
    urlStr string
    dialer *websocket.Dialer

    mu   sync.Mutex
    conn *websocket.Conn
}

func (w *websocketWriter) Connect(ctx context.Context) error {
    conn, _, err := w.dialer.DialContext(ctx, w.urlStr, nil)
    if err != nil {
        return err
    }
    w.mu.Lock()
    w.conn = conn
    w.mu.Unlock()
    return nil
}

func (w *websocketWriter) Write(ctx context.Context, payload []byte) error {
    w.mu.Lock()
    defer w.mu.Unlock()
    if w.conn == nil {
        return ErrNotConnected
    }
    if err := w.conn.WriteMessage(websocket.BinaryMessage, payload); err != nil {
        _ = w.conn.Close() // the write error is what the caller needs; the socket is dropped either way
        w.conn = nil
        return err
    }
    return nil
}

func (w *websocketWriter) Close(ctx context.Context) error {
    w.mu.Lock()
    defer w.mu.Unlock()
    if w.conn == nil {
        return nil
    }
    err := w.conn.Close()
    w.conn = nil
    return err
}
'''))])

# ============================================================== RES-01: net.Conn / net.Listener (rename, CRLF)
LDAP_OLD = r'''
// DialTLS connects to the given address and starts TLS on the connection.
func DialTLS(network, addr string, config *tls.Config) (*Conn, error) {
    c, err := net.DialTimeout(network, addr, DefaultTimeout)
    if err != nil {
        return nil, NewError(ErrorNetwork, err)
    }
    conn := NewConn(tls.Client(c, config), true)
    conn.Start()
    return conn, nil
}
'''
LDAP_NEW = r'''
// DialTLS connects to the given address and completes the TLS handshake
// before the connection is handed to the caller.
func DialTLS(network, addr string, config *tls.Config) (*Conn, error) {
    c, err := net.DialTimeout(network, addr, DefaultTimeout) //@RES-01
    if err != nil {
        return nil, NewError(ErrorNetwork, err)
    }
    tc := tls.Client(c, config)
    if err := tc.Handshake(); err != nil {
        return nil, NewError(ErrorNetwork, err)
    }
    conn := NewConn(tc, true)
    conn.Start()
    return conn, nil
}
'''
case('go-13-ldap-dial-tls-handshake-failure-keeps-socket', 'https://github.com/go-ldap/ldap/issues/24',
     'the dial code moves from conn.go to dial.go (a rename with edits) and now runs the TLS handshake eagerly; a failed handshake returns without closing the TCP connection',
     files=[f('dial.go', rename_from='conn.go', old=go('ldap', ['crypto/tls', 'net'], LDAP_OLD), new=go('ldap', ['crypto/tls', 'net'], LDAP_NEW))])

CH_OLD = r'''
func dial(ctx context.Context, addr string, num int, opt *Options) (*connect, error) {
    var (
        err  error
        conn net.Conn
    )
    switch {
    case opt.DialContext != nil:
        conn, err = opt.DialContext(ctx, addr)
    default:
        d := net.Dialer{Timeout: opt.DialTimeout}
        conn, err = d.DialContext(ctx, "tcp", addr)
    }
    if err != nil {
        return nil, err
    }
    c := &connect{id: num, opt: opt, conn: conn, encoder: newEncoder(conn), decoder: newDecoder(conn)}
    return c, nil
}
'''
CH_NEW = CH_OLD.replace('''        d := net.Dialer{Timeout: opt.DialTimeout}
        conn, err = d.DialContext(ctx, "tcp", addr)''', '''        d := net.Dialer{Timeout: opt.DialTimeout}
        conn, err = d.DialContext(ctx, "tcp", addr) //@RES-01''').replace('''        d := net.Dialer{Timeout: opt.DialTimeout}
        conn, err''', '''        d := net.Dialer{Timeout: opt.DialTimeout, KeepAlive: opt.KeepAlive}
        conn, err''').replace('''    c := &connect{id: num, opt: opt, conn: conn, encoder: newEncoder(conn), decoder: newDecoder(conn)}
    return c, nil''', '''    c := &connect{id: num, opt: opt, conn: conn, encoder: newEncoder(conn), decoder: newDecoder(conn)}
    if err := c.handshake(ctx, opt.Auth); err != nil {
        return nil, fmt.Errorf("handshake with %s: %w", addr, err)
    }
    return c, nil''')
case('go-14-clickhouse-dial-handshake-error-leaks-conn', 'https://github.com/ClickHouse/clickhouse-go/pull/1934',
     'a CRLF file: dial gains a protocol handshake after the TCP dial; a failed handshake (wrong password, TLS error) returns without closing the socket',
     files=[f('conn.go', crlf=True, old=go('clickhouse', ['context', 'net'], CH_OLD), new=go('clickhouse', ['context', 'fmt', 'net'], CH_NEW))])

case('go-ok-08-sip-tls-transport-closes-before-handshake-error', 'https://github.com/emiago/sipgo/pull/371',
     'clean: a TLS transport closes the raw TCP connection when the handshake fails, through a deferred close guarded by the named error result',
     files=[f('transport_tls.go', new=go('sipgo', ['context', 'crypto/tls', 'net'], r'''
// CreateConnection dials raddr and completes the TLS handshake.
func (t *TransportTLS) CreateConnection(ctx context.Context, raddr string) (_ Connection, err error) {
    raw, err := t.dialer.DialContext(ctx, "tcp", raddr)
    if err != nil {
        return nil, err
    }
    defer func() {
        if err != nil {
            raw.Close()
        }
    }()
    tc := tls.Client(raw, t.config)
    if err = tc.HandshakeContext(ctx); err != nil {
        return nil, err
    }
    c := t.pool.add(raddr, tc)
    return c, nil
}

func (t *TransportTLS) dialerFor(laddr *net.TCPAddr) *net.Dialer {
    return &net.Dialer{LocalAddr: laddr} //@~TMO-01
}
'''))])

case('go-15-fastdialer-tls-handshake-failure-loses-cancel-and-conn', 'https://github.com/projectdiscovery/fastdialer/pull/551',
     'a dialer bounds the TLS handshake with a derived context; a failed handshake returns without calling its cancel and without closing the raw connection',
     files=[f('fastdialer/dialer_tls.go', new=go('fastdialer', ['context', 'crypto/tls', 'net', 'time'], r'''
// dialTLS dials address and performs the TLS handshake within the
// configured handshake timeout.
func (d *Dialer) dialTLS(ctx context.Context, network, address string, cfg *tls.Config) (net.Conn, error) {
    raw, err := d.dialer.DialContext(ctx, network, address) //@RES-01
    if err != nil {
        return nil, err
    }
    hctx, cancel := context.WithTimeout(ctx, d.options.HandshakeTimeout) //@TMO-03
    tlsConn := tls.Client(raw, cfg)
    if err := tlsConn.HandshakeContext(hctx); err != nil {
        return nil, err
    }
    cancel()
    _ = raw.SetDeadline(time.Time{}) // clearing a deadline on a live connection cannot fail in a way we act on
    return tlsConn, nil
}
'''))])

case('go-16-relay-accept-loop-continue-leaks-client', 'https://github.com/asmogo/nws/pull/36',
     'a relay accepts client connections in a loop and dials the upstream for each; when the upstream dial fails the loop continues without closing the accepted client connection',
     files=[f('netstr/relay.go', new=go('netstr', ['context', 'io', 'log/slog', 'net'], r'''
// Serve accepts clients on ln and pipes each to a fresh upstream connection.
func (r *Relay) Serve(ctx context.Context, ln net.Listener) error {
    for {
        client, err := ln.Accept() //@RES-01
        if err != nil {
            return err
        }
        upstream, err := r.dialer.DialContext(ctx, "tcp", r.upstream)
        if err != nil {
            slog.Warn("upstream dial failed", "upstream", r.upstream, "err", err)
            continue
        }
        r.workers.Go(func() {
            defer client.Close()
            defer upstream.Close()
            r.pipe(client, upstream)
        })
    }
}

// pipe copies both directions; the worker group recovers and logs panics.
func (r *Relay) pipe(a, b net.Conn) {
    done := make(chan struct{})
    r.workers.Go(func() {
        defer close(done)
        _, _ = io.Copy(a, b) // either side closing ends the copy; nothing to report
    })
    _, _ = io.Copy(b, a) // as above
    <-done
}
'''))])

# ============================================================== RES-01: os/exec, RES-03: archive/zip
case('go-17-service-status-starts-command-never-waits', 'https://github.com/kardianos/service/pull/371',
     'a status check starts the init system tool with Start, reads its output and returns without Wait: every poll leaves a zombie process and its pipe',
     files=[f('service_systemd_linux.go', new=go('service', ['bufio', 'context', 'os/exec', 'strings'], r'''
// Status asks systemd whether the unit is running.
func (s *systemd) Status(ctx context.Context) (Status, error) {
    cmd := exec.CommandContext(ctx, "systemctl", "is-active", s.unitName())
    out, err := cmd.StdoutPipe()
    if err != nil {
        return StatusUnknown, err
    }
    if err := cmd.Start(); err != nil { //@RES-01
        return StatusUnknown, err
    }
    line, _ := bufio.NewReader(out).ReadString('\n') // an empty answer is handled below as unknown
    switch strings.TrimSpace(line) {
    case "active", "reloading", "activating":
        return StatusRunning, nil
    case "inactive", "failed", "deactivating":
        return StatusStopped, nil
    }
    return StatusUnknown, nil
}
'''))])

case('go-18-package-install-defers-closes-per-zip-entry', 'https://github.com/criteo/command-launcher/pull/130',
     'a package installer extracts a zip with the entry reader and the output file closed by defers inside the loop: every file of the archive stays open until the function ends',
     files=[f('internal/helper/unzip.go', new=go('helper', ['archive/zip', 'fmt', 'io', 'os', 'path/filepath', 'strings'], r'''
// Unzip extracts src into dst and returns the number of files written.
func Unzip(src, dst string) (int, error) {
    r, err := zip.OpenReader(src)
    if err != nil {
        return 0, err
    }
    defer r.Close()

    n := 0
    for _, zf := range r.File {
        target := filepath.Join(dst, zf.Name)
        if !strings.HasPrefix(target, filepath.Clean(dst)+string(os.PathSeparator)) {
            return n, fmt.Errorf("illegal path in archive: %s", zf.Name)
        }
        if zf.FileInfo().IsDir() {
            if err := os.MkdirAll(target, 0o755); err != nil {
                return n, err
            }
            continue
        }
        rc, err := zf.Open()
        if err != nil {
            return n, err
        }
        defer rc.Close() //@RES-03
        out, err := os.OpenFile(target, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, zf.Mode())
        if err != nil {
            return n, err
        }
        defer out.Close() //@RES-03
        if _, err := io.Copy(out, rc); err != nil {
            return n, err
        }
        n++
    }
    return n, nil
}
'''))])

case('go-ok-09-zip-archive-extracts-each-entry-in-own-function', 'https://github.com/paketo-buildpacks/packit/pull/214',
     'clean: the zip extraction moves each entry into its own function, whose defers run per file',
     files=[f('vacation/zip_archive.go', new=go('vacation', ['archive/zip', 'io', 'os', 'path/filepath'], r'''
// Decompress writes every file of the archive below destination.
func (z ZipArchive) Decompress(destination string) error {
    r, err := zip.NewReader(z.reader, z.size)
    if err != nil {
        return err
    }
    for _, f := range r.File {
        if err := extractEntry(f, filepath.Join(destination, f.Name)); err != nil {
            return err
        }
    }
    return nil
}

func extractEntry(f *zip.File, path string) error {
    if f.FileInfo().IsDir() {
        return os.MkdirAll(path, os.ModePerm)
    }
    if err := os.MkdirAll(filepath.Dir(path), os.ModePerm); err != nil {
        return err
    }
    rc, err := f.Open()
    if err != nil {
        return err
    }
    defer rc.Close()
    out, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, f.Mode())
    if err != nil {
        return err
    }
    defer out.Close()
    _, err = io.Copy(out, rc)
    return err
}
'''))])

# ============================================================== RES-01: time.Ticker
case('go-19-stats-socket-ticker-never-stopped', 'https://github.com/arl/statsviz/issues/13',
     'a live-stats websocket endpoint starts a ticker per connection and returns on the first write error without stopping it',
     files=[f('statsviz.go', new=go('statsviz', ['net/http', 'runtime', 'time', '', 'github.com/gorilla/websocket'], r'''
const defaultSendPeriod = time.Second

var upgrader = websocket.Upgrader{ReadBufferSize: 1024, WriteBufferSize: 1024}

// Ws upgrades the request and sends memory statistics until the client leaves.
func Ws(w http.ResponseWriter, r *http.Request) {
    ws, err := upgrader.Upgrade(w, r, nil)
    if err != nil {
        return
    }
    defer ws.Close()
    sendStats(ws, defaultSendPeriod)
}

func sendStats(conn *websocket.Conn, period time.Duration) {
    tick := time.NewTicker(period) //@RES-01
    var stats runtime.MemStats
    for range tick.C {
        runtime.ReadMemStats(&stats)
        if err := conn.WriteJSON(&stats); err != nil {
            return
        }
    }
}
'''))])

MUX_OLD = r'''
func (m *ClientManager) monitor(ctx context.Context) {
    timeout := m.defaultTimeout
    ticker := time.NewTicker(timeout)
    defer ticker.Stop()
    for {
        select {
        case <-ctx.Done():
            return
        case <-ticker.C:
            m.expireIdle(timeout)
        }
    }
}
'''
MUX_NEW = r'''
func (m *ClientManager) monitor(ctx context.Context) {
    timeout := m.defaultTimeout
    ticker := time.NewTicker(timeout)
    defer ticker.Stop()
    for {
        select {
        case <-ctx.Done():
            return
        case t := <-m.timeoutChanges:
            ticker.Stop()
            timeout = t
            ticker = time.NewTicker(timeout) //@RES-01
        case <-ticker.C:
            m.expireIdle(timeout)
        }
    }
}
'''
case('go-20-mux-monitor-replaces-ticker-deferred-stop-bound-early', 'https://github.com/v2ray/v2ray-core/pull/587',
     'an edit lets the idle monitor change its interval by replacing the ticker; the deferred Stop was bound to the first ticker, so the replacement is never stopped',
     files=[f('common/mux/client.go', old=go('mux', ['context', 'time'], MUX_OLD), new=go('mux', ['context', 'time'], MUX_NEW))])

case('go-ok-10-sampler-replaces-ticker-stopped-through-closure', 'https://github.com/coder/coder/pull/4630',
     'clean: the same replaceable ticker, but the deferred closure stops whichever ticker the variable holds when the loop ends',
     files=[f('agent/stats_sampler.go', new=go('agent', ['context', 'time'], r'''
func (s *Sampler) run(ctx context.Context) {
    interval := s.interval
    ticker := time.NewTicker(interval)
    defer func() { ticker.Stop() }()
    for {
        select {
        case <-ctx.Done():
            return
        case d := <-s.intervalChanges:
            ticker.Stop()
            interval = d
            ticker = time.NewTicker(interval)
        case <-ticker.C:
            s.sample(interval)
        }
    }
}
'''))])

case('go-ok-11-drift-checker-ticker-owned-by-start-stop', 'https://github.com/spacemeshos/go-spacemesh/pull/1630',
     'clean: a clock-drift checker creates its ticker in Start, keeps it in a field and stops it in Stop; the loop itself is driven by the caller',
     files=[f('timesync/drift.go', new=go('timesync', ['sync', 'time'], r'''
// DriftChecker compares the local clock with NTP at a fixed interval.
type DriftChecker struct {
    mu     sync.Mutex
    ticker *time.Ticker
    check  func() error
    report func(error)
}

// Start begins ticking; Stop must be called to release the ticker.
func (d *DriftChecker) Start(every time.Duration) <-chan time.Time {
    d.mu.Lock()
    defer d.mu.Unlock()
    d.ticker = time.NewTicker(every)
    return d.ticker.C
}

// Tick runs one check; the node's main loop calls it on every tick.
func (d *DriftChecker) Tick() {
    if err := d.check(); err != nil {
        d.report(err)
    }
}

// Stop releases the ticker.
func (d *DriftChecker) Stop() {
    d.mu.Lock()
    defer d.mu.Unlock()
    if d.ticker != nil {
        d.ticker.Stop()
        d.ticker = nil
    }
}
'''))])

# ============================================================== TMO-03: cancel functions
DIAGO_OLD = r'''
// Unregister removes the binding of this client from the registrar.
func (t *RegisterTransaction) Unregister() error {
    req := t.buildRequest(0)
    return t.send(req)
}
'''
DIAGO_NEW = r'''
// Unregister removes the binding of this client from the registrar, giving
// the registrar five seconds to answer.
func (t *RegisterTransaction) Unregister() error {
    ctx, _ := context.WithTimeout(context.Background(), 5*time.Second) //@TMO-03
    req := t.buildRequest(0)
    res, err := t.client.Do(ctx, req)
    if err != nil {
        return fmt.Errorf("unregister: %w", err)
    }
    if !res.IsSuccess() {
        return fmt.Errorf("unregister: %s", res.StartLine())
    }
    return nil
}
'''
case('go-21-sip-unregister-discards-cancel', 'https://github.com/emiago/diago/pull/165',
     'an unregister call gains a five-second deadline whose cancel function is discarded with the blank identifier',
     files=[f('register_transaction.go', old=go('diago', [], DIAGO_OLD), new=go('diago', ['context', 'fmt', 'time'], DIAGO_NEW))])

LOGG = r'''
type EnvelopeStream struct {
    stream loggregator_v2.Egress_BatchedReceiverClient
    cancel context.CancelFunc
}

// Close stops the stream and releases its context.
func (s *EnvelopeStream) Close() {
    s.cancel()
}
'''
case('go-22-egress-stream-open-error-keeps-context', 'https://github.com/cloudfoundry/go-loggregator/pull/29',
     'an egress client derives a cancelable context per stream and hands its cancel to the stream wrapper, but returns the open error without calling it',
     files=[f('rlp_gateway_client.go', new=go('loggregator', ['context', 'fmt', '', 'code.cloudfoundry.org/go-loggregator/v9/rpc/loggregator_v2'], LOGG + r'''
// Stream opens a batched receiver stream for the request.
func (c *EgressClient) Stream(ctx context.Context, req *loggregator_v2.EgressBatchRequest) (*EnvelopeStream, error) {
    sctx, cancel := context.WithCancel(ctx) //@TMO-03
    stream, err := c.client.BatchedReceiver(sctx, req)
    if err != nil {
        return nil, fmt.Errorf("open receiver: %w", err)
    }
    return &EnvelopeStream{stream: stream, cancel: cancel}, nil
}
'''))])

case('go-ok-12-egress-stream-cancels-on-open-error', 'https://github.com/open-telemetry/opentelemetry-go-contrib/pull/836',
     'clean: the same stream wrapper owns the cancel and calls it in Close; the open error path cancels before returning',
     files=[f('rlp_gateway_client.go', new=go('loggregator', ['context', 'fmt', '', 'code.cloudfoundry.org/go-loggregator/v9/rpc/loggregator_v2'], LOGG + r'''
// Stream opens a batched receiver stream for the request; the caller closes
// the returned stream.
func (c *EgressClient) Stream(ctx context.Context, req *loggregator_v2.EgressBatchRequest) (*EnvelopeStream, error) {
    sctx, cancel := context.WithCancel(ctx)
    stream, err := c.client.BatchedReceiver(sctx, req)
    if err != nil {
        cancel()
        return nil, fmt.Errorf("open receiver: %w", err)
    }
    return &EnvelopeStream{stream: stream, cancel: cancel}, nil
}
'''))])

case('go-ok-13-handler-span-and-timeout-both-deferred', 'https://github.com/ardanlabs/service/pull/63',
     'clean: a web handler starts an OpenTelemetry span and a derived timeout context and defers both End and cancel right away',
     files=[f('foundation/web/handler.go', new=go('web', ['context', 'net/http', 'time', '', 'go.opentelemetry.io/otel', 'go.opentelemetry.io/otel/attribute'], r'''
const handlerBudget = 10 * time.Second

// Handle wraps a handler with tracing and a per-request deadline.
func (a *App) Handle(method, path string, h Handler) {
    a.mux.HandleFunc(method+" "+path, func(w http.ResponseWriter, r *http.Request) {
        ctx, span := otel.Tracer("web").Start(r.Context(), "handler")
        defer span.End()
        span.SetAttributes(attribute.String("endpoint", method+" "+path))

        ctx, cancel := context.WithTimeout(ctx, handlerBudget)
        defer cancel()
        if err := h(ctx, w, r.WithContext(ctx)); err != nil {
            a.respondError(ctx, w, err)
        }
    })
}
'''))])

case('go-ok-14-storage-wrapper-detaches-then-bounds', 'https://github.com/openfga/openfga/pull/2292',
     'clean: a storage wrapper keeps the values of the request context without its cancellation (WithoutCancel), bounds the call with its own timeout and defers the cancel',
     files=[f('pkg/storage/storagewrappers/context.go', new=go('storagewrappers', ['context', 'time'], r'''
// ContextTracerWrapper runs reads on a context that survives the caller's
// cancellation (so a shared read is not aborted by one impatient caller) but
// is still bounded by its own timeout.
type ContextTracerWrapper struct {
    inner   Reader
    timeout time.Duration
}

func (c *ContextTracerWrapper) ReadTuples(ctx context.Context, store string, filter Filter) ([]Tuple, error) {
    detached := context.WithoutCancel(ctx)
    qctx, cancel := context.WithTimeout(detached, c.timeout)
    defer cancel()
    return c.inner.ReadTuples(qctx, store, filter)
}
'''))])

# ============================================================== TMO-01 / TMO-02
case('go-23-vcs-clients-built-without-timeout', 'https://github.com/tektoncd/pipelines-as-code/issues/1514',
     'the parameter clients gain an HTTP client for the git providers built from an empty http.Client literal: no timeout on any provider call',
     files=[f('pkg/params/clients/clients.go', new=go('clients', ['net/http', '', 'go.uber.org/zap'], r'''
type Clients struct {
    HTTP   http.Client
    Log    *zap.SugaredLogger
    ApiURL string
}

// NewClients prepares the clients used to talk to the git providers.
func NewClients(log *zap.SugaredLogger, apiURL string) *Clients {
    return &Clients{
        HTTP:   http.Client{}, //@TMO-01
        Log:    log,
        ApiURL: apiURL,
    }
}
'''))])

case('go-24-load-reporter-posts-with-default-client', 'https://github.com/yandex/pandora/pull/102',
     'a load-test reporter posts its summary with http.Post, that is the default client without any timeout',
     files=[f('core/report/webhook.go', new=go('report', ['bytes', 'encoding/json', 'fmt', 'net/http'], r'''
// Webhook posts the run summary to a configured URL.
type Webhook struct {
    URL string
}

func (w Webhook) Send(s Summary) error {
    body, err := json.Marshal(s)
    if err != nil {
        return err
    }
    resp, err := http.Post(w.URL, "application/json", bytes.NewReader(body)) //@TMO-01
    if err != nil {
        return fmt.Errorf("post summary: %w", err)
    }
    defer resp.Body.Close()
    if resp.StatusCode >= 300 {
        return fmt.Errorf("post summary: %s", resp.Status)
    }
    return nil
}
'''))])

case('go-ok-15-provider-client-has-transport-and-overall-timeouts', 'https://github.com/tektoncd/pipelines-as-code/issues/1514',
     'clean: the provider HTTP client gets an overall timeout and dial, TLS and response-header timeouts on its transport',
     files=[f('pkg/params/clients/http.go', new=go('clients', ['net', 'net/http', 'time'], r'''
// newProviderClient is shared by every git provider integration.
func newProviderClient() *http.Client {
    transport := &http.Transport{
        DialContext:           (&net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
        TLSHandshakeTimeout:   10 * time.Second,
        ResponseHeaderTimeout: 30 * time.Second,
        MaxIdleConnsPerHost:   16,
    }
    return &http.Client{Transport: transport, Timeout: 90 * time.Second}
}
'''))])

BLOCK_OLD = r'''
type blockHandler struct {
    store *gtfsdb.Queries
}

func (h *blockHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
    id := r.PathValue("id")
    if id == "" {
        http.Error(w, "missing block id", http.StatusBadRequest)
        return
    }
    h.respond(w, r, id)
}
'''
BLOCK_NEW = BLOCK_OLD + r'''
func (h *blockHandler) respond(w http.ResponseWriter, r *http.Request, id string) {
    ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second) //@TMO-02
    defer cancel()
    trips, err := h.store.GetTripsByBlock(ctx, id)
    if err != nil {
        http.Error(w, "lookup failed", http.StatusInternalServerError)
        return
    }
    writeJSON(w, trips)
}
'''
case('go-25-block-handler-queries-on-background-context', 'https://github.com/OneBusAway/maglev/issues/223',
     'a handler runs its database lookup on a fresh Background-derived context instead of the request context: a client that disconnects leaves the query running',
     files=[f('internal/restapi/block_handler.go', old=go('restapi', ['net/http'], BLOCK_OLD), new=go('restapi', ['context', 'net/http', 'time'], BLOCK_NEW))])

# ============================================================== CONC-05 (Go form): sleeping through cancellation
case('go-26-worker-retry-backoff-sleeps-through-shutdown', 'https://github.com/writer/cerebro/issues/273',
     'a job worker backs off with time.Sleep between receive failures: shutdown (the cancelled context) waits for the whole backoff',
     files=[f('internal/jobs/worker.go', new=go('jobs', ['context', 'log/slog', 'time'], r'''
const receiveBackoff = 5 * time.Second

// Run receives and processes jobs until ctx is cancelled.
func (w *Worker) Run(ctx context.Context) error {
    for ctx.Err() == nil {
        jobs, err := w.queue.Receive(ctx, w.batch)
        if err != nil {
            slog.Warn("receive failed", "err", err)
            time.Sleep(receiveBackoff) //@CONC-05
            continue
        }
        for _, j := range jobs {
            w.process(ctx, j)
        }
    }
    return ctx.Err()
}
'''))])

case('go-ok-16-retry-waits-on-timer-or-done', 'https://github.com/neo4j/neo4j-go-driver/pull/601',
     'clean: the retry state waits on a stopped-on-exit timer or the context, whichever comes first',
     files=[f('neo4j/internal/retry/state.go', new=go('retry', ['context', 'time'], r'''
// Continue reports whether another attempt should be made, after waiting the
// backoff or until ctx ends.
func (s *State) Continue(ctx context.Context) bool {
    if !s.retryable() {
        return false
    }
    wait := time.NewTimer(s.Throttle.delay())
    defer wait.Stop()
    select {
    case <-ctx.Done():
        s.Errs = append(s.Errs, ctx.Err())
        return false
    case <-wait.C:
        return true
    }
}
'''))])

# ============================================================== CONC-01 / CONC-06 / CONC-07: goroutine lifecycle
AUDIT_OLD = r'''
type AuditService struct {
    store AuditStore
    hooks []Webhook
}

// Record stores one audit entry.
func (s *AuditService) Record(ctx context.Context, e Entry) error {
    return s.store.Insert(ctx, e)
}
'''
AUDIT_NEW = r'''
type AuditService struct {
    store AuditStore
    hooks []Webhook
}

// Record stores one audit entry and notifies the webhooks without making the
// caller wait for them.
func (s *AuditService) Record(ctx context.Context, e Entry) error {
    if err := s.store.Insert(ctx, e); err != nil {
        return err
    }
    go s.dispatch(context.WithoutCancel(ctx), e) //@CONC-01
    return nil
}

func (s *AuditService) dispatch(ctx context.Context, e Entry) {
    for _, h := range s.hooks {
        if err := h.Send(ctx, e); err != nil {
            slog.Warn("webhook failed", "hook", h.Name, "err", err)
        }
    }
}
'''
case('go-27-audit-record-dispatches-webhooks-in-bare-goroutine', 'https://github.com/sqreen/go-agent/pull/64',
     'an audit service starts webhook dispatch in a bare goroutine started from a named method: a panic in any hook ends the process',
     files=[f('internal/audit/service.go', old=go('audit', ['context'], AUDIT_OLD), new=go('audit', ['context', 'log/slog'], AUDIT_NEW))])

case('go-ok-17-audit-dispatch-through-safego', 'https://github.com/sqreen/go-agent/pull/64',
     'clean: the dispatch goroutine starts through a safego helper (another file of the change) that recovers, logs and counts panics',
     files=[f('internal/audit/service.go', old=go('audit', ['context'], AUDIT_OLD),
              new=go('audit', ['context', 'log/slog', '', 'example.com/nexspence/internal/safego'], AUDIT_NEW.replace('    go s.dispatch(context.WithoutCancel(ctx), e) //@CONC-01', '    safego.Go(slog.Default(), "audit-webhooks", func() { s.dispatch(context.WithoutCancel(ctx), e) })'))),
            f('internal/safego/safego.go', new=go('safego', ['log/slog', 'runtime/debug', 'sync/atomic'], r'''
// Panics counts recovered panics; it is exported as a metric.
var Panics atomic.Int64

// Go runs fn in a new goroutine; a panic is recovered, logged with its stack
// and counted instead of ending the process.
func Go(log *slog.Logger, name string, fn func()) {
    go func() {
        defer func() {
            if p := recover(); p != nil {
                Panics.Add(1)
                log.Error("goroutine panicked", "name", name, "panic", p, "stack", string(debug.Stack()))
            }
        }()
        fn()
    }()
}
'''))])

case('go-28-parallel-steps-errgroup-wait-result-dropped', 'https://github.com/cschleiden/go-workflows/pull/462',
     'a workflow executor runs independent steps through an errgroup and then ignores what Wait returns: a failed step is reported as success',
     files=[f('internal/executor/parallel.go', new=go('executor', ['context', '', 'golang.org/x/sync/errgroup'], r'''
// runParallel executes steps concurrently, at most limit at a time.
func (e *Executor) runParallel(ctx context.Context, steps []Step, limit int) Result {
    g, gctx := errgroup.WithContext(ctx)
    g.SetLimit(limit)
    results := make([]StepResult, len(steps))
    for i, st := range steps {
        g.Go(func() error {
            r, err := e.runStep(gctx, st)
            results[i] = r
            return err
        })
    }
    g.Wait() //@CONC-06
    return Result{Steps: results, Status: StatusCompleted}
}
'''))])

case('go-ok-18-parallel-checks-errgroup-wait-checked-with-recover', 'https://github.com/ethersphere/bee/pull/5528',
     'clean: readiness checks run through an errgroup whose functions are wrapped by a recovering helper, and Wait\'s error is returned',
     files=[f('pkg/health/checks.go', new=go('health', ['context', 'fmt', '', 'golang.org/x/sync/errgroup'], r'''
// CheckAll runs every dependency check concurrently and returns the first
// failure.
func CheckAll(ctx context.Context, checks map[string]Check) error {
    g, gctx := errgroup.WithContext(ctx)
    for name, check := range checks {
        g.Go(safeRun(name, func() error { return check(gctx) }))
    }
    if err := g.Wait(); err != nil {
        return fmt.Errorf("readiness: %w", err)
    }
    return nil
}

// safeRun turns a panic of fn into an error of the group.
func safeRun(name string, fn func() error) func() error {
    return func() (err error) {
        defer func() {
            if p := recover(); p != nil {
                err = fmt.Errorf("check %s panicked: %v", name, p)
            }
        }()
        return fn()
    }
}
'''))])

case('go-29-metrics-sampler-loop-stops-on-first-error', 'https://github.com/pbinitiative/zenbpm/issues/545',
     'a background metrics sampler started with go from Start returns from its ticker loop on the first sampling error and has no recover: one bad sample stops sampling for good (or ends the process)',
     files=[f('internal/metrics/sampler.go', new=go('metrics', ['context', 'log/slog', 'time'], r'''
// Start launches the sampler; it runs until ctx is cancelled.
func (s *Sampler) Start(ctx context.Context) {
    go s.loop(ctx) //@CONC-07|CONC-01
}

func (s *Sampler) loop(ctx context.Context) {
    t := time.NewTicker(s.every)
    defer t.Stop()
    for {
        select {
        case <-ctx.Done():
            return
        case <-t.C:
            if err := s.sampleOnce(ctx); err != nil {
                slog.Error("sampling failed", "err", err)
                return //@~CONC-07
            }
        }
    }
}
'''))])

case('go-ok-19-cron-loop-recovers-each-iteration', 'https://github.com/meshery/meshery/issues/20445',
     'clean: a ticker loop runs each iteration through a function that defers a recover and logs errors, and it is started through the service\'s safe starter',
     files=[f('server/cleanup/loop.go', new=go('cleanup', ['context', 'log/slog', 'runtime/debug', 'time'], r'''
// Start runs the cleanup every interval until ctx ends.
func (c *Cleaner) Start(ctx context.Context) {
    c.starter.Go("cleanup", func() { c.loop(ctx) })
}

func (c *Cleaner) loop(ctx context.Context) {
    t := time.NewTicker(c.every)
    defer t.Stop()
    for {
        select {
        case <-ctx.Done():
            return
        case <-t.C:
            c.runOnce(ctx)
        }
    }
}

// runOnce keeps one failing or panicking run from ending the schedule.
func (c *Cleaner) runOnce(ctx context.Context) {
    defer func() {
        if p := recover(); p != nil {
            c.failures.Inc()
            slog.Error("cleanup panicked", "panic", p, "stack", string(debug.Stack()))
        }
    }()
    if err := c.cleanup(ctx); err != nil {
        c.failures.Inc()
        slog.Error("cleanup failed", "err", err)
        return
    }
    c.lastSuccess.SetToCurrentTime()
}
'''))])

# ============================================================== TX-01 / TX-02: transactions (sqlc generated file beside)
ENTITY_OLD = r'''
// Save writes the entity and its outbox message in one transaction.
func (s *Service) Save(ctx context.Context, e *Entity) error {
    tx, err := s.db.BeginTx(ctx, nil)
    if err != nil {
        return fmt.Errorf("begin: %w", err)
    }
    defer tx.Rollback()

    q := s.queries.WithTx(tx)
    if err := q.UpsertEntity(ctx, e.params()); err != nil {
        return fmt.Errorf("upsert entity %s: %w", e.ID, err)
    }
    if err := q.InsertOutbox(ctx, e.outboxParams()); err != nil {
        return fmt.Errorf("outbox for %s: %w", e.ID, err)
    }
    return tx.Commit()
}
'''
ENTITY_NEW = r'''
// Save writes the entity and its outbox message in one transaction; a stale
// version is reported as a conflict.
func (s *Service) Save(ctx context.Context, e *Entity) error {
    tx, err := s.db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead}) //@TX-01
    if err != nil {
        return fmt.Errorf("begin: %w", err)
    }

    q := s.queries.WithTx(tx)
    current, err := q.GetEntityVersion(ctx, e.ID)
    if err != nil && !errors.Is(err, sql.ErrNoRows) {
        tx.Rollback()
        return fmt.Errorf("version of %s: %w", e.ID, err)
    }
    if current > e.Version {
        return ErrConflict
    }
    if err := q.UpsertEntity(ctx, e.params()); err != nil {
        tx.Rollback()
        return fmt.Errorf("upsert entity %s: %w", e.ID, err)
    }
    if err := q.InsertOutbox(ctx, e.outboxParams()); err != nil {
        tx.Rollback()
        return fmt.Errorf("outbox for %s: %w", e.ID, err)
    }
    return tx.Commit()
}
'''
SQLC = '// Code generated by sqlc. DO NOT EDIT.\n// versions:\n//   sqlc v1.27.0\n// source: entity.sql\n\n'
SQLC_BODY = r'''
const getEntityVersion = `-- name: GetEntityVersion :one
SELECT version FROM entities WHERE id = $1
`

func (q *Queries) GetEntityVersion(ctx context.Context, id string) (int64, error) {
    row := q.db.QueryRowContext(ctx, getEntityVersion, id)
    var version int64
    err := row.Scan(&version)
    return version, err
}

const listOutbox = `-- name: ListOutbox :many
SELECT id, entity_id, payload FROM outbox ORDER BY id LIMIT $1
`

func (q *Queries) ListOutbox(ctx context.Context, limit int32) ([]Outbox, error) {
    rows, err := q.db.QueryContext(ctx, listOutbox, limit)
    if err != nil {
        return nil, err
    }
    defer rows.Close()
    var items []Outbox
    for rows.Next() {
        var i Outbox
        if err := rows.Scan(&i.ID, &i.EntityID, &i.Payload); err != nil {
            return nil, err
        }
        items = append(items, i)
    }
    if err := rows.Close(); err != nil {
        return nil, err
    }
    return items, rows.Err()
}
'''
case('go-30-entity-save-conflict-return-skips-rollback', 'https://github.com/Cyoda/cyoda-go/issues/471',
     'an edit of a transactional Save replaces the deferred rollback by plain rollback calls on each error branch and adds a version check whose conflict return rolls nothing back; the sqlc-generated queries file changes too (not reviewed)',
     files=[f('internal/domain/entity/service.go', old=go('entity', ['context', 'fmt'], ENTITY_OLD),
              new=go('entity', ['context', 'database/sql', 'errors', 'fmt'], ENTITY_NEW)),
            f('internal/db/entity.sql.go', old=go('db', ['context'], SQLC_BODY.split('const listOutbox')[0], header=SQLC),
              new=go('db', ['context'], SQLC_BODY, header=SQLC))])

case('go-ok-20-entity-save-deferred-rollback-guard', 'https://github.com/Cyoda/cyoda-go/issues/471',
     'clean: the same Save with the conflict check, but the rollback is deferred once right after Begin (a no-op after Commit)',
     files=[f('internal/domain/entity/service.go', old=go('entity', ['context', 'fmt'], ENTITY_OLD),
              new=go('entity', ['context', 'database/sql', 'errors', 'fmt'], r'''
// Save writes the entity and its outbox message in one transaction; a stale
// version is reported as a conflict.
func (s *Service) Save(ctx context.Context, e *Entity) error {
    tx, err := s.db.BeginTx(ctx, nil)
    if err != nil {
        return fmt.Errorf("begin: %w", err)
    }
    defer tx.Rollback() // after a successful Commit this returns ErrTxDone, which is fine

    q := s.queries.WithTx(tx)
    current, err := q.GetEntityVersion(ctx, e.ID)
    if err != nil && !errors.Is(err, sql.ErrNoRows) {
        return fmt.Errorf("version of %s: %w", e.ID, err)
    }
    if current > e.Version {
        return ErrConflict
    }
    if err := q.UpsertEntity(ctx, e.params()); err != nil {
        return fmt.Errorf("upsert entity %s: %w", e.ID, err)
    }
    if err := q.InsertOutbox(ctx, e.outboxParams()); err != nil {
        return fmt.Errorf("outbox for %s: %w", e.ID, err)
    }
    return tx.Commit()
}
'''))])

case('go-31-pgx-tx-rollback-skipped-on-cancelled-context', 'https://github.com/do-indeksa/platform/issues/345',
     'a deferred-rollback helper for pgx v5 returns early when the request context is already cancelled, so the transaction (and its pool connection) is never ended on that path',
     files=[f('pkg/repository/tx.go', new=go('repository', ['context', 'errors', 'log/slog', '', 'github.com/jackc/pgx/v5', 'github.com/jackc/pgx/v5/pgxpool'], r'''
// PrepareTx begins a transaction on the pool and returns the commit function
// and the rollback function the caller defers.
func PrepareTx(ctx context.Context, pool *pgxpool.Pool) (pgx.Tx, func(context.Context) error, func(), error) {
    tx, err := pool.Begin(ctx) //@TX-01
    if err != nil {
        return nil, nil, nil, err
    }
    commit := func(ctx context.Context) error { return tx.Commit(ctx) }
    rollback := func() {
        if ctx.Err() != nil {
            return
        }
        if err := tx.Rollback(ctx); err != nil && !errors.Is(err, pgx.ErrTxClosed) {
            slog.Error("rollback failed", "err", err)
        }
    }
    return tx, commit, rollback, nil
}
'''))])

case('go-32-outbox-relay-discards-commit-error', 'https://github.com/apache/rocketmq-clients/pull/1271',
     'an outbox relay marks messages as dispatched inside a transaction and discards the error of Commit',
     files=[f('storage/postgres/relay.go', new=go('postgres', ['context', 'database/sql', 'fmt'], r'''
// MarkDispatched flags the messages as sent.
func (p *Postgres) MarkDispatched(ctx context.Context, ids []int64) error {
    tx, err := p.db.BeginTx(ctx, nil)
    if err != nil {
        return err
    }
    defer tx.Rollback()
    for _, id := range ids {
        if _, err := tx.ExecContext(ctx, `UPDATE event_store SET dispatched = true, dispatched_at = now() WHERE id = $1`, id); err != nil {
            return fmt.Errorf("mark %d: %w", id, err)
        }
    }
    _ = tx.Commit() //@TX-02|ERR-01
    return nil
}

var _ = sql.ErrNoRows
'''))])

# ============================================================== ERR-01
case('go-33-tool-arguments-unmarshal-error-discarded', 'https://github.com/yubing744/chatgpt-go/issues/4',
     'a tool dispatcher decodes the model\'s arguments and discards the Unmarshal error, running the tool with zero values',
     files=[f('pkg/tools/dispatch.go', new=go('tools', ['context', 'encoding/json', 'fmt'], r'''
type searchArgs struct {
    Query string `json:"query"`
    Limit int    `json:"limit"`
}

// Dispatch runs the tool the model asked for.
func (d *Dispatcher) Dispatch(ctx context.Context, name string, raw []byte) (string, error) {
    switch name {
    case "search":
        var args searchArgs
        _ = json.Unmarshal(raw, &args) //@ERR-01
        if args.Limit == 0 {
            args.Limit = 10
        }
        return d.search(ctx, args.Query, args.Limit)
    default:
        return "", fmt.Errorf("unknown tool %q", name)
    }
}
'''))])

case('go-34-response-decode-error-wrapped-then-dropped', 'https://github.com/anthropics/anthropic-sdk-go/issues/69',
     'a request helper wraps a JSON decode error with context and then returns nil: the caller sees success with an empty result',
     files=[f('internal/requestconfig/execute.go', new=go('requestconfig', ['encoding/json', 'fmt', 'io', 'net/http'], r'''
// decodeResponse fills dst from the body of a successful response.
func decodeResponse(res *http.Response, dst any) error {
    defer res.Body.Close()
    body, err := io.ReadAll(res.Body)
    if err != nil {
        return fmt.Errorf("read response: %w", err)
    }
    if err := json.Unmarshal(body, dst); err != nil {
        err = fmt.Errorf("decode %s response: %w", res.Request.URL.Path, err) //@ERR-01
        return nil
    }
    return nil
}
'''))])

case('go-ok-21-deadline-reset-error-ignored-with-reason', 'https://github.com/anthropics/anthropic-sdk-go/issues/69',
     'clean: a connection wrapper ignores the errors of SetDeadline and of closing a connection it is abandoning, each with a comment saying why',
     files=[f('internal/conn/idle.go', new=go('conn', ['net', 'time'], r'''
// idleConn closes connections that stay silent longer than timeout.
type idleConn struct {
    net.Conn
    timeout time.Duration
}

func (c *idleConn) Read(p []byte) (int, error) {
    // A failed deadline update only means the next read is not bounded; the
    // read itself reports any real problem with the connection.
    _ = c.Conn.SetReadDeadline(time.Now().Add(c.timeout))
    n, err := c.Conn.Read(p)
    if ne, ok := err.(net.Error); ok && ne.Timeout() {
        _ = c.Conn.Close() // abandoning an idle peer; the timeout error below is what the caller needs
    }
    return n, err
}
'''))])

# ============================================================== LOG-01: logging in hot paths
case('go-35-gcs-sink-logs-every-record-at-info', 'https://github.com/Aiven-Open/gcs-connector-for-apache-kafka/pull/24',
     'a storage sink logs every record it buffers at info level with zap, inside the loop over the polled batch',
     files=[f('sink/gcs/writer.go', new=go('gcs', ['context', '', 'github.com/twmb/franz-go/pkg/kgo', 'go.uber.org/zap'], r'''
// Put buffers the records of one poll and flushes full files.
func (w *Writer) Put(ctx context.Context, records []*kgo.Record) error {
    for _, r := range records {
        w.log.Info("buffering record", //@LOG-01
            zap.String("topic", r.Topic), zap.Int32("partition", r.Partition), zap.Int64("offset", r.Offset))
        if err := w.buffer.Add(r); err != nil {
            return err
        }
        if w.buffer.Full() {
            if err := w.flush(ctx); err != nil {
                return err
            }
        }
    }
    return nil
}
'''))])

PHOBOS_OLD = r'''
// consume handles the messages of one fetch.
func (l *Listener) consume(ctx context.Context, msgs []Message) error {
    for _, m := range msgs {
        if err := l.handler.Handle(ctx, m); err != nil {
            return fmt.Errorf("message %d: %w", m.Offset, err)
        }
    }
    return nil
}
'''
PHOBOS_NEW = PHOBOS_OLD.replace('''    for _, m := range msgs {
        if err''', '''    for _, m := range msgs {
        l.log.Info("consumed message", "topic", m.Topic, "offset", m.Offset, "key", string(m.Key)) //@LOG-01
        if err''')
case('go-36-listener-logs-each-message-with-slog', 'https://github.com/phobos/phobos/pull/78',
     'an edit of a consumer\'s batch loop adds an info-level slog line per consumed message',
     files=[f('listener/consume.go', old=go('listener', ['context', 'fmt'], PHOBOS_OLD), new=go('listener', ['context', 'fmt'], PHOBOS_NEW))])

case('go-ok-22-listener-debug-behind-enabled-check-and-summary', 'https://github.com/phobos/phobos/pull/78',
     'clean: the per-message line is debug level behind an Enabled check, and one info summary is written per batch',
     files=[f('listener/consume.go', old=go('listener', ['context', 'fmt'], PHOBOS_OLD), new=go('listener', ['context', 'fmt', 'log/slog'], r'''
// consume handles the messages of one fetch.
func (l *Listener) consume(ctx context.Context, msgs []Message) error {
    debug := l.log.Enabled(ctx, slog.LevelDebug)
    for _, m := range msgs {
        if debug {
            l.log.DebugContext(ctx, "consumed message", "topic", m.Topic, "offset", m.Offset)
        }
        if err := l.handler.Handle(ctx, m); err != nil {
            return fmt.Errorf("message %d: %w", m.Offset, err)
        }
    }
    l.log.InfoContext(ctx, "batch consumed", "messages", len(msgs))
    return nil
}
'''))])

# ============================================================== HTTP-01: middleware and request bodies
case('go-37-capture-middleware-closes-request-body', 'https://github.com/snyk/go-application-framework/pull/703',
     'a capture middleware peeks at the request body and defers a close of the original body, which belongs to the server, before calling the next handler',
     files=[f('pkg/networking/middleware/capture.go', new=go('middleware', ['bytes', 'io', 'net/http'], r'''
const maxCapture = 64 << 10

// Capture records the first bytes of each request body for diagnostics.
func Capture(rec Recorder, next http.Handler) http.Handler {
    return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
        body := r.Body
        defer body.Close() //@HTTP-01
        head, err := io.ReadAll(io.LimitReader(body, maxCapture))
        if err != nil {
            http.Error(w, "bad request body", http.StatusBadRequest)
            return
        }
        rec.Record(r.Method, r.URL.Path, head)
        r.Body = io.NopCloser(io.MultiReader(bytes.NewReader(head), body))
        next.ServeHTTP(w, r)
    })
}
'''))])

case('go-ok-23-relay-handler-reads-and-closes-own-body', 'https://github.com/networknext/next/issues/800',
     'clean: a handler (not a middleware) reads the whole request body and closes it; this is the handler\'s own body',
     files=[f('modules/relay/update_handler.go', new=go('relay', ['io', 'net/http'], r'''
const maxUpdate = 1 << 20

// UpdateHandler accepts relay update packets.
func (h *Handlers) UpdateHandler(w http.ResponseWriter, r *http.Request) {
    body, err := io.ReadAll(io.LimitReader(r.Body, maxUpdate))
    r.Body.Close()
    if err != nil {
        w.WriteHeader(http.StatusBadRequest)
        return
    }
    if err := h.relays.ApplyUpdate(r.Context(), body); err != nil {
        w.WriteHeader(http.StatusInternalServerError)
        return
    }
    w.WriteHeader(http.StatusOK)
}
'''))])

# ============================================================== MEM-02: pooled buffers
case('go-38-key-encoder-returns-pooled-buffer-bytes', 'https://github.com/go-bond/bond/pull/145',
     'a key encoder builds keys in a pooled bytes.Buffer, puts the buffer back and returns its Bytes(), which alias the pooled memory',
     files=[f('key_encoder.go', new=go('bond', ['bytes', 'encoding/binary', 'sync'], r'''
var keyBufferPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// EncodeKey builds the storage key of a record of table.
func EncodeKey(table uint8, index uint8, primary []byte) []byte {
    buf := keyBufferPool.Get().(*bytes.Buffer)
    buf.Reset()
    buf.WriteByte(table)
    buf.WriteByte(index)
    var n [4]byte
    binary.BigEndian.PutUint32(n[:], uint32(len(primary)))
    buf.Write(n[:])
    buf.Write(primary)
    keyBufferPool.Put(buf) //@MEM-02
    return buf.Bytes()
}
'''))])

case('go-39-token-result-refurbished-then-read', 'https://github.com/alibaba/sentinel-golang/issues/144',
     'an entry exit path returns the pooled token result to its pool and then reads its status for the metric',
     files=[f('core/base/entry.go', new=go('base', ['sync'], r'''
var tokenResultPool = sync.Pool{New: func() any { return new(TokenResult) }}

func NewTokenResultPass() *TokenResult {
    r := tokenResultPool.Get().(*TokenResult)
    r.status = ResultStatusPass
    return r
}

// Exit finishes the entry and records whether it was blocked.
func (e *SentinelEntry) Exit() {
    res := e.ctx.RuleCheckResult
    e.ctx.RuleCheckResult = nil
    tokenResultPool.Put(res) //@MEM-02
    if res.IsBlocked() {
        e.stat.AddBlocked(1)
    }
    e.release()
}
'''))])

case('go-ok-24-frame-payload-cloned-before-buffer-released', 'https://github.com/rsocket/rsocket-go/pull/136',
     'clean: a frame decoder copies the used bytes out of the pooled buffer before releasing it; only the copy leaves the function',
     files=[f('internal/framing/decode.go', new=go('framing', ['bytes', 'io', 'sync'], r'''
var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// ReadPayload reads one length-prefixed payload from r.
func ReadPayload(r io.Reader, n int64) ([]byte, error) {
    buf := bufPool.Get().(*bytes.Buffer)
    buf.Reset()
    defer bufPool.Put(buf)
    if _, err := io.CopyN(buf, r, n); err != nil {
        return nil, err
    }
    return bytes.Clone(buf.Bytes()), nil
}
'''))])

# ============================================================== TMO-02 with vendored code; RES-01 rows with continue
TENANT_OLD = r'''
// TenantHandler lists the tenants of the cluster.
func (a *API) TenantHandler(w http.ResponseWriter, r *http.Request) {
    tenants, err := a.store.ListTenants(r.Context())
    if err != nil {
        http.Error(w, err.Error(), http.StatusInternalServerError)
        return
    }
    writeJSON(w, tenants)
}
'''
TENANT_NEW = TENANT_OLD + r'''
// TenantUsageHandler reports the storage usage of one tenant.
func (a *API) TenantUsageHandler(w http.ResponseWriter, r *http.Request) {
    name := r.PathValue("tenant")
    usage, err := a.store.TenantUsage(context.TODO(), name) //@TMO-02
    if err != nil {
        http.Error(w, err.Error(), http.StatusInternalServerError)
        return
    }
    writeJSON(w, usage)
}
'''
VENDORED = r'''
// Package usage is a vendored copy of the usage client.
package usage

import (
    "context"
    "net/http"
)

// Fetch is vendored; it is not this repository's code.
func Fetch(ctx context.Context, c *http.Client, url string) (*http.Response, error) {
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
    if err != nil {
        return nil, err
    }
    return c.Do(req)
}
'''
case('go-40-tenant-usage-handler-uses-todo-context', 'https://github.com/minio/operator/pull/404',
     'a new console handler queries tenant usage with context.TODO instead of the request context; the change also vendors a usage client (vendor/, not reviewed) and updates vendor/modules.txt',
     files=[f('api/tenants.go', old=go('api', ['net/http'], TENANT_OLD), new=go('api', ['context', 'net/http'], TENANT_NEW)),
            f('vendor/github.com/minio/usage/fetch.go', new=VENDORED.replace('    ', '\t')),
            f('vendor/modules.txt', old='# github.com/minio/madmin-go/v3 v3.0.70\n## explicit; go 1.21\ngithub.com/minio/madmin-go/v3\n',
              new='# github.com/minio/madmin-go/v3 v3.0.70\n## explicit; go 1.21\ngithub.com/minio/madmin-go/v3\n# github.com/minio/usage v0.4.1\n## explicit; go 1.22\ngithub.com/minio/usage\n')])

case('go-41-report-rows-loop-returns-before-close', 'https://github.com/jackskj/protoc-gen-map/issues/4',
     'a report query closes its rows after the loop; a scan error or an unknown status inside the loop returns with the rows (and their connection) still held',
     files=[f('report/status.go', new=go('report', ['context', 'database/sql', 'fmt'], r'''
// StatusCounts counts orders per status since the given day.
func StatusCounts(ctx context.Context, db *sql.DB, since string) (map[Status]int, error) {
    rows, err := db.QueryContext(ctx, `SELECT status, count(*) FROM orders WHERE created_at >= $1 GROUP BY status`, since) //@RES-01
    if err != nil {
        return nil, err
    }
    out := map[Status]int{}
    for rows.Next() {
        var s string
        var n int
        if err := rows.Scan(&s, &n); err != nil {
            return nil, err
        }
        st, ok := parseStatus(s)
        if !ok {
            return nil, fmt.Errorf("unknown status %q", s)
        }
        out[st] = n
    }
    if err := rows.Err(); err != nil {
        return nil, err
    }
    rows.Close()
    return out, nil
}
'''))])

case('go-ok-25-report-rows-closed-through-helper', 'https://github.com/jackskj/protoc-gen-map/issues/4',
     'clean: the same report defers a package helper (another file) that closes the rows and folds the close error into the result',
     files=[f('report/status.go', new=go('report', ['context', 'database/sql', 'fmt'], r'''
// StatusCounts counts orders per status since the given day.
func StatusCounts(ctx context.Context, db *sql.DB, since string) (_ map[Status]int, err error) {
    rows, err := db.QueryContext(ctx, `SELECT status, count(*) FROM orders WHERE created_at >= $1 GROUP BY status`, since)
    if err != nil {
        return nil, err
    }
    defer finish(rows, &err)
    out := map[Status]int{}
    for rows.Next() {
        var s string
        var n int
        if err := rows.Scan(&s, &n); err != nil {
            return nil, err
        }
        st, ok := parseStatus(s)
        if !ok {
            return nil, fmt.Errorf("unknown status %q", s)
        }
        out[st] = n
    }
    return out, rows.Err()
}
''')),
            f('report/rows.go', new=go('report', ['database/sql', 'errors'], r'''
// finish closes rows and keeps the first error.
func finish(rows *sql.Rows, err *error) {
    *err = errors.Join(*err, rows.Close())
}
'''))])
