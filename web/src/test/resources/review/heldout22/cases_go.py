"""Round-22 Go cases, written for this corpus from the checklist items (see SOURCES.md). Each template is written once
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


# ---------------------------------------------------------------- TX-01 / TX-02: credential store on bbolt (ssi-service)
SSI = r'''
var (
    credentialBucket = []byte("credentials")
    statusBucket     = []byte("credential-status")
)

// BoltStore keeps issued credentials and their revocation status in one bbolt file.
type BoltStore struct {
    db *bolt.DB
}

// PutCredential writes a credential and its status entry; both land or neither does.
func (s *BoltStore) PutCredential(id string, cred, status []byte) error {
    tx, err := s.db.Begin(true) //@{1}TX-01
    if err != nil {
        return fmt.Errorf("begin credential write: %w", err)
    }
02|    defer func() { _ = tx.Rollback() }() // returns bolt.ErrTxClosed once Commit has run; nothing to report
    creds, err := tx.CreateBucketIfNotExists(credentialBucket)
    if err != nil {
        return fmt.Errorf("credential bucket: %w", err)
    }
    if err := creds.Put([]byte(id), cred); err != nil {
        return fmt.Errorf("put credential %s: %w", id, err)
    }
    statuses, err := tx.CreateBucketIfNotExists(statusBucket)
    if err != nil {
        return fmt.Errorf("status bucket: %w", err)
    }
    if err := statuses.Put([]byte(id), status); err != nil {
        return fmt.Errorf("put status of %s: %w", id, err)
    }
01|    return tx.Commit()
2|    tx.Commit() //@TX-02
2|    return nil
}
'''
SSI_MOD = gomod('github.com/tbd54566975/ssi-service', ['go.etcd.io/bbolt v1.3.11'])
cases_of(case, GH + 'TBD54566975/ssi-service/pull/327', 'pkg/storage/bolt_credentials.go',
         G('storage', ['fmt', '', 'bolt go.etcd.io/bbolt'])(SSI), [
             (1, 'go-00-ssi-service-credential-write-without-rollback',
              'a new bolt store begins a write transaction by hand and returns on errors without rolling it back',
              'new', [f('go.mod', new=SSI_MOD)]),
             (2, 'go-00-ssi-service-credential-commit-result-dropped',
              'an edit calls Commit without looking at its error and reports the credential as stored', 'edit'),
             (0, 'go-ok-00-ssi-service-credential-write-rolled-back-commit-returned',
              'clean: rollback deferred after Begin with its reason, Commit error returned', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / TMO-01: SSH probe (ssh_exporter)
SSHEXP = r'''
// probe runs the configured command on one host and reports whether its output matched.
func (c *Collector) probe(host string) (bool, error) {
    cfg := &ssh.ClientConfig{
        User:            c.user,
        Auth:            []ssh.AuthMethod{ssh.PublicKeys(c.signer)},
        HostKeyCallback: c.hostKeys,
01|        Timeout:         c.dialTimeout,
    }
    client, err := ssh.Dial("tcp", net.JoinHostPort(host, c.port), cfg) //@{2}TMO-01
    if err != nil {
02|        return false, fmt.Errorf("connect to %s: %w", host, err)
1|        return false, fmt.Errorf("ssh connect to %s: %w", host, err)
    }
    defer client.Close()
    session, err := client.NewSession() //@{1}RES-01
    if err != nil {
        return false, fmt.Errorf("open session on %s: %w", host, err)
    }
02|    defer session.Close()
    out, err := session.Output(c.command)
    if err != nil {
        return false, fmt.Errorf("run probe command on %s: %w", host, err)
    }
    return c.pattern.Match(out), nil
}
'''
cases_of(case, GH + 'Nordstrom/ssh_exporter/pull/21', 'collector/probe.go',
         G('collector', ['fmt', 'net', '', 'golang.org/x/crypto/ssh'])(SSHEXP), [
             (1, 'go-00-ssh-exporter-probe-session-never-closed',
              'an edit drops the deferred close of the SSH session, so every scrape leaves a channel open', 'edit'),
             (2, 'go-00-ssh-exporter-probe-dial-without-timeout',
              'an edit drops the dial timeout from the SSH client config, so a silent host holds the scrape', 'edit'),
             (0, 'go-ok-00-ssh-exporter-probe-session-closed-dial-bounded',
              'clean: dial timeout set, session closed by a defer after the error check', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / TMO-02: block replication over gRPC (Videra-Storage)
VIDERA = r'''
// replicate asks one data node to store a copy of a block.
func (n *NameNode) replicate(ctx context.Context, node DataNode, block BlockRef) error {
02|    conn, err := n.conns.Get(node.Address) // one client connection per data node, owned and closed by the pool
1|    conn, err := grpc.Dial(node.Address, grpc.WithTransportCredentials(insecure.NewCredentials())) //@RES-04|RES-01
    if err != nil {
        return fmt.Errorf("connect to data node %s: %w", node.ID, err)
    }
    client := pb.NewDataNodeClient(conn)
01|    rctx, cancel := context.WithTimeout(ctx, n.replicateTimeout)
2|    rctx, cancel := context.WithTimeout(context.Background(), n.replicateTimeout) //@TMO-02
    defer cancel()
    _, err = client.StoreReplica(rctx, &pb.StoreReplicaRequest{BlockId: block.ID, Size: block.Size})
    if err != nil {
        return fmt.Errorf("replicate block %s to %s: %w", block.ID, node.ID, err)
    }
    return nil
}
'''
cases_of(case, GH + 'SayedAlesawy/Videra-Storage/pull/17', 'namenode/replicate.go',
         G('namenode', ['context', 'fmt', '', 'google.golang.org/grpc', 'google.golang.org/grpc/credentials/insecure',
                        '', 'pb github.com/SayedAlesawy/Videra-Storage/datanode/proto'])(VIDERA), [
             (1, 'go-00-videra-storage-dial-per-replication-never-closed',
              'a new replication helper dials a gRPC connection per block and never closes it', 'new'),
             (2, 'go-00-videra-storage-replication-deadline-detached-from-caller',
              'an edit builds the replication deadline on a background context, so a cancelled upload keeps copying',
              'edit'),
             (0, 'go-ok-00-videra-storage-pooled-connection-caller-deadline',
              'clean: the pooled connection and a deadline derived from the caller', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / RES-02: page download with gzip (go_spider)
SPIDER = r'''
// fetch downloads one page and returns its body, inflating gzip-encoded answers.
func (d *HTTPDownloader) fetch(ctx context.Context, pageURL string) ([]byte, error) {
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, pageURL, nil)
    if err != nil {
        return nil, fmt.Errorf("build request for %s: %w", pageURL, err)
    }
    req.Header.Set("Accept-Encoding", "gzip")
    resp, err := d.client.Do(req) //@{2}RES-02
    if err != nil {
01|        return nil, fmt.Errorf("get %s: %w", pageURL, err)
2|        return nil, fmt.Errorf("download %s: %w", pageURL, err)
    }
01|    defer resp.Body.Close()
    var body io.Reader = resp.Body
    if resp.Header.Get("Content-Encoding") == "gzip" {
        zr, err := gzip.NewReader(resp.Body) //@{1}RES-01
        if err != nil {
02|            return nil, fmt.Errorf("gzip header of %s: %w", pageURL, err)
1|            return nil, fmt.Errorf("read gzip header of %s: %w", pageURL, err)
        }
02|        defer zr.Close()
        body = zr
    }
    return io.ReadAll(io.LimitReader(body, d.maxPageBytes))
}
'''
cases_of(case, GH + 'hu17889/go_spider/pull/20', 'core/downloader/http_downloader.go',
         G('downloader', ['compress/gzip', 'context', 'fmt', 'io', 'net/http'])(SPIDER), [
             (1, 'go-00-go-spider-gzip-reader-never-closed',
              'an edit stops closing the gzip reader that inflates each downloaded page', 'edit'),
             (2, 'go-00-go-spider-page-response-never-closed',
              'an edit drops the deferred close of the page response, so each page pins a connection', 'edit'),
             (0, 'go-ok-00-go-spider-gzip-reader-and-body-closed',
              'clean: response body and gzip reader both closed by defers after their error checks', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / CONC-01: remote command runner (easyssh)
EASYSSH = r'''
// Run executes cmd on the remote host and streams its standard output to out.
func (c *Config) Run(cmd string, out io.Writer) error {
    cfg := &ssh.ClientConfig{
        User:            c.User,
        Auth:            []ssh.AuthMethod{ssh.Password(c.Password)},
        HostKeyCallback: c.HostKeyCallback,
    }
02|    conn, err := net.DialTimeout("tcp", c.addr(), c.ConnectTimeout)
1|    conn, err := net.Dial("tcp", c.addr()) //@TMO-01
    if err != nil {
        return fmt.Errorf("dial %s: %w", c.addr(), err)
    }
    sc, chans, reqs, err := ssh.NewClientConn(conn, c.addr(), cfg)
    if err != nil {
        _ = conn.Close() // the handshake error is the one worth returning
        return fmt.Errorf("ssh handshake with %s: %w", c.addr(), err)
    }
    client := ssh.NewClient(sc, chans, reqs)
    defer client.Close()
    session, err := client.NewSession()
    if err != nil {
        return fmt.Errorf("open session on %s: %w", c.addr(), err)
    }
    defer session.Close()
    stdout, err := session.StdoutPipe()
    if err != nil {
        return fmt.Errorf("stdout pipe for %q: %w", cmd, err)
    }
    copied := make(chan error, 1)
01|    go copyOutput(stdout, out, copied)
2|    go func() { //@CONC-01
2|        _, err := io.Copy(out, stdout)
2|        copied <- err
2|    }()
    if err := session.Run(cmd); err != nil {
        return fmt.Errorf("run %q on %s: %w", cmd, c.addr(), err)
    }
    return <-copied
}
'''
EASYSSH_COPY = go('easyssh', ['fmt', 'io', 'log', 'runtime/debug'], r'''
// copyOutput copies a remote stream to out and reports the result on done; a panic in a writer becomes an error
// on done instead of ending the process.
func copyOutput(src io.Reader, out io.Writer, done chan<- error) {
    defer func() {
        if r := recover(); r != nil {
            log.Printf("easyssh: panic while copying output: %v\n%s", r, debug.Stack())
            done <- fmt.Errorf("copy output: panic: %v", r)
        }
    }()
    _, err := io.Copy(out, src)
    done <- err
}
''')
cases_of(case, GH + 'hypersleep/easyssh/pull/27', 'run.go',
         G('easyssh', ['fmt', 'io', 'net', '', 'golang.org/x/crypto/ssh'])(EASYSSH), [
             (1, 'go-00-easyssh-run-dials-without-timeout',
              'a new runner dials the TCP connection without a timeout before the SSH handshake', 'new',
              [f('copy.go', new=EASYSSH_COPY)]),
             (2, 'go-00-easyssh-output-copy-goroutine-without-recover',
              'an edit inlines the output copy into a bare goroutine without the recovering helper', 'edit'),
             (0, 'go-ok-00-easyssh-dial-timeout-and-guarded-copy',
              'clean: dial with the configured timeout, output copied by the recovering helper', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / ERR-01: FTP control connection (tinyftp), renamed file
TINYFTP = r'''
// Conn is one FTP control connection.
type Conn struct {
    nc   net.Conn
    text *textproto.Conn
}

// Dial connects to an FTP server and reads its greeting.
func Dial(addr string, timeout time.Duration) (*Conn, error) {
02|    nc, err := net.DialTimeout("tcp", addr, timeout)
1|    nc, err := net.Dial("tcp", addr) //@TMO-01
    if err != nil {
        return nil, fmt.Errorf("dial %s: %w", addr, err)
    }
    c := &Conn{nc: nc, text: textproto.NewConn(nc)}
    if _, _, err := c.text.ReadResponse(220); err != nil {
        _ = c.text.Close() // the greeting error is the one the caller needs
        return nil, fmt.Errorf("greeting from %s: %w", addr, err)
    }
    return c, nil
}

// Quit ends the session politely and closes the connection.
func (c *Conn) Quit() error {
01|    if _, err := c.text.Cmd("QUIT"); err != nil {
01|        return errors.Join(fmt.Errorf("send QUIT: %w", err), c.text.Close())
01|    }
2|    c.text.Cmd("QUIT") //@ERR-01
    return c.text.Close()
}
'''
cases_of(case, GH + 'jum/tinyftp/pull/2', 'conn.go',
         G('tinyftp', ['errors', 'fmt', 'net', 'net/textproto', 'time'])(TINYFTP), [
             (1, 'go-00-tinyftp-renamed-conn-dials-without-timeout',
              'a PR renames the client file and package and dials the control connection without a timeout',
              'rename'),
             (2, 'go-00-tinyftp-renamed-conn-quit-error-dropped',
              'a PR renames the client file and package and drops the error of the QUIT command', 'rename'),
             (0, 'go-ok-00-tinyftp-renamed-conn-dial-timeout-quit-checked',
              'clean: the rename alone; dial with a timeout, QUIT error joined with the close error', 'rename'),
         ], rename_from='ftp.go', rename_old=lambda text: text.replace('package tinyftp', 'package ftp'))


# ---------------------------------------------------------------- CONC-06 / CONC-02: runner start-up with errgroup (myshoes), tests beside
MYSHOES = r'''
// startRunners creates one cloud runner per queued job, at most maxParallel at a time.
func (s *Starter) startRunners(ctx context.Context, jobs []datastore.Job) error {
    eg, ctx := errgroup.WithContext(ctx)
01|    eg.SetLimit(s.maxParallel)
    for _, job := range jobs {
        job := job
        eg.Go(func() error { //@{2}CONC-02
            if err := s.provider.AddInstance(ctx, job.RunnerName(), job.Labels); err != nil {
                return fmt.Errorf("start runner for job %s: %w", job.UUID, err)
            }
            return nil
        })
    }
02|    if err := eg.Wait(); err != nil {
02|        return fmt.Errorf("start %d runners: %w", len(jobs), err)
02|    }
1|    eg.Wait() //@CONC-06
    s.started.Add(float64(len(jobs)))
    return nil
}
'''
MYSHOES_TEST = go('starter', ['context', 'errors', 'testing', '',
                              'github.com/whywaita/myshoes/pkg/datastore'], r'''
func TestStartRunnersReportsProviderFailure(t *testing.T) {
    fail := errors.New("quota exceeded")
    s := &Starter{provider: &fakeProvider{err: fail}, maxParallel: 2, started: newCounter()}
    err := s.startRunners(context.Background(), []datastore.Job{{UUID: "a"}, {UUID: "b"}})
    if !errors.Is(err, fail) {
        t.Fatalf("startRunners() = %v, want the provider error", err)
    }
}
''')
cases_of(case, GH + 'whywaita/myshoes/pull/75', 'pkg/starter/runners.go',
         G('starter', ['context', 'fmt', '', 'github.com/whywaita/myshoes/pkg/datastore',
                       'golang.org/x/sync/errgroup'])(MYSHOES), [
             (1, 'go-00-myshoes-runner-group-wait-result-dropped',
              'an edit calls Wait on the runner group and drops its error, so failed starts count as started',
              'edit'),
             (2, 'go-00-myshoes-runner-group-without-limit',
              'an edit drops the group limit, so a burst of queued jobs starts every runner at once', 'edit'),
             (0, 'go-ok-00-myshoes-runner-group-limited-wait-checked',
              'clean: group limited to maxParallel, Wait error returned; the test beside it', 'fix'),
         ], extra=[f('pkg/starter/runners_test.go', new=MYSHOES_TEST)])


# ---------------------------------------------------------------- RES-01 / ERR-01: cloud-init user data file (lima)
LIMA = r'''
// writeUserData renders the cloud-init user data into a temporary file and returns its path.
func writeUserData(dir string, data UserData) (string, error) {
    f, err := os.CreateTemp(dir, "user-data-*.yaml") //@{1}RES-01
    if err != nil {
02|        return "", fmt.Errorf("create user data file: %w", err)
1|        return "", fmt.Errorf("create temporary user data file: %w", err)
    }
02|    defer f.Close() // after the checked Close below this second call only returns os.ErrClosed
01|    b, err := yaml.Marshal(data)
01|    if err != nil {
01|        return "", fmt.Errorf("encode user data: %w", err)
01|    }
2|    b, _ := yaml.Marshal(data) //@ERR-01
    if _, err := f.Write(append([]byte("#cloud-config\n"), b...)); err != nil {
        return "", fmt.Errorf("write %s: %w", f.Name(), err)
    }
02|    if err := f.Close(); err != nil {
02|        return "", fmt.Errorf("close %s: %w", f.Name(), err)
02|    }
    return f.Name(), nil
}
'''
cases_of(case, GH + 'lima-vm/lima/pull/2522', 'pkg/cidata/userdata.go',
         G('cidata', ['fmt', 'os', '', 'gopkg.in/yaml.v3'])(LIMA), [
             (1, 'go-00-lima-user-data-temp-file-never-closed',
              'an edit stops closing the temporary user data file, on the error paths and on success', 'edit'),
             (2, 'go-00-lima-user-data-encode-error-dropped',
              'an edit drops the YAML encoding error and writes whatever came back', 'edit'),
             (0, 'go-ok-00-lima-user-data-file-closed-errors-returned',
              'clean: close deferred and checked once on success, encoding error returned', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / CONC-01: seeding file cache (CortexTheseus)
CORTEX = r'''
// fileCache holds the metadata of the files this node seeds; queries and the seeding loop use it concurrently.
type fileCache struct {
    mu    sync.RWMutex
    files map[string]*FileInfo
}

func (c *fileCache) get(hash string) (*FileInfo, bool) {
    c.mu.RLock()
    defer c.mu.RUnlock()
    fi, ok := c.files[hash]
    return fi, ok
}

// put records the metadata of one file.
func (c *fileCache) put(hash string, fi *FileInfo) {
02|    c.mu.Lock()
02|    defer c.mu.Unlock()
    c.files[hash] = fi //@{1}CONC-03
}

// startEviction drops files not requested for ttl, checking every interval until stop is closed.
func (c *fileCache) startEviction(ttl, every time.Duration, stop <-chan struct{}) {
01|    goSafe("file cache eviction", func() { c.evictLoop(ttl, every, stop) })
2|    go c.evictLoop(ttl, every, stop) //@CONC-01
}
'''
CORTEX_SAFE = go('storage', ['log', 'runtime/debug'], r'''
// goSafe runs fn on a new goroutine; a panic is logged with its stack and counted instead of ending the node.
func goSafe(name string, fn func()) {
    go func() {
        defer func() {
            if r := recover(); r != nil {
                log.Printf("panic in %s: %v\n%s", name, r, debug.Stack())
                panicCount.Add(1)
            }
        }()
        fn()
    }()
}
''')
cases_of(case, GH + 'CortexFoundation/CortexTheseus/pull/1682', 'ctxc/storage/file_cache.go',
         G('storage', ['sync', 'time'])(CORTEX), [
             (1, 'go-00-cortextheseus-file-cache-put-without-lock',
              'an edit drops the lock from put, so concurrent queries write the shared map at once', 'edit'),
             (2, 'go-00-cortextheseus-eviction-loop-started-bare',
              'an edit starts the eviction loop as a bare goroutine instead of through the recovering helper', 'edit'),
             (0, 'go-ok-00-cortextheseus-file-cache-locked-eviction-guarded',
              'clean: put under the mutex, eviction started by a recovering helper added in a second file', 'fix',
              [f('ctxc/storage/gosafe.go', new=CORTEX_SAFE)]),
         ])


# ---------------------------------------------------------------- CONC-03 / LOG-01: task input cache (taskrunner)
TASKRUNNER = r'''
// Cache remembers the input hash of each task so that unchanged tasks are skipped on the next run.
type Cache struct {
    mu     sync.Mutex
    hashes map[string]string
    log    *zap.Logger
}

// NewCache returns an empty cache that logs to log.
func NewCache(log *zap.Logger) *Cache {
    return &Cache{hashes: make(map[string]string), log: log}
}

// Record stores the hashes computed by the workers of one run; every worker calls it when it finishes.
func (c *Cache) Record(results []TaskResult) {
02|    c.mu.Lock()
02|    defer c.mu.Unlock()
    changed := 0
    for _, r := range results {
        if c.hashes[r.Task] != r.Hash {
            changed++
2|            c.log.Info("task input changed", zap.String("task", r.Task), zap.String("hash", r.Hash)) //@LOG-01
        }
        c.hashes[r.Task] = r.Hash //@{1}CONC-03
    }
    c.log.Debug("task hashes recorded", zap.Int("tasks", len(results)), zap.Int("changed", changed))
}

// Unchanged reports whether task ran before with the same input hash.
func (c *Cache) Unchanged(task, hash string) bool {
    c.mu.Lock()
    defer c.mu.Unlock()
    return c.hashes[task] == hash
}
'''
TASKRUNNER_MOD = gomod('github.com/samsarahq/taskrunner', ['go.uber.org/zap v1.27.0'])
cases_of(case, GH + 'samsarahq/taskrunner/pull/11', 'cache/cache.go',
         G('cache', ['sync', '', 'go.uber.org/zap'])(TASKRUNNER), [
             (1, 'go-00-taskrunner-cache-record-without-lock',
              'a new task cache writes its map from every worker without taking its mutex', 'new',
              [f('go.mod', new=TASKRUNNER_MOD)]),
             (2, 'go-00-taskrunner-cache-logs-every-changed-task',
              'an edit logs one info line per changed task on every run', 'edit'),
             (0, 'go-ok-00-taskrunner-cache-locked-summary-line',
              'clean: map written under the mutex, one debug summary per run', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-02 / LOG-01: span start and flush logging (dd-trace-go)
DDTRACE = r'''
// startSpan creates a span of the given trace; every traced call of the service passes here.
func (t *tracer) startSpan(op string, parent *spanContext, tags map[string]string) *span {
    s := t.newSpan(op, parent, tags)
01|    t.logger.Debug("span started", "span", s.spanID, "trace", s.traceID, "op", op)
2|    t.logger.Debug(fmt.Sprintf("span %d (%s) started in trace %d with tags %v", s.spanID, op, s.traceID, tags)) //@LOG-02|LOG-01
    return s
}

// flush hands the finished traces to the agent writer.
func (t *tracer) flush(traces []*finishedTrace) {
    sent := 0
    for _, tr := range traces {
        if err := t.writer.add(tr.spans); err != nil {
02|            t.dropped.Add(1)
1|            t.logger.Warn("trace dropped", "trace", tr.id, "spans", len(tr.spans), "err", err) //@LOG-01
            continue
        }
        sent++
    }
    if sent < len(traces) {
        t.logger.Warn("traces dropped in flush", "dropped", len(traces)-sent, "sent", sent)
    }
}
'''
cases_of(case, GH + 'DataDog/dd-trace-go/pull/1186', 'ddtrace/tracer/spans.go',
         G('tracer', ['fmt'])(DDTRACE), [
             (1, 'go-00-dd-trace-go-flush-warns-per-dropped-trace',
              'a new span store logs a warning for every trace the writer refuses during a flush', 'new'),
             (2, 'go-00-dd-trace-go-span-start-formats-debug-line',
              'an edit formats a debug line with Sprintf for every span started, whether debug is on or not', 'edit'),
             (0, 'go-ok-00-dd-trace-go-structured-debug-and-drop-summary',
              'clean: key-value debug line per span, dropped traces counted and reported once per flush', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-01 / ERR-01: netlink batch parser (tcp-info)
TCPINFO = r'''
// Parser turns netlink inet_diag messages into connection snapshots.
type Parser struct {
    conn      NetlinkConn
    malformed prometheus.Counter
}

// Collect reads one batch of messages from the socket and parses it.
func (p *Parser) Collect() ([]*Snapshot, error) {
01|    msgs, _, err := p.conn.Receive()
01|    if err != nil {
01|        return nil, fmt.Errorf("receive netlink batch: %w", err)
01|    }
2|    msgs, _, _ := p.conn.Receive() //@ERR-01
    return p.parse(msgs), nil
}

// parse decodes a batch, skipping malformed messages.
func (p *Parser) parse(msgs []syscall.NetlinkMessage) []*Snapshot {
    out := make([]*Snapshot, 0, len(msgs))
    malformed := 0
    for i := range msgs {
        snap, err := decode(&msgs[i])
        if err != nil {
            malformed++
1|            log.Printf("skipping netlink message of %d bytes: %v", len(msgs[i].Data), err) //@LOG-01
            continue
        }
        out = append(out, snap)
    }
    if malformed > 0 {
        p.malformed.Add(float64(malformed))
        log.Printf("skipped %d of %d netlink messages as malformed", malformed, len(msgs))
    }
    return out
}
'''
cases_of(case, GH + 'm-lab/tcp-info/issues/121', 'parse/batch.go',
         G('parse', ['fmt', 'log', 'syscall', '', 'github.com/prometheus/client_golang/prometheus'])(TCPINFO), [
             (1, 'go-00-tcp-info-logs-every-malformed-message',
              'a new batch parser logs a line for every malformed netlink message', 'new'),
             (2, 'go-00-tcp-info-receive-error-discarded',
              'a new batch parser discards the error of the socket receive and parses an empty batch', 'new'),
             (0, 'go-ok-00-tcp-info-receive-checked-malformed-counted',
              'clean: receive error returned, malformed messages counted with one line per batch', 'new'),
         ])


# ---------------------------------------------------------------- LOG-01 / RES-03: block device statistics (cadvisor)
CADVISOR = r'''
// diskStats reads the I/O counters of every block device of the machine.
func (m *machineInfo) diskStats(devices []string) map[string]DiskStat {
    stats := make(map[string]DiskStat, len(devices))
    unreadable := 0
    for _, dev := range devices {
01|        st, err := readDiskStat(filepath.Join(m.sysfs, "block", dev, "stat"))
2|        f, err := os.Open(filepath.Join(m.sysfs, "block", dev, "stat"))
2|        if err != nil {
2|            unreadable++
2|            continue
2|        }
2|        defer f.Close() //@RES-03
2|        st, err := parseDiskStat(f)
        if err != nil {
            unreadable++
1|            klog.Warningf("cannot read stats of block device %s: %v", dev, err) //@LOG-01
            continue
        }
        stats[dev] = st
    }
    if unreadable > 0 {
        klog.V(2).Infof("%d of %d block devices had no readable stats", unreadable, len(devices))
    }
    return stats
}

// readDiskStat parses one sysfs stat file.
func readDiskStat(path string) (DiskStat, error) {
    f, err := os.Open(path)
    if err != nil {
        return DiskStat{}, err
    }
    defer f.Close()
    return parseDiskStat(f)
}
'''
cases_of(case, GH + 'google/cadvisor/pull/1639', 'machine/disk_stats.go',
         G('machine', ['os', 'path/filepath', '', 'k8s.io/klog/v2'])(CADVISOR), [
             (1, 'go-00-cadvisor-warns-per-unreadable-device',
              'an edit logs a warning for every unreadable block device on every housekeeping pass', 'edit'),
             (2, 'go-00-cadvisor-device-stat-files-closed-at-return',
              'an edit opens each stat file inside the device loop and defers its close to the end of the pass',
              'edit'),
             (0, 'go-ok-00-cadvisor-stat-per-helper-summary-line',
              'clean: each stat file closed in its helper, unreadable devices summed in one verbose line', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / CONC-01: keyless connection server (gokeyless)
GOKEYLESS = r'''
// Serve accepts connections until the listener fails and serves each on its own goroutine,
// at most cap(s.slots) at once.
func (s *Server) Serve(l net.Listener) error {
    for {
        c, err := l.Accept()
        if err != nil {
            return fmt.Errorf("accept: %w", err)
        }
02|        select {
02|        case s.slots <- struct{}{}:
02|        case <-s.done:
02|            _ = c.Close() // shutting down; the client sees the connection end
02|            return nil
02|        }
01|        go s.serveConn(c) //@{1}CONC-02
2|        go func() { //@CONC-01
2|            defer func() { <-s.slots }()
2|            s.handle(c)
2|        }()
    }
}

// serveConn handles one connection; a panic in a handler ends only that connection.
func (s *Server) serveConn(c net.Conn) {
02|    defer func() { <-s.slots }()
    defer func() {
        if r := recover(); r != nil {
            s.log.Errorf("panic serving %s: %v\n%s", c.RemoteAddr(), r, debug.Stack())
            s.panics.Inc()
        }
    }()
    s.handle(c)
}
'''
GOKEYLESS_MOD = gomod('github.com/cloudflare/gokeyless', ['github.com/prometheus/client_golang v1.20.5'])
cases_of(case, GH + 'cloudflare/gokeyless/pull/165', 'server/serve.go',
         G('server', ['fmt', 'net', 'runtime/debug'])(GOKEYLESS), [
             (1, 'go-00-gokeyless-goroutine-per-connection-unbounded',
              'a new accept loop starts a goroutine for every connection with no limit on how many run', 'new',
              [f('go.mod', new=GOKEYLESS_MOD)]),
             (2, 'go-00-gokeyless-connection-goroutine-without-recover',
              'an edit serves each connection on an inline goroutine that skips the recovering handler', 'edit'),
             (0, 'go-ok-00-gokeyless-slots-and-recovering-handler',
              'clean: a slot per connection taken before the goroutine, handler recovers and releases it', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / TMO-02: announce handler (chihaya)
CHIHAYA = r'''
// ServeAnnounce records the announcing peer and answers with a list of peers for the same torrent.
func (f *Frontend) ServeAnnounce(w http.ResponseWriter, r *http.Request) {
    req, err := parseAnnounce(r)
    if err != nil {
        writeError(w, err)
        return
    }
    ctx := r.Context()
02|    if err := f.store.PutPeer(ctx, req.InfoHash, req.Peer); err != nil {
02|        writeError(w, fmt.Errorf("store peer: %w", err))
02|        return
02|    }
1|    go f.store.PutPeer(context.Background(), req.InfoHash, req.Peer) //@CONC-02|CONC-01
01|    peers, err := f.store.AnnouncePeers(ctx, req.InfoHash, req.NumWant)
2|    peers, err := f.store.AnnouncePeers(context.Background(), req.InfoHash, req.NumWant) //@TMO-02
    if err != nil {
        writeError(w, fmt.Errorf("load peers: %w", err))
        return
    }
    writeAnnounceResponse(w, req, peers, f.announceInterval)
}
'''
cases_of(case, GH + 'chihaya/chihaya/pull/32', 'frontend/http/announce.go',
         G('http', ['context', 'fmt', 'net/http'])(CHIHAYA), [
             (1, 'go-00-chihaya-peer-stored-on-goroutine-per-announce',
              'an edit stores each announcing peer on a new goroutine, one per request, with nothing bounding them',
              'edit'),
             (2, 'go-00-chihaya-peer-lookup-detached-from-request',
              'an edit loads the peer list on a background context, so a dropped client leaves the lookup running',
              'edit'),
             (0, 'go-ok-00-chihaya-peer-stored-and-loaded-on-request-context',
              'clean: peer stored and peers loaded in the request, both on its context', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / TMO-03: periodic metric sync (ts-bridge)
TSBRIDGE = r'''
// runSyncLoop copies metrics every period until ctx ends; one failed or panicking run waits for the next tick.
func runSyncLoop(ctx context.Context, period, timeout time.Duration, sync func(context.Context) error) {
    ticker := time.NewTicker(period)
    defer ticker.Stop()
    for {
        select {
        case <-ctx.Done():
            return
        case <-ticker.C:
        }
01|        sctx, cancel := context.WithTimeout(ctx, timeout)
01|        err := guarded(sctx, sync)
01|        cancel()
2|        sctx, _ := context.WithTimeout(ctx, timeout) //@TMO-03
2|        err := guarded(sctx, sync)
        if err != nil {
02|            log.Printf("metric sync failed, retrying next period: %v", err)
02|            syncFailures.Inc()
02|            continue
1|            log.Printf("metric sync failed: %v", err)
1|            return //@CONC-07
        }
        lastSuccess.SetToCurrentTime()
    }
}

// guarded runs one sync and turns a panic into an error.
func guarded(ctx context.Context, sync func(context.Context) error) (err error) {
    defer func() {
        if r := recover(); r != nil {
            err = fmt.Errorf("sync panicked: %v", r)
        }
    }()
    return sync(ctx)
}
'''
cases_of(case, GH + 'google/ts-bridge/pull/41', 'app/sync_loop.go',
         G('main', ['context', 'fmt', 'log', 'time'])(TSBRIDGE), [
             (1, 'go-00-ts-bridge-sync-loop-ends-on-first-failure',
              'a new sync loop returns after the first failed run, so metrics stop while the process lives on', 'new'),
             (2, 'go-00-ts-bridge-sync-deadline-cancel-discarded',
              'a new sync loop gives each run a deadline and throws its cancel function away', 'new'),
             (0, 'go-ok-00-ts-bridge-sync-loop-logs-and-keeps-ticking',
              'clean: deadline cancelled after each run, failures logged and counted, loop ends with its context',
              'new'),
         ])


# ---------------------------------------------------------------- CONC-05 / ERR-01: service check cycle (inspeqtor), CRLF
INSPEQTOR = r'''
// Run checks every service once per cycle until stop is closed.
func (i *Inspeqtor) Run(stop <-chan struct{}) {
    for {
        i.scan()
01|        select {
01|        case <-stop:
01|            return
01|        case <-time.After(i.cycle):
01|        }
2|        time.Sleep(i.cycle) //@CONC-05
2|        if i.stopping.Load() {
2|            return
2|        }
    }
}

// scan collects the metrics of every service and evaluates its rules.
func (i *Inspeqtor) scan() {
    for _, svc := range i.services {
02|        if err := svc.Collect(); err != nil {
02|            util.Warn("collect %s: %v", svc.Name(), err)
02|            i.collectFailures.Inc()
02|            continue
02|        }
1|        _ = svc.Collect() //@ERR-01
        svc.Verify(i.alerter)
    }
}
'''
cases_of(case, GH + 'mperham/inspeqtor/issues/20', 'inspeqtor.go',
         G('inspeqtor', ['time', '', 'github.com/mperham/inspeqtor/util'])(INSPEQTOR), [
             (1, 'go-00-inspeqtor-collect-error-discarded',
              'an edit discards the collection error of each service and verifies its rules on stale data', 'edit'),
             (2, 'go-00-inspeqtor-cycle-sleeps-through-stop',
              'an edit sleeps a whole cycle between scans and only then looks at the stop flag', 'edit'),
             (0, 'go-ok-00-inspeqtor-cycle-selects-on-stop',
              'clean: the wait between cycles selects on the stop channel, collection errors logged and counted',
              'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-05 / LOG-01: link dial retry (openziti fabric)
ZITI = r'''
// dialWithRetry keeps dialing a router link until it succeeds or ctx ends, doubling the pause up to maxDelay.
func (d *linkDialer) dialWithRetry(ctx context.Context, dest string) (net.Conn, error) {
    delay := d.minDelay
    for attempt := 1; ; attempt++ {
        conn, err := d.dial(ctx, dest)
        if err == nil {
            return conn, nil
        }
01|        if attempt == 1 || attempt%20 == 0 {
01|            d.log.WithError(err).WithField("dest", dest).Warnf("link dial failing (attempt %d)", attempt)
01|        }
2|        d.log.WithError(err).WithField("dest", dest).Warn("link dial failed") //@LOG-01
02|        select {
02|        case <-ctx.Done():
02|            return nil, ctx.Err()
02|        case <-time.After(delay):
02|        }
1|        time.Sleep(delay) //@CONC-05
        if delay *= 2; delay > d.maxDelay {
            delay = d.maxDelay
        }
    }
}
'''
cases_of(case, GH + 'openziti/fabric/pull/225', 'router/xlink_transport/dialer.go',
         G('xlink_transport', ['context', 'net', 'time'])(ZITI), [
             (1, 'go-00-openziti-link-retry-sleeps-through-shutdown',
              'a new link dialer sleeps between attempts, so a router shutting down waits out the whole back-off',
              'new'),
             (2, 'go-00-openziti-link-retry-warns-every-attempt',
              'an edit logs a warning on every failed dial attempt of the retry loop', 'edit'),
             (0, 'go-ok-00-openziti-link-retry-selects-and-samples',
              'clean: the pause selects on the context, failures logged on the first and every twentieth attempt',
              'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / RES-01: string query helper (gp-common-go-libs)
GPCOMMON = r'''
// SelectStrings runs query and returns its first column; ctx bounds the query.
func (dbconn *DBConn) SelectStrings(ctx context.Context, query string, args ...any) ([]string, error) {
02|    rows, err := dbconn.Conn.QueryContext(ctx, query, args...) //@{2}RES-01
1|    rows, err := dbconn.Conn.Query(query, args...) //@TMO-02
    if err != nil {
01|        return nil, fmt.Errorf("query %q: %w", query, err)
2|        return nil, fmt.Errorf("run %q: %w", query, err)
    }
01|    defer rows.Close()
    var out []string
    for rows.Next() {
        var s string
        if err := rows.Scan(&s); err != nil {
            return nil, fmt.Errorf("scan %q: %w", query, err)
        }
        out = append(out, s)
    }
2|    rows.Close()
    return out, rows.Err()
}
'''
GPCOMMON_MOCK = GO_GENERATED.replace('store.go', 'dbconn.go') + '''package dbconn

import (
\t"context"
\t"database/sql"

\tmock "github.com/stretchr/testify/mock"
)

// MockQuerier is an autogenerated mock type for the Querier type
type MockQuerier struct {
\tmock.Mock
}

// QueryContext provides a mock function with given fields: ctx, query, args
func (_m *MockQuerier) QueryContext(ctx context.Context, query string, args ...interface{}) (*sql.Rows, error) {
\tret := _m.Called(ctx, query, args)
\tr0, _ := ret.Get(0).(*sql.Rows)
\treturn r0, ret.Error(1)
}
'''
cases_of(case, GH + 'greenplum-db/gp-common-go-libs/pull/89', 'dbconn/select.go',
         G('dbconn', ['context', 'fmt'])(GPCOMMON), [
             (1, 'go-00-gp-common-select-strings-ignores-context',
              'an edit runs the query without the context the helper receives, so a cancelled caller waits it out',
              'edit'),
             (2, 'go-00-gp-common-select-strings-rows-closed-by-hand',
              'an edit closes the rows by hand after the loop, so a scan error returns with them open', 'edit'),
             (0, 'go-ok-00-gp-common-select-strings-context-and-deferred-close',
              'clean: QueryContext with the caller context, rows closed by a defer; a regenerated mock beside it',
              'fix', [f('dbconn/mock_querier.go', new=GPCOMMON_MOCK)]),
         ])


# ---------------------------------------------------------------- TX-01 / ERR-01: migration apply (pgmgr)
PGMGR = r'''
const insertVersionSQL = `INSERT INTO schema_migrations (version) VALUES ($1)`

// applyMigration runs one migration and records its version, both in one transaction.
func applyMigration(ctx context.Context, db *sql.DB, m Migration) error {
    tx, err := db.BeginTx(ctx, nil) //@{1}TX-01
    if err != nil {
        return fmt.Errorf("begin migration %d: %w", m.Version, err)
    }
02|    defer func() { _ = tx.Rollback() }() // sql.ErrTxDone after a successful Commit; nothing to report
    if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
        return fmt.Errorf("migration %d (%s): %w", m.Version, m.Name, err)
    }
01|    if _, err := tx.ExecContext(ctx, insertVersionSQL, m.Version); err != nil {
01|        return fmt.Errorf("record migration %d: %w", m.Version, err)
01|    }
2|    tx.ExecContext(ctx, insertVersionSQL, m.Version) //@ERR-01|TX-02
    return tx.Commit()
}
'''
cases_of(case, GH + 'rnubel/pgmgr/pull/2', 'pgmgr/apply.go',
         G('pgmgr', ['context', 'database/sql', 'fmt'])(PGMGR), [
             (1, 'go-00-pgmgr-migration-transaction-without-rollback',
              'a new migration step returns on a failed statement without rolling its transaction back', 'new'),
             (2, 'go-00-pgmgr-migration-version-insert-unchecked',
              'a new migration step records the version without checking the insert, then commits', 'new'),
             (0, 'go-ok-00-pgmgr-migration-rolled-back-version-checked',
              'clean: rollback deferred with its reason, version insert checked, Commit error returned', 'new'),
         ])
