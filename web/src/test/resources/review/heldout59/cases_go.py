"""Round-59 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- RES-01 / RES-03: policy adapter on a redigo pool (casbin-redis-adapter)
CASBINREDIS = template('casbin-redis-adapter-policies', r'''
// Adapter stores casbin policy lines as JSON items of one Redis list.
type Adapter struct {
    pool *redis.Pool
    key  string
}

// NewAdapter returns an adapter that borrows its connections from pool.
func NewAdapter(pool *redis.Pool, key string) *Adapter {
    if key == "" {
        key = "casbin_rules"
    }
    return &Adapter{pool: pool, key: key}
}

// LoadPolicy reads every stored rule into the model.
func (a *Adapter) LoadPolicy(m model.Model) error {
    conn := a.pool.Get()
    defer conn.Close()

    items, err := redis.ByteSlices(conn.Do("LRANGE", a.key, 0, -1))
    if err != nil {
        return fmt.Errorf("load policy from %s: %w", a.key, err)
    }
    for _, item := range items {
        var line CasbinRule
        if err := json.Unmarshal(item, &line); err != nil {
            return fmt.Errorf("decode policy line %q: %w", item, err)
        }
        loadPolicyLine(line, m)
    }
    return nil
}

// AddPolicy appends one rule to the list.
func (a *Adapter) AddPolicy(sec string, ptype string, rule []string) error {
    text, err := json.Marshal(savePolicyLine(ptype, rule))
    if err != nil {
        return err
    }
    conn := a.pool.Get() //@{1}RES-01
02|    defer conn.Close()

    if _, err := conn.Do("RPUSH", a.key, text); err != nil {
        return fmt.Errorf("add policy %v: %w", rule, err)
    }
    return nil
}

// RemovePolicies removes each of the rules once; a rule stored twice keeps its second copy.
func (a *Adapter) RemovePolicies(sec string, ptype string, rules [][]string) error {
01|    conn := a.pool.Get()
01|    defer conn.Close()
01|
    for _, rule := range rules {
        text, err := json.Marshal(savePolicyLine(ptype, rule))
        if err != nil {
            return err
        }
2|        conn := a.pool.Get()
2|        defer conn.Close() //@RES-03
        if _, err := conn.Do("LREM", a.key, 1, text); err != nil {
            return fmt.Errorf("remove policy %v: %w", rule, err)
        }
    }
    return nil
}
''')
cases_of(case, GH + 'apache/casbin-redis-adapter/pull/44', 'adapter.go',
         G('redisadapter', ['encoding/json', 'fmt', '', 'github.com/casbin/casbin/v2/model',
                            'github.com/gomodule/redigo/redis'])(CASBINREDIS), [
             (1, 'go-00-casbin-redis-adapter-added-rule-conn-never-returned',
              'an edit drops the deferred close of the pooled Redis connection AddPolicy borrows, so every added '
              'rule keeps a connection and the pool reports exhaustion', 'edit'),
             (2, 'go-00-casbin-redis-adapter-removal-defers-close-in-loop',
              'an edit borrows a connection per removed rule and defers its close inside the loop, so removing a '
              'large batch holds one pooled connection per rule until the function returns', 'edit'),
             (0, 'go-ok-00-casbin-redis-adapter-added-rule-conn-returned',
              'clean: the fix returns AddPolicy\'s connection to the pool by defer', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / TMO-02: distributed breaker store on Redis (gobreaker)
GOBREAKER = template('gobreaker-redis-store', r'''
const (
    mutexExpiry = 8 * time.Second
    mutexTries  = 32
)

// Store keeps the shared state of distributed circuit breakers in Redis, guarding each breaker with a redsync mutex.
type Store struct {
    ctx    context.Context
    client goredis.UniversalClient
    rs     *redsync.Redsync
    mu     sync.Mutex
    mutex  map[string]*redsync.Mutex
}

// NewStoreFromClient wraps an existing client; ctx bounds every call the store makes.
func NewStoreFromClient(ctx context.Context, client goredis.UniversalClient) *Store {
    return &Store{
        ctx:    ctx,
        client: client,
        rs:     redsync.New(redsyncgoredis.NewPool(client)),
        mutex:  make(map[string]*redsync.Mutex),
    }
}

// Lock takes the named breaker's distributed mutex, creating it on first use.
func (s *Store) Lock(name string) error {
02|    s.mu.Lock()
    mutex, ok := s.mutex[name]
    if !ok {
        mutex = s.rs.NewMutex(name, redsync.WithExpiry(mutexExpiry), redsync.WithTries(mutexTries))
        s.mutex[name] = mutex //@{1}CONC-03
    }
02|    s.mu.Unlock()
    return mutex.LockContext(s.ctx)
}

// Unlock releases the named breaker's mutex.
func (s *Store) Unlock(name string) error {
    s.mu.Lock()
    mutex, ok := s.mutex[name]
    s.mu.Unlock()
    if !ok {
        return fmt.Errorf("gobreaker: mutex %q was never locked", name)
    }
    released, err := mutex.UnlockContext(s.ctx)
    if err != nil {
        return err
    }
    if !released {
        return fmt.Errorf("gobreaker: mutex %q expired before it was released", name)
    }
    return nil
}

// GetData reads the breaker's shared state; a missing key is an empty state.
func (s *Store) GetData(name string) ([]byte, error) {
01|    data, err := s.client.Get(s.ctx, name).Bytes()
2|    data, err := s.client.Get(context.Background(), name).Bytes() //@TMO-02
    if errors.Is(err, goredis.Nil) {
        return nil, nil
    }
    return data, err
}

// SetData writes the breaker's shared state.
func (s *Store) SetData(name string, data []byte) error {
    return s.client.Set(s.ctx, name, data, 0).Err()
}
''')
cases_of(case, GH + 'sony/gobreaker/pull/120', 'v2/distributed/redis_store.go',
         G('distributed', ['context', 'errors', 'fmt', 'sync', 'time', '', 'github.com/go-redsync/redsync/v4',
                           'redsyncgoredis github.com/go-redsync/redsync/v4/redis/goredis/v9',
                           'goredis github.com/redis/go-redis/v9'])(GOBREAKER), [
             (1, 'go-00-gobreaker-store-mutex-map-written-without-lock',
              'an edit drops the store\'s lock around its map of breaker mutexes, so two breakers sharing a store '
              'create their mutexes at once and the process dies with concurrent map writes', 'edit'),
             (2, 'go-00-gobreaker-store-state-read-on-background-context',
              'an edit reads the shared breaker state on a fresh background context, so a cancelled caller still '
              'waits for Redis and the store\'s deadline no longer applies', 'edit'),
             (0, 'go-ok-00-gobreaker-store-mutex-map-locked',
              'clean: the fix creates and looks up breaker mutexes under the store\'s lock', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / LOG-01: consumer-lag input of a metrics agent on Kafka (categraf)
CATEGRAF = template('categraf-kafka-lag', r'''
// Instance is one configured Kafka cluster whose consumer-group lag the agent reports.
type Instance struct {
    Brokers  []string        `toml:"kafka_uris"`
    Groups   []string        `toml:"groups"`
    Timeout  config.Duration `toml:"timeout"`
    SASLUser string          `toml:"sasl_username"`
    SASLPass string          `toml:"sasl_password"`
    version  sarama.KafkaVersion
}

func (ins *Instance) newClient() (sarama.Client, error) {
    cfg := sarama.NewConfig()
    cfg.ClientID = "categraf"
    cfg.Version = ins.version
    if ins.SASLUser != "" {
        cfg.Net.SASL.Enable = true
        cfg.Net.SASL.User = ins.SASLUser
        cfg.Net.SASL.Password = ins.SASLPass
    }
02|    cfg.Net.DialTimeout = time.Duration(ins.Timeout)
02|    cfg.Net.ReadTimeout = time.Duration(ins.Timeout)
02|    cfg.Net.WriteTimeout = time.Duration(ins.Timeout)
02|    cfg.Metadata.Timeout = time.Duration(ins.Timeout)
    return sarama.NewClient(ins.Brokers, cfg) //@{1}TMO-01
}

// Gather reports, per group, topic and partition, how far the committed offset trails the newest one.
func (ins *Instance) Gather(slist *types.SampleList) {
    client, err := ins.newClient()
    if err != nil {
        log.Println("E! kafka: failed to connect to", ins.Brokers, ":", err)
        return
    }
    defer client.Close()

    admin, err := sarama.NewClusterAdminFromClient(client)
    if err != nil {
        log.Println("E! kafka: failed to create cluster admin:", err)
        return
    }
    for _, group := range ins.Groups {
        offsets, err := admin.ListConsumerGroupOffsets(group, nil)
        if err != nil {
            log.Println("E! kafka: failed to list offsets of group", group, ":", err)
            continue
        }
        for topic, partitions := range offsets.Blocks {
            for partition, block := range partitions {
                newest, err := client.GetOffset(topic, partition, sarama.OffsetNewest)
                if err != nil {
                    continue
                }
                lag := newest - block.Offset
2|                log.Println("I! kafka: group", group, "topic", topic, "partition", partition, "lag", lag) //@LOG-01
                slist.PushSample("kafka", "consumergroup_lag", lag, map[string]string{
                    "consumergroup": group, "topic": topic, "partition": strconv.Itoa(int(partition)),
                })
            }
        }
    }
}
''')
cases_of(case, GH + 'flashcatcloud/categraf/pull/1176', 'inputs/kafka/kafka.go',
         GV('kafka', {0: ['log', 'strconv', 'time', '', 'flashcat.cloud/categraf/config',
                          'flashcat.cloud/categraf/types', 'github.com/IBM/sarama'],
                      1: ['log', 'strconv', '', 'flashcat.cloud/categraf/config',
                          'flashcat.cloud/categraf/types', 'github.com/IBM/sarama'],
                      2: ['log', 'strconv', 'time', '', 'flashcat.cloud/categraf/config',
                          'flashcat.cloud/categraf/types', 'github.com/IBM/sarama']})(CATEGRAF), [
             (1, 'go-00-categraf-kafka-client-without-timeouts',
              'an edit builds the Kafka client without dial, read, write and metadata timeouts, so one broker that '
              'accepts but never answers stalls the whole collection cycle', 'edit'),
             (2, 'go-00-categraf-kafka-lag-logged-per-partition',
              'an edit logs the lag of every group, topic and partition on every collection, so a large cluster '
              'writes thousands of lines a minute', 'edit'),
             (0, 'go-ok-00-categraf-kafka-client-with-timeouts',
              'clean: the fix bounds the client\'s dial, reads, writes and metadata requests by the instance timeout',
              'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / TMO-03: gRPC connection of a vector database client (weaviate-go-client)
WEAVIATE = template('weaviate-grpc-client', r'''
// GrpcClient talks to Weaviate's gRPC API for batch imports.
type GrpcClient struct {
    conn    *grpc.ClientConn
    client  pb.WeaviateClient
    headers map[string]string
    timeout time.Duration
}

// NewGrpcClient dials host and waits until the connection is ready.
func NewGrpcClient(host string, secured bool, headers map[string]string, timeout time.Duration) (*GrpcClient, error) {
    opts := []grpc.DialOption{grpc.WithBlock()}
    if secured {
        opts = append(opts, grpc.WithTransportCredentials(credentials.NewTLS(&tls.Config{MinVersion: tls.VersionTLS12})))
    } else {
        opts = append(opts, grpc.WithTransportCredentials(insecure.NewCredentials()))
    }
02|    ctx, cancel := context.WithTimeout(context.Background(), timeout)
02|    defer cancel()
02|    conn, err := grpc.DialContext(ctx, host, opts...)
1|    conn, err := grpc.DialContext(context.Background(), host, opts...) //@TMO-01
    if err != nil {
        return nil, fmt.Errorf("connect to weaviate gRPC at %s: %w", host, err)
    }
    return &GrpcClient{conn: conn, client: pb.NewWeaviateClient(conn), headers: headers, timeout: timeout}, nil
}

// BatchObjects sends one batch and returns the errors of the objects the server refused.
func (c *GrpcClient) BatchObjects(ctx context.Context, objects []*pb.BatchObject) ([]*pb.BatchObjectsReply_BatchError, error) {
01|    ctx, cancel := context.WithTimeout(ctx, c.timeout)
01|    defer cancel()
2|    ctx, _ = context.WithTimeout(ctx, c.timeout) //@TMO-03
    if len(c.headers) > 0 {
        ctx = metadata.NewOutgoingContext(ctx, metadata.New(c.headers))
    }
    reply, err := c.client.BatchObjects(ctx, &pb.BatchObjectsRequest{Objects: objects})
    if err != nil {
        return nil, fmt.Errorf("batch of %d objects: %w", len(objects), err)
    }
    return reply.GetErrors(), nil
}

// Close closes the connection.
func (c *GrpcClient) Close() error {
    return c.conn.Close()
}
''')
cases_of(case, GH + 'weaviate/weaviate-go-client/issues/224', 'weaviate/connection/grpc.go',
         G('connection', ['context', 'crypto/tls', 'fmt', 'time', '',
                          'pb github.com/weaviate/weaviate/grpc/generated/protocol/v1', 'google.golang.org/grpc',
                          'google.golang.org/grpc/credentials', 'google.golang.org/grpc/credentials/insecure',
                          'google.golang.org/grpc/metadata'])(WEAVIATE), [
             (1, 'go-00-weaviate-new-grpc-client-blocking-dial-without-deadline',
              'a new gRPC client dials with WithBlock on a background context, so a misconfigured host hangs the '
              'caller\'s constructor forever', 'new'),
             (2, 'go-00-weaviate-new-grpc-client-batch-timeout-never-cancelled',
              'a new gRPC client bounds each batch with a timeout context and drops its cancel, so every batch '
              'leaves a timer and its context alive until the timeout passes', 'new'),
             (0, 'go-ok-00-weaviate-new-grpc-client-bounded',
              'clean: a new gRPC client whose blocking dial and every batch are bounded and cancelled', 'new'),
         ])


# ---------------------------------------------------------------- TIME-01 / TX-01: receive of a SQLite message queue (goqite)
GOQITE = template('goqite-receive', r'''
const rfc3339Milli = "2006-01-02T15:04:05.000Z07:00"

// Message is a queue item with its id and how often it was received.
type Message struct {
    ID       ID
    Delay    time.Duration
    Priority int
    Body     []byte
    Received int
}

// Send puts m on the queue, visible after its delay.
func (q *Queue) Send(ctx context.Context, m Message) error {
    timeout := time.Now().UTC().Add(m.Delay).Format(rfc3339Milli)
    _, err := q.db.ExecContext(ctx, `insert into goqite (queue, body, timeout, priority) values (?, ?, ?, ?)`,
        q.name, m.Body, timeout, m.Priority)
    return err
}

// Receive takes the oldest visible message and hides it for the queue's timeout; nil when there is none.
func (q *Queue) Receive(ctx context.Context) (*Message, error) {
    tx, err := q.db.BeginTx(ctx, nil)
    if err != nil { //@{2}TX-01
        return nil, err
    }
01|    defer func() { _ = tx.Rollback() }()

02|    now := time.Now().UTC()
1|    now := time.Now() //@TIME-01
    var m Message
    err = tx.QueryRowContext(ctx, `
        select id, body, received from goqite
        where queue = ? and ? >= timeout and received < ?
        order by priority desc, created
        limit 1`, q.name, now.Format(rfc3339Milli), q.maxReceive).Scan(&m.ID, &m.Body, &m.Received)
    if errors.Is(err, sql.ErrNoRows) {
        return nil, tx.Commit()
    }
    if err != nil {
        return nil, err
    }
    hidden := now.Add(q.timeout).Format(rfc3339Milli)
    if _, err := tx.ExecContext(ctx, `update goqite set timeout = ?, received = received + 1 where id = ?`,
        hidden, m.ID); err != nil {
        return nil, err
    }
    m.Received++
    if err := tx.Commit(); err != nil {
        return nil, err
    }
    return &m, nil
}
''')
cases_of(case, GH + 'maragudk/goqite/pull/68', 'goqite.go',
         G('goqite', ['context', 'database/sql', 'errors', 'time'])(GOQITE), [
             (1, 'go-00-goqite-receive-compares-timeouts-in-local-time',
              'an edit takes the receive time in the machine\'s zone while timeouts are stored as UTC strings, so on '
              'a host east of UTC messages are handed out again before their timeout passed', 'edit'),
             (2, 'go-00-goqite-receive-transaction-not-rolled-back',
              'an edit drops the deferred rollback of the receive transaction, so a failed query or update returns '
              'with the SQLite write transaction still open and the queue locked', 'edit'),
             (0, 'go-ok-00-goqite-receive-time-in-utc',
              'clean: the fix takes the receive time in UTC like the stored timeouts', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / LOG-01: Redis processor of an SMTP daemon (go-guerrilla)
GUERRILLA = template('go-guerrilla-redis-processor', r'''
// RedisProcessor saves each message's data under its hash in Redis, with an expiry.
type RedisProcessor struct {
    config *RedisProcessorConfig
    conn   redis.Conn
    next   Processor
}

func (r *RedisProcessor) connect() (redis.Conn, error) {
    if r.conn != nil {
        return r.conn, nil
    }
    conn, err := redis.Dial("tcp", r.config.RedisInterface,
        redis.DialConnectTimeout(5*time.Second), redis.DialReadTimeout(5*time.Second), redis.DialWriteTimeout(5*time.Second))
    if err != nil {
        return nil, fmt.Errorf("redis dial %s: %w", r.config.RedisInterface, err)
    }
    r.conn = conn
    return conn, nil
}

// saveEnvelope stores the (possibly compressed) message under hash with the configured expiry.
func (r *RedisProcessor) saveEnvelope(e *mail.Envelope, hash string) error {
    conn, err := r.connect()
    if err != nil {
        return err
    }
    var data interface{} = e.Data.Bytes()
    if compressor, ok := e.Values["zlib-compressor"].(*DataCompressor); ok {
        data = compressor.String()
    }
    _, err = conn.Do("SETEX", hash, r.config.RedisExpireSeconds, data)
    if err != nil {
        r.conn = nil
02|        return fmt.Errorf("redis SETEX %s: %w", hash, err)
1|        return nil //@ERR-01
    }
    e.Values["redis"] = "redis"
2|    Log().WithField("hash", hash).WithField("size", e.Data.Len()).Info("saved message to redis") //@LOG-01
    return nil
}

// Process saves every task-save envelope and passes the result on.
func (r *RedisProcessor) Process(e *mail.Envelope, task SelectTask) (Result, error) {
    if task != TaskSaveMail {
        return r.next.Process(e, task)
    }
    for _, hash := range e.Hashes {
        if err := r.saveEnvelope(e, hash); err != nil {
            Log().WithError(err).Warn("could not save message to redis")
            return NewResult(response.Canned.FailBackendTransaction), err
        }
    }
    return r.next.Process(e, task)
}
''')
cases_of(case, GH + 'flashmob/go-guerrilla/issues/196', 'backends/p_redis.go',
         G('backends', ['fmt', 'time', '', 'github.com/flashmob/go-guerrilla/mail',
                        'github.com/flashmob/go-guerrilla/response', 'github.com/gomodule/redigo/redis'])(GUERRILLA), [
             (1, 'go-00-go-guerrilla-redis-save-failure-reported-as-success',
              'an edit returns nil when SETEX fails, so a message Redis never stored is acknowledged to the sender '
              'as saved', 'edit'),
             (2, 'go-00-go-guerrilla-every-saved-message-logged',
              'an edit logs every message the processor saves at info level, so a busy relay writes a line per '
              'message and recipient hash', 'edit'),
             (0, 'go-ok-00-go-guerrilla-redis-save-failure-returned',
              'clean: the fix returns the SETEX error so the transaction fails', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / CONC-01: DNS query recorder on Redis (dnslog)
DNSLOG = template('dnslog-dns-handler', r'''
// Record is one DNS query seen for a watched domain.
type Record struct {
    Name   string `json:"name"`
    Type   string `json:"type"`
    Remote string `json:"remote"`
    At     int64  `json:"at"`
}

// Handler answers queries for the watched domain and records each of them in Redis.
type Handler struct {
    rdb          *redis.Client
    domain       string
    answer       net.IP
    ttl          time.Duration
    writeTimeout time.Duration
}

func (h *Handler) store(rec Record) error {
    payload, err := json.Marshal(rec)
    if err != nil {
        return err
    }
    ctx, cancel := context.WithTimeout(context.Background(), h.writeTimeout)
    defer cancel()
    key := fmt.Sprintf("dnslog:%s:%d", rec.Name, rec.At)
02|    if err := h.rdb.Set(ctx, key, payload, h.ttl).Err(); err != nil {
02|        return fmt.Errorf("set %s: %w", key, err)
02|    }
1|    h.rdb.Set(ctx, key, payload, h.ttl) //@ERR-01
    return h.rdb.LPush(ctx, "dnslog:index", key).Err()
}

// ServeDNS answers every question under the watched domain with the configured address.
func (h *Handler) ServeDNS(w dns.ResponseWriter, req *dns.Msg) {
    msg := new(dns.Msg)
    msg.SetReply(req)
    msg.Authoritative = true
    for _, q := range req.Question {
        name := strings.ToLower(strings.TrimSuffix(q.Name, "."))
        if !strings.HasSuffix(name, h.domain) {
            continue
        }
        rec := Record{Name: name, Type: dns.TypeToString[q.Qtype], Remote: w.RemoteAddr().String(), At: time.Now().Unix()}
01|        if err := h.store(rec); err != nil {
01|            log.Printf("dnslog: store %s: %v", name, err)
01|        }
2|        go func(rec Record) { //@CONC-01
2|            if err := h.store(rec); err != nil {
2|                log.Printf("dnslog: store %s: %v", rec.Name, err)
2|            }
2|        }(rec)
        if q.Qtype == dns.TypeA {
            msg.Answer = append(msg.Answer, &dns.A{
                Hdr: dns.RR_Header{Name: q.Name, Rrtype: dns.TypeA, Class: dns.ClassINET, Ttl: 0},
                A:   h.answer,
            })
        }
    }
    if err := w.WriteMsg(msg); err != nil {
        log.Printf("dnslog: write answer: %v", err)
    }
}
''')
cases_of(case, GH + 'fanjq99/dnslog/pull/1', 'server/dns.go',
         G('server', ['context', 'encoding/json', 'fmt', 'log', 'net', 'strings', 'time', '',
                      'github.com/go-redis/redis/v8', 'github.com/miekg/dns'])(DNSLOG), [
             (1, 'go-00-dnslog-record-set-error-dropped',
              'an edit stores each query record without looking at the result of SET, so records Redis refused '
              'are indexed anyway and the failure is never logged', 'edit'),
             (2, 'go-00-dnslog-record-stored-on-goroutine-without-recover',
              'an edit stores each query record on a goroutine of its own without a recover, so a panic in the '
              'Redis write ends the DNS server', 'edit'),
             (0, 'go-ok-00-dnslog-record-set-error-returned',
              'clean: the fix returns the error of SET before the record is indexed', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / RES-02: instance lookup of a service-center client (go-chassis sc-client)
SCCLIENT = template('sc-client-find-instances', r'''
// ErrNotModified means the service center has nothing newer than the revision the client sent.
var ErrNotModified = errors.New("sc-client: instances not modified")

// FindMicroServiceInstances asks the service center for the instances of one service, sending the last revision seen.
func (c *Client) FindMicroServiceInstances(consumerID, appID, name, version string) ([]*discovery.MicroServiceInstance, error) {
    url := c.formatURL(MSAPIPath+InstancePath, map[string]string{"appId": appID, "serviceName": name, "version": version})
    headers := c.GetDefaultHeaders()
    headers.Set("X-ConsumerId", consumerID)
    c.mu.RLock()
    headers.Set("X-Resource-Revision", c.revisions[name])
    c.mu.RUnlock()

    resp, err := c.httpDo(http.MethodGet, url, headers, nil)
    if err != nil { //@{2}RES-02
        return nil, fmt.Errorf("find instances of %s: %w", name, err)
    }
01|    defer resp.Body.Close()
    if resp.StatusCode == http.StatusNotModified {
        return nil, ErrNotModified
    }
    body, err := io.ReadAll(resp.Body)
    if err != nil {
        return nil, fmt.Errorf("read instances of %s: %w", name, err)
    }
    if resp.StatusCode != http.StatusOK {
        return nil, fmt.Errorf("find instances of %s: status %d: %s", name, resp.StatusCode, body)
    }
    var found discovery.GetInstancesResponse
    if err := json.Unmarshal(body, &found); err != nil {
        return nil, fmt.Errorf("decode instances of %s: %w", name, err)
    }
02|    c.mu.Lock()
    c.revisions[name] = resp.Header.Get("X-Resource-Revision") //@{1}CONC-03
02|    c.mu.Unlock()
    return found.Instances, nil
}
''')
cases_of(case, GH + 'go-chassis/sc-client/pull/64', 'client.go',
         G('sc', ['encoding/json', 'errors', 'fmt', 'io', 'net/http', '',
                  'github.com/go-chassis/cari/discovery'])(SCCLIENT), [
             (1, 'go-00-sc-client-revision-map-written-without-lock',
              'an edit records the revision of each lookup in the client\'s map without its lock, so concurrent '
              'lookups from the registry\'s refresh goroutines write the map at once', 'edit'),
             (2, 'go-00-sc-client-instances-answer-never-closed',
              'an edit drops the deferred close of the service center\'s answer, so every lookup, the frequent '
              'not-modified ones included, keeps its connection', 'edit'),
             (0, 'go-ok-00-sc-client-revision-map-locked',
              'clean: the fix records the revision under the client\'s lock', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / TX-02: block store of a chain indexer on PostgreSQL (chaind)
CHAIND = template('chaind-blocks-store', r'''
const upsertBlock = `
INSERT INTO t_blocks(f_slot, f_proposer_index, f_root, f_graffiti, f_parent_root, f_state_root, f_canonical)
VALUES($1, $2, $3, $4, $5, $6, $7)
ON CONFLICT (f_root) DO UPDATE SET f_canonical = excluded.f_canonical`

// SetBlocks stores the blocks in one transaction.
func (s *Service) SetBlocks(ctx context.Context, blocks []*chaindb.Block) error {
    tx, err := s.pool.Begin(ctx)
    if err != nil {
        return fmt.Errorf("failed to begin transaction: %w", err)
    }
    defer tx.Rollback(ctx) //nolint:errcheck // a no-op once Commit succeeded

    for _, block := range blocks {
        if _, err := tx.Exec(ctx, upsertBlock, block.Slot, block.ProposerIndex, block.Root[:], block.Graffiti,
            block.ParentRoot[:], block.StateRoot[:], block.Canonical); err != nil {
            return fmt.Errorf("failed to store block %#x: %w", block.Root, err)
        }
    }
01|    if err := tx.Commit(ctx); err != nil {
01|        return fmt.Errorf("failed to commit blocks: %w", err)
01|    }
2|    tx.Commit(ctx) //@TX-02
    return nil
}

// BlocksBySlot fetches every block, canonical or not, of the slot.
func (s *Service) BlocksBySlot(ctx context.Context, slot phase0.Slot) ([]*chaindb.Block, error) {
    rows, err := s.pool.Query(ctx, `
SELECT f_slot, f_proposer_index, f_root, f_graffiti, f_parent_root, f_state_root, f_canonical
FROM t_blocks
WHERE f_slot = $1`, slot)
    if err != nil { //@{1}RES-01
        return nil, err
    }
02|    defer rows.Close()

    blocks := make([]*chaindb.Block, 0)
    for rows.Next() {
        block := &chaindb.Block{}
        var root, parentRoot, stateRoot []byte
        if err := rows.Scan(&block.Slot, &block.ProposerIndex, &root, &block.Graffiti, &parentRoot, &stateRoot,
            &block.Canonical); err != nil {
            return nil, fmt.Errorf("failed to scan block of slot %d: %w", slot, err)
        }
        copy(block.Root[:], root)
        copy(block.ParentRoot[:], parentRoot)
        copy(block.StateRoot[:], stateRoot)
        blocks = append(blocks, block)
    }
    return blocks, rows.Err()
}
''')
cases_of(case, GH + 'wealdtech/chaind/pull/9', 'services/chaindb/postgresql/blocks.go',
         G('postgresql', ['context', 'fmt', '', 'github.com/attestantio/go-eth2-client/spec/phase0',
                          'github.com/wealdtech/chaind/services/chaindb'])(CHAIND), [
             (1, 'go-00-chaind-blocks-by-slot-rows-never-closed',
              'an edit drops the deferred close of the rows of a slot\'s blocks, so a failed scan returns with the '
              'rows open and their pooled connection never comes back', 'edit'),
             (2, 'go-00-chaind-set-blocks-commit-unchecked',
              'an edit commits the stored blocks without looking at the result, so a failed commit is reported as '
              'stored blocks and the indexer moves past them', 'edit'),
             (0, 'go-ok-00-chaind-blocks-by-slot-rows-closed',
              'clean: the fix closes the rows by defer on every path', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / TMO-03: message fetch of a Kafka web console, moved to its own file (redpanda console)
CONSOLE = template('redpanda-console-fetch-messages', r'''
// fetchMessages polls the requested partitions and decodes every record on a pool of workers until the request's
// limit is reached or its time runs out.
func (s *Service) fetchMessages(ctx context.Context, req *TopicConsumeRequest, progress IListMessagesProgress) error {
01|    ctx, cancel := context.WithTimeout(ctx, req.MaxDuration)
01|    defer cancel()
2|    ctx, _ = context.WithTimeout(ctx, req.MaxDuration) //@TMO-03

    client, err := s.newConsumerClient(req)
    if err != nil {
        return fmt.Errorf("failed to create consumer client: %w", err)
    }
    defer client.Close()

    records := make(chan *kgo.Record, 256)
    results := make(chan *TopicMessage, 256)
    var wg sync.WaitGroup
    for i := 0; i < s.workers; i++ {
        wg.Add(1)
        go func() { //@{1}CONC-01
            defer wg.Done()
02|            defer func() {
02|                if r := recover(); r != nil {
02|                    s.logger.Error("recovered from panic in message worker", zap.Any("panic", r), zap.Stack("stack"))
02|                    progress.OnError(fmt.Sprintf("failed to decode a message: %v", r))
02|                }
02|            }()
            for record := range records {
                msg, err := s.deserializer.DeserializeRecord(record)
                if err != nil {
                    s.logger.Debug("failed to deserialize record", zap.String("topic", record.Topic), zap.Error(err))
                }
                results <- msg
            }
        }()
    }
    go func() {
        wg.Wait()
        close(results)
    }()

    go s.pollRecords(ctx, client, req, records)
    sent := 0
    for msg := range results {
        if msg == nil || sent >= req.MaxResults {
            continue
        }
        progress.OnMessage(msg)
        sent++
    }
    progress.OnComplete(sent)
    return ctx.Err()
}
''')
CONSOLE_IMPORTS = ['context', 'fmt', 'sync', '', 'github.com/twmb/franz-go/pkg/kgo', 'go.uber.org/zap']
cases_of(case, GH + 'redpanda-data/console/issues/461', 'backend/pkg/console/fetch_messages.go',
         G('console', CONSOLE_IMPORTS)(CONSOLE), [
             (1, 'go-00-redpanda-console-moved-worker-without-recover',
              'a PR moves the message fetch into its own file and drops the recover of its decoding workers, so one '
              'record that panics the deserializer ends the console for every user', 'rename'),
             (2, 'go-00-redpanda-console-moved-fetch-timeout-never-cancelled',
              'a PR moves the message fetch into its own file and drops the cancel of its timeout context, so each '
              'fetch that ends early keeps its timer and context until the deadline', 'rename'),
             (0, 'go-ok-00-redpanda-console-moved-fetch',
              'clean: the move alone; workers recover and report panics, the timeout context is cancelled',
              'rename'),
         ], rename_from='backend/pkg/console/list_messages_consume.go',
         rename_old=lambda t: t.replace('fetchMessages', 'consumeMessages'))
