"""Round-36 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- CONC-01 / ERR-01: Kafka partition client (libkafka)
LIBKAFKA = template('libkafka-partition', r'''
// PartitionClient keeps one connection to the leader of a topic partition. It reconnects on the next call after an
// error, and a background loop checks the connection between calls.
type PartitionClient struct {
    sync.Mutex
    Bootstrap string
    TopicName string
    Partition int32
    KeepAlive time.Duration

    conn    *brokerConn
    stop    chan struct{}
    stopped chan struct{}
    lastErr error
}

// Start connects to the leader of the partition and starts the keep-alive loop.
func (c *PartitionClient) Start() error {
    c.Lock()
    defer c.Unlock()
    if err := c.connect(); err != nil {
        return fmt.Errorf("start client of %s/%d: %w", c.TopicName, c.Partition, err)
    }
    c.stop = make(chan struct{})
    c.stopped = make(chan struct{})
02|    go func() {
02|        defer close(c.stopped)
02|        defer func() {
02|            if r := recover(); r != nil {
02|                c.setErr(fmt.Errorf("keep-alive of %s/%d panicked: %v", c.TopicName, c.Partition, r))
02|            }
02|        }()
02|        c.keepAlive()
02|    }()
1|    go c.keepAlive() //@CONC-01
    return nil
}

func (c *PartitionClient) keepAlive() {
1|    defer close(c.stopped)
    ticker := time.NewTicker(c.KeepAlive)
    defer ticker.Stop()
    for {
        select {
        case <-c.stop:
            return
        case <-ticker.C:
        }
        c.Lock()
        if c.conn != nil {
01|            if err := c.conn.ping(); err != nil {
01|                c.lastErr = fmt.Errorf("ping leader of %s/%d: %w", c.TopicName, c.Partition, err)
01|                c.disconnect()
01|            }
2|            c.conn.ping() //@ERR-01
        }
        c.Unlock()
    }
}

// Produce sends a batch of records to the leader and returns the base offset the broker gave it.
func (c *PartitionClient) Produce(b *batch.Batch) (int64, error) {
    c.Lock()
    defer c.Unlock()
    if c.conn == nil {
        if err := c.connect(); err != nil {
            return -1, err
        }
    }
    resp, err := c.conn.produce(c.TopicName, c.Partition, b)
    if err != nil {
        c.lastErr = err
        c.disconnect()
        return -1, err
    }
    if code := resp.ErrorCode(); code != 0 {
        return -1, &KafkaError{Code: code, Topic: c.TopicName, Partition: c.Partition}
    }
    return resp.BaseOffset(), nil
}

// Close stops the keep-alive loop and closes the connection.
func (c *PartitionClient) Close() error {
    close(c.stop)
    <-c.stopped
    c.Lock()
    defer c.Unlock()
    c.disconnect()
    return c.lastErr
}

func (c *PartitionClient) setErr(err error) {
    c.Lock()
    c.lastErr = err
    c.Unlock()
}

func (c *PartitionClient) connect() error {
    leader, err := findLeader(c.Bootstrap, c.TopicName, c.Partition)
    if err != nil {
        return err
    }
    conn, err := dialBroker(leader)
    if err != nil {
        return err
    }
    c.conn = conn
    return nil
}

func (c *PartitionClient) disconnect() {
    if c.conn == nil {
        return
    }
    if err := c.conn.Close(); err != nil && c.lastErr == nil {
        c.lastErr = err
    }
    c.conn = nil
}
''')
cases_of(case, GH + 'mkocikowski/libkafka/pull/14', 'client/partition.go',
         G('client', ['fmt', 'sync', 'time', '', 'github.com/mkocikowski/libkafka/batch'])(LIBKAFKA), [
             (1, 'go-00-libkafka-keep-alive-goroutine-without-recover',
              'an edit starts the keep-alive loop of the partition client without a recover, so a panic while '
              'checking the leader takes the producing process down', 'edit'),
             (2, 'go-00-libkafka-keep-alive-ping-error-dropped',
              'an edit ignores the error of the keep-alive ping, so a dead leader connection is kept until the next '
              'produce fails on it', 'edit'),
             (0, 'go-ok-00-libkafka-recovered-keep-alive-ping-checked',
              'clean: the keep-alive goroutine recovers into the client error, a failed ping drops the connection',
              'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / RES-02: Terraform provider API client (scylladbcloud)
SCYLLA = template('scylla-provider-client', r'''
// Client calls the Scylla Cloud REST API on behalf of the provider's resources.
type Client struct {
    Endpoint  *url.URL
    Token     string
    AccountID int64
    HTTP      *http.Client
}

// NewClient returns a client for the API at endpoint with the provider's request timeout.
func NewClient(endpoint, token string, timeout time.Duration) (*Client, error) {
    u, err := url.Parse(endpoint)
    if err != nil {
        return nil, fmt.Errorf("parse endpoint %q: %w", endpoint, err)
    }
    return &Client{
        Endpoint: u,
        Token:    token,
        HTTP:     &http.Client{Timeout: timeout},
    }, nil
}

func (c *Client) get(ctx context.Context, path string, out interface{}) error {
    return c.callAPI(ctx, http.MethodGet, path, nil, out)
}

func (c *Client) post(ctx context.Context, path string, in, out interface{}) error {
    return c.callAPI(ctx, http.MethodPost, path, in, out)
}

func (c *Client) callAPI(ctx context.Context, method, path string, in, out interface{}) error {
    var body io.Reader
    if in != nil {
        data, err := json.Marshal(in)
        if err != nil {
            return fmt.Errorf("encode %s %s: %w", method, path, err)
        }
        body = bytes.NewReader(data)
    }
    endpoint := c.Endpoint.ResolveReference(&url.URL{Path: path})
02|    req, err := http.NewRequestWithContext(ctx, method, endpoint.String(), body)
1|    req, err := http.NewRequest(method, endpoint.String(), body) //@TMO-02
    if err != nil {
        return err
    }
    req.Header.Set("Authorization", "Bearer "+c.Token)
    req.Header.Set("Content-Type", "application/json")
    req.Header.Set("Accept", "application/json")

    resp, err := c.HTTP.Do(req) //@{2}RES-02
    if err != nil {
01|        return fmt.Errorf("%s %s: %w", method, path, err)
2|        return fmt.Errorf("scylla cloud api: %s %s: %w", method, path, err)
    }
01|    defer resp.Body.Close()

    if resp.StatusCode >= http.StatusBadRequest {
        msg, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
        return &APIError{Method: method, Path: path, Status: resp.StatusCode, Body: string(msg)}
    }
    var envelope struct {
        Error string          `json:"error"`
        Data  json.RawMessage `json:"data"`
    }
    if err := json.NewDecoder(resp.Body).Decode(&envelope); err != nil {
        return fmt.Errorf("decode %s %s: %w", method, path, err)
    }
    if envelope.Error != "" {
        return fmt.Errorf("%s %s: %s", method, path, envelope.Error)
    }
    if out == nil {
        return nil
    }
    return json.Unmarshal(envelope.Data, out)
}

// ListClusters returns the clusters of the account.
func (c *Client) ListClusters(ctx context.Context) ([]Cluster, error) {
    var result struct {
        Clusters []Cluster `json:"clusters"`
    }
    if err := c.get(ctx, fmt.Sprintf("/account/%d/clusters", c.AccountID), &result); err != nil {
        return nil, err
    }
    return result.Clusters, nil
}
''')
cases_of(case, GH + 'scylladb/terraform-provider-scylladbcloud/pull/30', 'internal/scylla/client.go',
         G('scylla', ['bytes', 'context', 'encoding/json', 'fmt', 'io', 'net/http', 'net/url', 'time'])(SCYLLA), [
             (1, 'go-00-scylla-provider-request-without-context',
              'an edit builds the API requests of the provider without the context Terraform passes in, so a '
              'cancelled plan still waits on a slow API', 'edit'),
             (2, 'go-00-scylla-provider-response-body-never-closed',
              'an edit drops the close of the API response body, so every call keeps a connection and an error '
              'answer read only in part never returns it', 'edit'),
             (0, 'go-ok-00-scylla-provider-context-request-body-deferred',
              'clean: each request built with the caller\'s context, each response body closed by defer', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / TMO-03: MySQL health probe (easeprobe)
EASEPROBE = template('easeprobe-mysql', r'''
// MySQL probes a MySQL server: it pings it and checks the configured rows.
type MySQL struct {
    base.DefaultProbe `yaml:",inline"`
    ConnStr           string            `yaml:"conn"`
    Data              map[string]string `yaml:"data,omitempty"`

    db *sql.DB
}

// Config opens the connection pool of the probe once.
func (r *MySQL) Config(gConf global.ProbeSettings) error {
    r.ProbeKind = kind
    r.DefaultProbe.Config(gConf, kind, r.ProbeTag, r.ProbeName, r.ConnStr, r.DoProbe)
    db, err := sql.Open("mysql", r.ConnStr)
    if err != nil {
        return fmt.Errorf("open %s: %w", r.ProbeName, err)
    }
    db.SetMaxOpenConns(2)
    db.SetConnMaxLifetime(r.ProbeTimeout)
    r.db = db
    return nil
}

// DoProbe pings the server and verifies every configured row within the probe timeout.
func (r *MySQL) DoProbe() (bool, string) {
01|    ctx, cancel := context.WithTimeout(context.Background(), r.ProbeTimeout)
01|    defer cancel()
2|    ctx, _ := context.WithTimeout(context.Background(), r.ProbeTimeout) //@TMO-03
    if err := r.db.PingContext(ctx); err != nil {
        log.Errorf("[%s / %s] ping failed: %v", r.ProbeKind, r.ProbeName, err)
        return false, err.Error()
    }
    for key, want := range r.Data {
        if err := r.verify(ctx, key, want); err != nil {
            log.Errorf("[%s / %s] data check %s failed: %v", r.ProbeKind, r.ProbeName, key, err)
            return false, err.Error()
        }
    }
    return true, "Check MySQL Server Successfully!"
}

// verify runs the query of key ("database:table:column:key:value") and compares its first column with want.
func (r *MySQL) verify(ctx context.Context, key, want string) error {
    query, args, err := r.getSQL(key)
    if err != nil {
        return err
    }
    rows, err := r.db.QueryContext(ctx, query, args...) //@{1}RES-01
    if err != nil {
02|        return fmt.Errorf("query %q: %w", key, err)
1|        return fmt.Errorf("query of data check %q: %w", key, err)
    }
02|    defer rows.Close()
    if !rows.Next() {
        if err := rows.Err(); err != nil {
            return fmt.Errorf("read %q: %w", key, err)
        }
        return fmt.Errorf("no data found for %q", key)
    }
    var got string
    if err := rows.Scan(&got); err != nil {
        return fmt.Errorf("scan %q: %w", key, err)
    }
    if got != want {
        return fmt.Errorf("value of %q is %q, expected %q", key, got, want)
    }
    return nil
}

func (r *MySQL) getSQL(key string) (string, []interface{}, error) {
    parts := strings.Split(key, ":")
    if len(parts) != 5 {
        return "", nil, fmt.Errorf("invalid data key %q: want database:table:column:key:value", key)
    }
    db, table, column, field, value := parts[0], parts[1], parts[2], parts[3], parts[4]
    query := fmt.Sprintf("SELECT `%s` FROM `%s`.`%s` WHERE `%s` = ? LIMIT 1", column, db, table, field)
    return query, []interface{}{value}, nil
}
''')
cases_of(case, GH + 'megaease/easeprobe/pull/57', 'probe/client/mysql/mysql.go',
         G('mysql', ['context', 'database/sql', 'fmt', 'strings', '', 'github.com/megaease/easeprobe/global',
                     'github.com/megaease/easeprobe/probe/base', '', 'log github.com/sirupsen/logrus',
                     '', '_ github.com/go-sql-driver/mysql'])(EASEPROBE), [
             (1, 'go-00-easeprobe-data-check-rows-never-closed',
              'an edit drops the close of the rows of each data check, so a mismatch or a scan error keeps a '
              'connection of the probe\'s small pool until it runs dry', 'edit'),
             (2, 'go-00-easeprobe-probe-timeout-cancel-discarded',
              'an edit bounds each probe with a timeout context and throws its cancel away, so every run leaves a '
              'timer behind until the timeout passes', 'edit'),
             (0, 'go-ok-00-easeprobe-rows-deferred-probe-cancel-deferred',
              'clean: the rows of every check closed by defer, the probe\'s timeout cancelled on return', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / TX-01: account store of a recovery signer (stellar)
STELLAR = template('stellar-recoverysigner', r'''
// DBStore keeps the accounts of the recovery signer and their identities in Postgres.
type DBStore struct {
    DB *sqlx.DB
}

// Add stores an account and all its identities, or nothing.
func (s *DBStore) Add(ctx context.Context, a Account) error {
    tx, err := s.DB.BeginTxx(ctx, &sql.TxOptions{Isolation: sql.LevelSerializable}) //@{2}TX-01
    if err != nil {
01|        return errors.Wrap(err, "beginning transaction")
2|        return errors.Wrap(err, "beginning transaction to add account")
    }
01|    defer tx.Rollback()

    var accountID int64
    err = tx.QueryRowxContext(ctx, `INSERT INTO accounts (address) VALUES ($1) RETURNING id`, a.Address).Scan(&accountID)
    if pqErr, ok := err.(*pq.Error); ok && pqErr.Constraint == "accounts_address_key" {
        return ErrAlreadyExists
    } else if err != nil {
        return errors.Wrap(err, "inserting account")
    }

    for _, i := range a.Identities {
        var identityID int64
        err = tx.QueryRowxContext(ctx, `INSERT INTO identities (account_id, role) VALUES ($1, $2) RETURNING id`,
            accountID, i.Role).Scan(&identityID)
        if err != nil {
            return errors.Wrap(err, "inserting identity")
        }
        for _, m := range i.AuthMethods {
            _, err = tx.ExecContext(ctx, `INSERT INTO auth_methods (account_id, identity_id, type_, value) VALUES ($1, $2, $3, $4)`,
                accountID, identityID, m.Type, m.Value)
            if err != nil {
                return errors.Wrap(err, "inserting auth method")
            }
        }
    }
    return errors.Wrap(tx.Commit(), "committing account")
}

// FindWithIdentityAddress returns the accounts one of whose identities has the given address.
func (s *DBStore) FindWithIdentityAddress(ctx context.Context, address string) ([]Account, error) {
    var addresses []string
02|    err := s.DB.SelectContext(ctx, &addresses, `SELECT a.address FROM accounts a
1|    err := s.DB.Select(&addresses, `SELECT a.address FROM accounts a //@TMO-02
        JOIN auth_methods m ON m.account_id = a.id
        WHERE m.type_ = 'stellar_address' AND m.value = $1
        ORDER BY a.address`, address)
    if err != nil {
        return nil, errors.Wrap(err, "finding accounts by identity address")
    }
    accounts := make([]Account, 0, len(addresses))
    for _, addr := range addresses {
        a, err := s.Get(ctx, addr)
        if err != nil {
            return nil, err
        }
        accounts = append(accounts, a)
    }
    return accounts, nil
}
''')
cases_of(case, GH + 'stellar/go-stellar-sdk/issues/2425', 'exp/services/recoverysigner/internal/account/db_store.go',
         G('account', ['context', 'database/sql', '', 'github.com/jmoiron/sqlx', 'github.com/lib/pq',
                       'github.com/stellar/go/support/errors'])(STELLAR), [
             (1, 'go-00-stellar-signer-identity-lookup-without-context',
              'an edit runs the account lookup by identity address without the request\'s context, so a client '
              'that gave up leaves the join running on the database', 'edit'),
             (2, 'go-00-stellar-signer-add-transaction-not-rolled-back',
              'an edit drops the deferred rollback of adding an account, so a duplicate identity leaves a '
              'serializable transaction open on a pooled connection', 'edit'),
             (0, 'go-ok-00-stellar-signer-context-lookup-rollback-deferred',
              'clean: every query given the request\'s context, the add transaction rolled back by defer unless '
              'committed', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / CONC-03: process lister (gops)
GOPS = template('gops-findall', r'''
// P represents a Go process.
type P struct {
    PID          int
    PPID         int
    Exec         string
    Path         string
    BuildVersion string
    Agent        bool
}

// FindAll returns all the Go processes currently running on this host.
func FindAll() []P {
    const concurrencyLimit = 10
    pss, err := ps.Processes()
    if err != nil {
        return nil
    }

    var wg sync.WaitGroup
01|    var mu sync.Mutex
    found := make([]P, 0, len(pss))
02|    input := make(chan ps.Process, len(pss))
02|    for _, pr := range pss {
02|        input <- pr
02|    }
02|    close(input)
02|    wg.Add(concurrencyLimit)
02|    for i := 0; i < concurrencyLimit; i++ {
02|        go func() {
02|            defer wg.Done()
02|            defer recoverInspect()
02|            for pr := range input {
02|                p, ok := inspect(pr)
02|                if !ok {
02|                    continue
02|                }
0|                mu.Lock()
02|                found = append(found, p) //@{2}CONC-03
0|                mu.Unlock()
02|            }
02|        }()
02|    }
1|    for _, pr := range pss {
1|        wg.Add(1)
1|        go func(pr ps.Process) { //@CONC-02
1|            defer wg.Done()
1|            defer recoverInspect()
1|            p, ok := inspect(pr)
1|            if !ok {
1|                return
1|            }
1|            mu.Lock()
1|            found = append(found, p)
1|            mu.Unlock()
1|        }(pr)
1|    }
    wg.Wait()
    sort.Slice(found, func(i, j int) bool { return found[i].PID < found[j].PID })
    return found
}

// inspect reads the build information of one process; ok is false for processes that are not Go programs.
func inspect(pr ps.Process) (P, bool) {
    path, version, agent, ok, err := isGo(pr)
    if err != nil || !ok {
        return P{}, false
    }
    return P{
        PID:          pr.Pid(),
        PPID:         pr.PPid(),
        Exec:         pr.Executable(),
        Path:         path,
        BuildVersion: version,
        Agent:        agent,
    }, true
}

func recoverInspect() {
    if r := recover(); r != nil {
        fmt.Fprintf(os.Stderr, "gops: skipping process: %v\n", r)
    }
}
''')
cases_of(case, GH + 'google/gops/pull/126', 'goprocess/goprocess.go',
         G('goprocess', ['fmt', 'os', 'sort', 'sync', '', 'github.com/keybase/go-ps'])(GOPS), [
             (1, 'go-00-gops-goroutine-per-process',
              'an edit inspects every process of the host in a goroutine of its own instead of a fixed set of '
              'workers, so a host with thousands of processes starts thousands of goroutines reading binaries at '
              'once', 'edit'),
             (2, 'go-00-gops-workers-append-without-lock',
              'an edit lets the inspecting workers append to the shared result slice without the lock', 'edit'),
             (0, 'go-ok-00-gops-fixed-workers-locked-append',
              'clean: a fixed set of recovering workers fed by a closed channel, each append under the lock', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-02: metrics fetcher of a CLI (prom2json), new file
PROM2JSON = template('prom2json-fetcher', r'''
// Fetcher retrieves metric families from Prometheus exposition endpoints.
type Fetcher struct {
    client *http.Client
}

// NewFetcher returns a fetcher that uses transport for every request; timeout bounds each whole fetch.
func NewFetcher(transport http.RoundTripper, timeout time.Duration) *Fetcher {
01|    return &Fetcher{client: &http.Client{Transport: transport, Timeout: timeout}}
2|    return &Fetcher{client: &http.Client{Transport: transport}} //@TMO-01
}

// MakeTransport returns a transport for the TLS settings of the command line.
func MakeTransport(certificate, key string, skipServerCertCheck bool) (*http.Transport, error) {
    transport := http.DefaultTransport.(*http.Transport).Clone()
    transport.TLSClientConfig = &tls.Config{InsecureSkipVerify: skipServerCertCheck}
    if certificate != "" && key != "" {
        cert, err := tls.LoadX509KeyPair(certificate, key)
        if err != nil {
            return nil, fmt.Errorf("load client certificate: %w", err)
        }
        transport.TLSClientConfig.Certificates = []tls.Certificate{cert}
    }
    return transport, nil
}

// FetchMetricFamilies retrieves the metrics of url, decodes them and sends them to ch, which it closes.
func (f *Fetcher) FetchMetricFamilies(ctx context.Context, url string, ch chan<- *dto.MetricFamily) error {
    defer close(ch)
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
    if err != nil {
        return fmt.Errorf("creating GET request for URL %q failed: %w", url, err)
    }
    req.Header.Add("Accept", acceptHeader)
    resp, err := f.client.Do(req) //@{1}RES-02
    if err != nil {
        return fmt.Errorf("executing GET request for URL %q failed: %w", url, err)
    }
02|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return fmt.Errorf("GET request for URL %q returned HTTP status %s", url, resp.Status)
    }
1|    defer resp.Body.Close()
    return ParseResponse(resp, ch)
}

// ParseResponse decodes the body of resp in the protobuf or the text format and sends each family to ch.
func ParseResponse(resp *http.Response, ch chan<- *dto.MetricFamily) error {
    mediatype, params, err := mime.ParseMediaType(resp.Header.Get("Content-Type"))
    if err == nil && mediatype == "application/vnd.google.protobuf" &&
        params["encoding"] == "delimited" &&
        params["proto"] == "io.prometheus.client.MetricFamily" {
        for {
            mf := &dto.MetricFamily{}
            if _, err = pbutil.ReadDelimited(resp.Body, mf); err != nil {
                if err == io.EOF {
                    break
                }
                return fmt.Errorf("reading metric family protocol buffer failed: %w", err)
            }
            ch <- mf
        }
        return nil
    }
    var parser expfmt.TextParser
    families, err := parser.TextToMetricFamilies(resp.Body)
    if err != nil {
        return fmt.Errorf("reading text format failed: %w", err)
    }
    for _, mf := range families {
        ch <- mf
    }
    return nil
}
''')
cases_of(case, GH + 'prometheus/prom2json/issues/71', 'fetch.go',
         G('prom2json', ['context', 'crypto/tls', 'fmt', 'io', 'mime', 'net/http', 'time', '',
                         'github.com/matttproud/golang_protobuf_extensions/pbutil',
                         'github.com/prometheus/common/expfmt', '',
                         'dto github.com/prometheus/client_model/go'],
           header='')(PROM2JSON), [
             (1, 'go-00-prom2json-new-fetcher-error-status-body-open',
              'a new fetcher closes the response only when the endpoint answers 200, so every error answer keeps '
              'its connection', 'new'),
             (2, 'go-00-prom2json-new-fetcher-client-without-timeout',
              'a new fetcher builds its client on the command-line transport with no timeout, so an endpoint that '
              'accepts and never answers hangs the command', 'new'),
             (0, 'go-ok-00-prom2json-new-fetcher-bounded-client-body-deferred',
              'clean: a new fetcher with one client bounded by the timeout, each response closed by defer', 'new'),
         ])


# ---------------------------------------------------------------- CONC-03 / LOG-01: API router of a voting node (vocdoni-node)
VOCDONI = template('vocdoni-router', r'''
// Router dispatches the API requests that arrive on the transport to the registered methods.
type Router struct {
    Transport    transports.Transport
    methods      map[string]registeredMethod
    inbound      <-chan transports.Message
    signer       *ethereum.SignKeys
    PublicCalls  uint64
    PrivateCalls uint64
}

// Route reads requests until the inbound channel closes, counts them and runs each one in its own goroutine.
func (r *Router) Route() {
    if len(r.methods) == 0 {
        log.Warnf("router has no registered methods")
    }
    for msg := range r.inbound {
        request, err := r.getRequest(msg.Namespace, msg.Data, msg.Context)
        if err != nil {
            r.SendError(request, err.Error())
            continue
        }
        method := r.methods[request.method]
2|        log.Infow("api request", "method", request.method, "from", request.address, "size", len(msg.Data)) //@LOG-01
        if !method.public {
            if !r.signer.Authorized(request.address) {
                r.SendError(request, "unauthorized")
                continue
            }
02|            atomic.AddUint64(&r.PrivateCalls, 1)
1|            r.PrivateCalls++ //@CONC-03
        } else {
            atomic.AddUint64(&r.PublicCalls, 1)
        }
        go func(request RouterRequest, handler func(RouterRequest)) {
            defer func() {
                if rec := recover(); rec != nil {
                    log.Errorf("panic in method %s: %v\n%s", request.method, rec, debug.Stack())
                    r.SendError(request, "internal error")
                }
            }()
            handler(request)
        }(request, method.handler)
    }
}

// Stats returns the number of public and private calls routed so far.
func (r *Router) Stats() (public, private uint64) {
    return atomic.LoadUint64(&r.PublicCalls), atomic.LoadUint64(&r.PrivateCalls)
}

// SendError answers request with an error message.
func (r *Router) SendError(request RouterRequest, errMsg string) {
    if request.MessageContext == nil {
        log.Errorf("cannot send error %q: no message context", errMsg)
        return
    }
    var response types.ResponseMessage
    response.ID = request.id
    response.Ok = false
    response.Message = errMsg
    data, err := r.buildReply(request, &response)
    if err != nil {
        log.Warnf("cannot build error reply: %v", err)
        return
    }
    if err := request.Send(transports.Message{TimeStamp: int32(time.Now().Unix()), Context: request.MessageContext, Data: data}); err != nil {
        log.Warnf("cannot send error reply: %v", err)
    }
}
''')
cases_of(case, GH + 'vocdoni/vocdoni-node/issues/220', 'router/router.go',
         G('router', ['runtime/debug', 'sync/atomic', 'time', '', 'go.vocdoni.io/dvote/crypto/ethereum',
                      'go.vocdoni.io/dvote/log', 'go.vocdoni.io/dvote/transports', 'go.vocdoni.io/dvote/types'])(VOCDONI), [
             (1, 'go-00-vocdoni-router-private-call-count-unsynchronised',
              'an edit counts private calls with a plain increment while the stats endpoint loads the counter '
              'atomically from another goroutine', 'edit'),
             (2, 'go-00-vocdoni-router-info-line-per-request',
              'an edit logs every routed API request at info level with its method, sender and size, on the path '
              'every request takes', 'edit'),
             (0, 'go-ok-00-vocdoni-router-atomic-counts-quiet-route',
              'clean: both counters updated atomically, no log line per request', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / LOG-01: in-memory queue of a log agent (loggie), moved
LOGGIE = template('loggie-queue', r'''
// Queue buffers the events of one pipeline in memory and hands them to its sinks in batches.
type Queue struct {
    name      string
    config    *Config
    in        chan api.Event
    out       chan api.Batch
    done      chan struct{}
    listeners []spi.QueueListener
}

// Start starts the batching goroutine of the queue.
func (c *Queue) Start() error {
    c.in = make(chan api.Event, c.config.BatchSize*2)
    c.out = make(chan api.Batch, c.config.BatchBufferFactor)
    c.done = make(chan struct{})
02|    go func() {
02|        defer func() {
02|            if r := recover(); r != nil {
02|                log.Error("queue %s: batching stopped by panic: %v\n%s", c.name, r, debug.Stack())
02|            }
02|        }()
02|        c.batchLoop()
02|    }()
1|    go c.batchLoop() //@CONC-01
    log.Info("queue %s started", c.name)
    return nil
}

// In accepts one event, waiting while the queue is full.
func (c *Queue) In(e api.Event) {
2|    log.Debug("queue %s received event %v", c.name, e) //@LOG-01
    select {
    case c.in <- e:
    case <-c.done:
    }
}

// OutChan returns the channel the sinks read batches from.
func (c *Queue) OutChan() chan api.Batch {
    return c.out
}

func (c *Queue) batchLoop() {
    ticker := time.NewTicker(c.config.BatchAggTimeout)
    defer ticker.Stop()
    buffer := make([]api.Event, 0, c.config.BatchSize)
    flush := func() {
        if len(buffer) == 0 {
            return
        }
        b := batch.NewBatchWithEvents(buffer)
        for _, l := range c.listeners {
            l.BeforeQueueConvertBatch(buffer)
        }
        select {
        case c.out <- b:
        case <-c.done:
        }
        buffer = make([]api.Event, 0, c.config.BatchSize)
    }
    for {
        select {
        case <-c.done:
            flush()
            return
        case e := <-c.in:
            buffer = append(buffer, e)
            if len(buffer) >= c.config.BatchSize {
                flush()
            }
        case <-ticker.C:
            flush()
        }
    }
}

// Stop stops batching; the events already batched stay in the out channel.
func (c *Queue) Stop() {
    close(c.done)
    log.Info("queue %s stopped", c.name)
}
''')
cases_of(case, GH + 'loggie-io/loggie/pull/577', 'pkg/queue/memory/queue.go',
         GV('memory', {0: ['runtime/debug', 'time', '', 'github.com/loggie-io/loggie/pkg/core/api',
                           'github.com/loggie-io/loggie/pkg/core/log', 'github.com/loggie-io/loggie/pkg/core/spi',
                           'github.com/loggie-io/loggie/pkg/pipeline/batch'],
                       1: ['time', '', 'github.com/loggie-io/loggie/pkg/core/api',
                           'github.com/loggie-io/loggie/pkg/core/log', 'github.com/loggie-io/loggie/pkg/core/spi',
                           'github.com/loggie-io/loggie/pkg/pipeline/batch'],
                       2: ['runtime/debug', 'time', '', 'github.com/loggie-io/loggie/pkg/core/api',
                           'github.com/loggie-io/loggie/pkg/core/log', 'github.com/loggie-io/loggie/pkg/core/spi',
                           'github.com/loggie-io/loggie/pkg/pipeline/batch']})(LOGGIE), [
             (1, 'go-00-loggie-moved-queue-batching-goroutine-without-recover',
              'a PR moves the channel queue into a memory package and starts its batching goroutine without a '
              'recover, so one bad event stops the agent', 'rename'),
             (2, 'go-00-loggie-moved-queue-debug-line-per-event',
              'a PR moves the channel queue and logs every event it accepts, on the path every log line of every '
              'pipeline takes', 'rename'),
             (0, 'go-ok-00-loggie-moved-queue-recovered-quiet',
              'clean: the move alone; the batching goroutine recovers, no line per event', 'rename'),
         ], rename_from='pkg/queue/channel/queue.go',
         rename_old=lambda t: t.replace('package memory', 'package channel'))


# ---------------------------------------------------------------- TX-01 / TX-02: generated DAO (egen), generated file
EGEN_HEADER = '// Code generated by egen. DO NOT EDIT.\n// Source: user.go\n\n'
EGEN = template('egen-dao', r'''
// UserDAO reads and writes the user table.
type UserDAO struct {
    session *sql.DB
}

// NewUserDAO returns a DAO over the database session.
func NewUserDAO(session *sql.DB) *UserDAO {
    return &UserDAO{session: session}
}

// InsertBatch inserts users in one transaction and returns the number of rows inserted.
func (dao *UserDAO) InsertBatch(ctx context.Context, users []*User) (affected int64, err error) {
    tx, err := dao.session.BeginTx(ctx, nil) //@{1}TX-01
    if err != nil {
02|        return 0, err
1|        return 0, fmt.Errorf("egen: begin insert of %d users: %w", len(users), err)
    }
02|    defer func() {
02|        if err != nil {
02|            _ = tx.Rollback()
02|        }
02|    }()
    stmt, err := tx.PrepareContext(ctx, "INSERT INTO `user` (`login_time`, `first_name`, `last_name`, `email`) VALUES (?, ?, ?, ?)")
    if err != nil {
        return 0, err
    }
    defer stmt.Close()
    for _, u := range users {
        res, err := stmt.ExecContext(ctx, u.LoginTime, u.FirstName, u.LastName, u.Email)
        if err != nil {
            return 0, err
        }
        n, err := res.RowsAffected()
        if err != nil {
            return 0, err
        }
        affected += n
    }
01|    if err = tx.Commit(); err != nil {
01|        return 0, err
01|    }
2|    tx.Commit() //@TX-02
    return affected, nil
}

// FindByEmail returns the user with the given email, or sql.ErrNoRows.
func (dao *UserDAO) FindByEmail(ctx context.Context, email string) (*User, error) {
    row := dao.session.QueryRowContext(ctx, "SELECT `id`, `login_time`, `first_name`, `last_name`, `email` FROM `user` WHERE `email` = ?", email)
    u := &User{}
    if err := row.Scan(&u.Id, &u.LoginTime, &u.FirstName, &u.LastName, &u.Email); err != nil {
        return nil, err
    }
    return u, nil
}

// DeleteByID deletes the user with the given id and returns the number of rows deleted.
func (dao *UserDAO) DeleteByID(ctx context.Context, id int64) (int64, error) {
    res, err := dao.session.ExecContext(ctx, "DELETE FROM `user` WHERE `id` = ?", id)
    if err != nil {
        return 0, err
    }
    return res.RowsAffected()
}
''')
cases_of(case, GH + 'ecodeclub/egen/issues/13', 'internal/dao/user_dao.gen.go',
         GV('dao', {0: ['context', 'database/sql'], 1: ['context', 'database/sql', 'fmt'],
                    2: ['context', 'database/sql']}, header=EGEN_HEADER)(EGEN), [
             (1, 'go-00-egen-generated-batch-insert-not-rolled-back',
              'a regenerated DAO no longer rolls back its batch-insert transaction, so a failed insert returns with '
              'the transaction and its connection still held', 'edit'),
             (2, 'go-00-egen-generated-batch-insert-commit-unchecked',
              'a regenerated DAO ignores the result of committing the batch insert and reports the rows as '
              'inserted', 'edit'),
             (0, 'go-ok-00-egen-generated-rollback-on-error-commit-checked',
              'clean: the generated batch insert rolls back whenever it returns an error and returns the commit '
              'error', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / RES-03: web scraper CLI (iterscraper)
ITERSCRAPER = template('iterscraper', r'''
type record struct {
    id    int
    name  string
    email string
    url   string
}

type scraper struct {
    client      *http.Client
    urlTemplate string
    nameQuery   string
    emailQuery  string
}

func newScraper(urlTemplate, nameQuery, emailQuery string) *scraper {
    return &scraper{
        client:      &http.Client{Timeout: 30 * time.Second},
        urlTemplate: urlTemplate,
        nameQuery:   nameQuery,
        emailQuery:  emailQuery,
    }
}

// fetchAll fetches the page of every id in [from, to] and returns the records that could be parsed.
func (s *scraper) fetchAll(ctx context.Context, from, to int) ([]record, error) {
    var records []record
    for id := from; id <= to; id++ {
        url := fmt.Sprintf(s.urlTemplate, id)
        req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
        if err != nil {
            return records, err
        }
        resp, err := s.client.Do(req)
        if err != nil {
            log.Printf("error fetching %s: %v", url, err)
            continue
        }
2|        defer resp.Body.Close() //@RES-03
        if resp.StatusCode != http.StatusOK {
            log.Printf("error fetching %s: %s", url, resp.Status)
01|            resp.Body.Close()
            continue
        }
        doc, err := goquery.NewDocumentFromReader(resp.Body)
01|        resp.Body.Close()
        if err != nil {
            log.Printf("error parsing %s: %v", url, err)
            continue
        }
        records = append(records, record{
            id:    id,
            name:  strings.TrimSpace(doc.Find(s.nameQuery).First().Text()),
            email: strings.TrimSpace(doc.Find(s.emailQuery).First().Text()),
            url:   url,
        })
    }
    return records, nil
}

// writeResults writes the records to a CSV file at path.
func writeResults(path string, records []record) error {
    f, err := os.Create(path)
    if err != nil {
        return err
    }
    defer f.Close()
    w := csv.NewWriter(f)
1|    defer w.Flush() //@ERR-01
    if err := w.Write([]string{"id", "name", "email", "url"}); err != nil {
        return err
    }
    for _, r := range records {
        if err := w.Write([]string{strconv.Itoa(r.id), r.name, r.email, r.url}); err != nil {
            return err
        }
    }
02|    w.Flush()
02|    if err := w.Error(); err != nil {
02|        return fmt.Errorf("flush %s: %w", path, err)
02|    }
02|    return f.Close()
1|    return nil
}
''')
cases_of(case, GH + 'philipithomas/iterscraper/pull/2', 'scraper.go',
         G('main', ['context', 'encoding/csv', 'fmt', 'log', 'net/http', 'os', 'strconv', 'strings', 'time', '',
                    'github.com/PuerkitoBio/goquery'])(ITERSCRAPER), [
             (1, 'go-00-iterscraper-csv-flush-deferred-error-lost',
              'an edit flushes the CSV writer in a defer and returns nil, so a full disk loses the last rows while '
              'the command reports success', 'edit'),
             (2, 'go-00-iterscraper-page-bodies-closed-by-defer-in-loop',
              'an edit closes every fetched page by a defer inside the loop over ids, keeping every connection of '
              'the run open until the whole range is fetched', 'edit'),
             (0, 'go-ok-00-iterscraper-flush-checked-body-closed-per-page',
              'clean: each page body closed in its own iteration, the flush and close errors of the CSV returned',
              'fix'),
         ])
