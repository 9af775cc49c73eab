"""Round-42 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- CONC-01 / CONC-03: golden-number game room (goldennum)
GOLDENNUM = template('goldennum-room', r'''
const (
    goldenRatio = 0.618
    maxHistory  = 64
)

// RoundResult is the outcome of one round of a room.
type RoundResult struct {
    Round   int
    Golden  float64
    Winners []string
    Closed  time.Time
}

// Room is one golden-number game: in each round every player submits a number in (0, 100), and the players closest
// to 0.618 times the average of the round score a point.
type Room struct {
    ID       uint
    Interval time.Duration

    mu      sync.Mutex
    round   int
    players map[string]*Player
    pending map[string]float64
    history []RoundResult
    stop    chan struct{}
}

// NewRoom returns a room that closes a round every interval.
func NewRoom(id uint, interval time.Duration) *Room {
    return &Room{
        ID:       id,
        Interval: interval,
        players:  make(map[string]*Player),
        pending:  make(map[string]float64),
        stop:     make(chan struct{}),
    }
}

// Start closes a round every interval until Stop is called.
func (r *Room) Start() {
    go func() {
        ticker := time.NewTicker(r.Interval)
        defer ticker.Stop()
        for {
            select {
            case <-r.stop:
                return
            case <-ticker.C:
                r.tick()
            }
        }
    }()
}

// Stop ends the rounds of the room.
func (r *Room) Stop() {
    close(r.stop)
}

// Submit records the number of a player for the current round; the HTTP handlers call it from many goroutines.
func (r *Room) Submit(name string, value float64) error {
    if value <= 0 || value >= 100 {
        return fmt.Errorf("room %d: %v is outside (0, 100)", r.ID, value)
    }
01|    r.mu.Lock()
01|    defer r.mu.Unlock()
    r.pending[name] = value //@{2}CONC-03
    if p, ok := r.players[name]; ok {
        p.LastSeen = time.Now()
        return nil
    }
    delete(r.pending, name)
    return fmt.Errorf("room %d: %q has not joined", r.ID, name)
}

// tick closes the current round: it scores the players nearest to the golden number and opens the next round.
func (r *Room) tick() { //@{1}CONC-01
02|    defer func() {
02|        if err := recover(); err != nil {
02|            log.Printf("room %d: round %d failed: %v\n%s", r.ID, r.round, err, debug.Stack())
02|        }
02|    }()
    r.mu.Lock()
    defer r.mu.Unlock()
    r.round++
    if len(r.pending) == 0 {
        return
    }
    sum := 0.0
    for _, v := range r.pending {
        sum += v
    }
    golden := sum / float64(len(r.pending)) * goldenRatio
    best := math.Inf(1)
    var winners []string
    for name, v := range r.pending {
        d := math.Abs(v - golden)
        switch {
        case d < best:
            best, winners = d, []string{name}
        case d == best:
            winners = append(winners, name)
        }
    }
    for _, name := range winners {
        r.players[name].Score++
    }
    r.history = append(r.history, RoundResult{Round: r.round, Golden: golden, Winners: winners, Closed: time.Now()})
    if len(r.history) > maxHistory {
        r.history = r.history[len(r.history)-maxHistory:]
    }
    r.pending = make(map[string]float64)
}
''')
cases_of(case, GH + 'forewing/goldennum/issues/28', 'models/game.go',
         GV('models', {0: ['fmt', 'log', 'math', 'runtime/debug', 'sync', 'time'],
                       1: ['fmt', 'math', 'sync', 'time'],
                       2: ['fmt', 'log', 'math', 'runtime/debug', 'sync', 'time']})(GOLDENNUM), [
             (1, 'go-00-goldennum-room-tick-without-recover',
              'an edit drops the recover of the round tick, which runs on the room\'s own goroutine, so one bad round '
              '(a player removed between submit and tick) ends the whole game server', 'edit'),
             (2, 'go-00-goldennum-submit-writes-pending-without-lock',
              'an edit takes the lock out of Submit, so the HTTP handlers write the pending map while the tick '
              'goroutine reads and replaces it', 'edit'),
             (0, 'go-ok-00-goldennum-room-recovered-tick-locked-submit',
              'clean: the tick recovers and logs, Submit writes the pending numbers under the room lock', 'fix'),
         ])


# ---------------------------------------------------------------- RES-03 / ERR-01: batch mode of an image-resizing CLI (caire)
CAIRE = template('caire-batch', r'''
// imageExt lists the extensions the batch mode picks up.
var imageExt = map[string]bool{".jpg": true, ".jpeg": true, ".png": true, ".bmp": true}

// processDir runs the processor over every image of srcDir and writes each result under the same name in dstDir.
// A file that fails is reported and skipped; the counts are returned for the summary line.
func processDir(p *caire.Processor, srcDir, dstDir string) (done, failed int, err error) {
    entries, err := os.ReadDir(srcDir)
    if err != nil {
        return 0, 0, fmt.Errorf("reading %s: %w", srcDir, err)
    }
    if err := os.MkdirAll(dstDir, 0o755); err != nil {
        return 0, 0, fmt.Errorf("creating %s: %w", dstDir, err)
    }
    for _, entry := range entries {
        if entry.IsDir() || !imageExt[strings.ToLower(filepath.Ext(entry.Name()))] {
            continue
        }
        src := filepath.Join(srcDir, entry.Name())
        dst := filepath.Join(dstDir, entry.Name())
        in, err := os.Open(src)
        if err != nil {
            fmt.Fprintf(os.Stderr, "skipping %s: %v\n", src, err)
            failed++
            continue
        }
1|        defer in.Close() //@RES-03
        out, err := os.Create(dst)
        if err != nil {
02|            in.Close()
            fmt.Fprintf(os.Stderr, "skipping %s: %v\n", dst, err)
            failed++
            continue
        }
1|        defer out.Close()
01|        err = p.Process(in, out)
2|        p.Process(in, out) //@ERR-01
02|        in.Close()
02|        if cerr := out.Close(); cerr != nil && err == nil {
02|            err = cerr
02|        }
        if err != nil {
            fmt.Fprintf(os.Stderr, "resizing %s failed: %v\n", src, err)
            failed++
            continue
        }
        done++
    }
    return done, failed, nil
}
''')
cases_of(case, GH + 'esimov/caire/pull/19', 'cmd/caire/batch.go',
         G('main', ['fmt', 'os', 'path/filepath', 'strings', '', 'github.com/esimov/caire'])(CAIRE), [
             (1, 'go-00-caire-batch-closes-deferred-to-end-of-run',
              'a new batch mode for the resizing CLI defers the close of each source and destination image inside the '
              'loop over the folder, so every file stays open until the whole batch ends', 'new'),
             (2, 'go-00-caire-batch-resize-error-dropped',
              'a new batch mode for the resizing CLI calls the processor without looking at its error, so a failed '
              'resize counts as done and leaves a broken file behind', 'new'),
             (0, 'go-ok-00-caire-batch-files-closed-each-turn',
              'clean: a new batch mode closing both files each turn, the resize and close errors counted as failures',
              'new'),
         ])


# ---------------------------------------------------------------- RES-01 / TMO-01: ssh client behind a jump host (easyssh-proxy)
EASYSSH = template('easyssh-proxy-run', r'''
// connect dials the server, through the jump host when one is configured, and opens a session on it. The caller
// closes the session and the client.
func (ssh_conf *MakeConfig) connect() (*ssh.Session, *ssh.Client, error) {
    auth, err := ssh_conf.authMethods()
    if err != nil {
        return nil, nil, err
    }
    targetConfig := &ssh.ClientConfig{ //@{2}TMO-01
        User:            ssh_conf.User,
01|        Timeout:         ssh_conf.Timeout,
        Auth:            auth,
        HostKeyCallback: ssh.InsecureIgnoreHostKey(),
    }
    addr := net.JoinHostPort(ssh_conf.Server, ssh_conf.Port)
    if ssh_conf.Proxy.Server == "" {
        client, err := ssh.Dial("tcp", addr, targetConfig)
        if err != nil {
            return nil, nil, err
        }
        session, err := client.NewSession()
        if err != nil {
            client.Close()
            return nil, nil, err
        }
        return session, client, nil
    }
    proxyClient, err := ssh_conf.Proxy.dial()
    if err != nil {
        return nil, nil, err
    }
    conn, err := proxyClient.Dial("tcp", addr)
    if err != nil {
        proxyClient.Close()
        return nil, nil, err
    }
    ncc, chans, reqs, err := ssh.NewClientConn(conn, addr, targetConfig)
    if err != nil {
        proxyClient.Close()
        return nil, nil, err
    }
    client := ssh.NewClient(ncc, chans, reqs)
    session, err := client.NewSession()
    if err != nil {
        client.Close()
        return nil, nil, err
    }
    return session, client, nil
}

// Run executes command on the server and returns its standard output and standard error.
func (ssh_conf *MakeConfig) Run(command string) (outStr string, errStr string, err error) {
02|    session, client, err := ssh_conf.connect()
1|    session, _, err := ssh_conf.connect() //@RES-01
    if err != nil {
        return "", "", err
    }
    defer session.Close()
02|    defer client.Close()

    var stdout, stderr bytes.Buffer
    session.Stdout = &stdout
    session.Stderr = &stderr
    if err := session.Run(command); err != nil {
        return stdout.String(), stderr.String(), err
    }
    return stdout.String(), stderr.String(), nil
}
''')
cases_of(case, GH + 'appleboy/easyssh-proxy/pull/55', 'easyssh.go',
         G('easyssh', ['bytes', 'net', '', 'golang.org/x/crypto/ssh'])(EASYSSH), [
             (1, 'go-00-easyssh-proxy-run-drops-ssh-client',
              'an edit has Run keep only the session of the connection and drop the client, so every command leaves an '
              'ssh connection and its goroutines open', 'edit'),
             (2, 'go-00-easyssh-proxy-target-config-without-timeout',
              'an edit builds the target client config without the configured timeout, so a server that accepts the '
              'TCP connection and never answers the handshake hangs the caller', 'edit'),
             (0, 'go-ok-00-easyssh-proxy-client-closed-config-timeout',
              'clean: Run closes the session and the client, the target config carries the timeout', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / RES-02: registry tag fetcher (lstags)
LSTAGS = template('lstags-fetch-tags', r'''
// FetchTags fetches the manifest details of every named tag of repository, at most cli.concurrency at a time, and
// returns them by tag name. The first failure is returned once every request is done.
func (cli *Client) FetchTags(repository string, names []string) (map[string]*Tag, error) {
    tags := make(map[string]*Tag, len(names))
01|    var mu sync.Mutex
    var wg sync.WaitGroup
    errs := make(chan error, len(names))
    slots := make(chan struct{}, cli.concurrency)
    for _, name := range names {
        wg.Add(1)
        slots <- struct{}{}
        go func(name string) {
            defer wg.Done()
            defer func() { <-slots }()
            tag, err := cli.fetchTag(repository, name)
            if err != nil {
                errs <- fmt.Errorf("%s:%s: %w", repository, name, err)
                return
            }
01|            mu.Lock()
            tags[name] = tag //@{2}CONC-03
01|            mu.Unlock()
        }(name)
    }
    wg.Wait()
    close(errs)
    if err := <-errs; err != nil {
        return nil, err
    }
    return tags, nil
}

func (cli *Client) fetchTag(repository, name string) (*Tag, error) {
    url := fmt.Sprintf("%s/v2/%s/manifests/%s", cli.baseURL, repository, name)
    req, err := http.NewRequest(http.MethodGet, url, nil)
    if err != nil {
        return nil, err
    }
    req.Header.Set("Accept", "application/vnd.docker.distribution.manifest.v2+json")
    if cli.token != "" {
        req.Header.Set("Authorization", "Bearer "+cli.token)
    }
    resp, err := cli.http.Do(req) //@{1}RES-02
    if err != nil {
02|        return nil, err
1|        return nil, fmt.Errorf("requesting %s: %w", url, err)
    }
02|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return nil, fmt.Errorf("manifest request answered %s", resp.Status)
    }
    var manifest struct {
        Config struct {
            Digest string `json:"digest"`
            Size   int64  `json:"size"`
        } `json:"config"`
    }
    if err := json.NewDecoder(resp.Body).Decode(&manifest); err != nil {
        return nil, fmt.Errorf("decoding manifest: %w", err)
    }
    return &Tag{
        Name:      name,
        Digest:    resp.Header.Get("Docker-Content-Digest"),
        ImageID:   manifest.Config.Digest,
        ImageSize: manifest.Config.Size,
    }, nil
}
''')
cases_of(case, GH + 'ivanilves/lstags/issues/143', 'api/v1/registry/client/tags.go',
         G('client', ['encoding/json', 'fmt', 'net/http', 'sync'])(LSTAGS), [
             (1, 'go-00-lstags-renamed-tag-fetch-body-not-closed',
              'a PR moves the tag fetching into its own file and no longer closes the manifest response body, so '
              'every fetched tag keeps a registry connection', 'rename'),
             (2, 'go-00-lstags-renamed-tag-map-written-by-goroutines',
              'a PR moves the tag fetching into its own file and writes the result map from the fetch goroutines '
              'without the mutex, which crashes with concurrent map writes', 'rename'),
             (0, 'go-ok-00-lstags-renamed-tag-fetch-locked-body-closed',
              'clean: the move and a renamed method; the map written under the mutex, each body closed', 'rename'),
         ], rename_from='api/v1/registry/client/client_tags.go',
         rename_old=lambda t: t.replace('FetchTags', 'TagDetails'))


# ---------------------------------------------------------------- TX-01 / TX-02: entity store of a data hub (datahub)
DATAHUB = template('datahub-store-entities', r'''
// StoreEntities writes a batch of entities of the dataset and a change-log entry for each entity whose content
// changed, in one badger transaction, so a reader never sees an entity without its change.
func (ds *Dataset) StoreEntities(entities []*Entity) error {
    txn := ds.store.database.NewTransaction(true) //@{1}TX-01
02|    defer txn.Discard()

    seq, err := ds.store.nextOffset(ds.InternalID)
    if err != nil {
        return err
    }
    changed := 0
    for _, e := range entities {
        rid, err := ds.store.getIDForURI(txn, e.ID)
        if err != nil {
            return fmt.Errorf("resolving %s: %w", e.ID, err)
        }
        data, err := json.Marshal(e)
        if err != nil {
            return err
        }
        key := entityKey(ds.InternalID, rid)
        if same, err := ds.sameContent(txn, key, data); err != nil {
            return err
        } else if same {
            continue
        }
        if err := txn.Set(key, data); err != nil {
            return err
        }
        if err := txn.Set(changeKey(ds.InternalID, seq), key); err != nil {
            return err
        }
        seq++
        changed++
    }
01|    if err := txn.Commit(); err != nil {
01|        return fmt.Errorf("committing %d entities of %s: %w", changed, ds.ID, err)
01|    }
2|    txn.Commit() //@TX-02
    ds.store.statistics.add(ds.ID, changed)
    return nil
}
''')
cases_of(case, GH + 'mimiro-io/datahub/pull/344', 'internal/server/dataset.go',
         G('server', ['encoding/json', 'fmt'])(DATAHUB), [
             (1, 'go-00-datahub-entity-txn-not-discarded',
              'an edit drops the deferred discard of the badger transaction, so every batch that fails on the way '
              'leaves its transaction open and holds its pending writes in memory', 'edit'),
             (2, 'go-00-datahub-entity-commit-error-ignored',
              'an edit commits the entity transaction without looking at the result, so a conflict or a full disk '
              'loses the batch while the statistics count it', 'edit'),
             (0, 'go-ok-00-datahub-entity-txn-discarded-commit-checked',
              'clean: the transaction discarded by defer, its commit error returned', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / LOG-01: embedded key-value store (lotusdb)
LOTUSDB = template('lotusdb-sync-put', r'''
// syncRegularly fsyncs the write-ahead log of the active memtable every SyncInterval until the database closes.
func (db *DB) syncRegularly() {
    ticker := time.NewTicker(db.options.SyncInterval) //@{1}RES-01
02|    defer ticker.Stop()
    for {
        select {
        case <-ticker.C:
            db.mu.Lock()
            err := db.activeMem.syncWAL()
            db.mu.Unlock()
            if err != nil {
                log.Printf("lotusdb: periodic wal sync failed: %v", err)
            }
        case <-db.closeCh:
            return
        }
    }
}

// Put stores value under key with the given write options; a nil options uses the database defaults.
func (db *DB) Put(key []byte, value []byte, options *WriteOptions) error {
    if len(key) == 0 {
        return ErrKeyIsEmpty
    }
    batch := db.batchPool.Get().(*Batch)
    defer func() {
        batch.reset()
        db.batchPool.Put(batch)
    }()
    batch.init(false, false, db).withPendingWrites()
    if err := batch.Put(key, value); err != nil {
        return err
    }
2|    log.Printf("lotusdb: put %d bytes under key %x", len(value), key) //@LOG-01
    return batch.Commit(options)
}
''')
cases_of(case, GH + 'lotusdblabs/lotusdb/pull/17', 'db.go',
         G('lotusdb', ['log', 'time'])(LOTUSDB), [
             (1, 'go-00-lotusdb-sync-ticker-never-stopped',
              'an edit no longer stops the ticker of the periodic WAL sync, so every database opened and closed in the '
              'process leaves a running ticker behind', 'edit'),
             (2, 'go-00-lotusdb-log-line-per-put',
              'an edit logs every Put with its size and key, on the write path of the store', 'edit'),
             (0, 'go-ok-00-lotusdb-sync-ticker-stopped-quiet-put',
              'clean: the ticker stopped when the sync loop ends, no line per write', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / TMO-02: kafka consumer of a toolkit (xtools)
XTOOLS = template('xtools-consumer', r'''
// runSequential polls one message at a time, hands it to the handler and stores its offset, until ctx ends.
func (c *Consumer) runSequential(ctx context.Context) error {
    for {
        select {
        case <-ctx.Done():
            return nil
        default:
            km, err := c.kafka.ReadMessage(c.config.pollTimeout)
            if err != nil {
                var kerr kafka.Error
                if errors.As(err, &kerr) && kerr.Code() == kafka.ErrTimedOut {
                    continue
                }
                return err
            }
            msg := newMessage(c.name, km)
01|            err = c.handler.Handle(ctx, msg)
2|            err = c.handler.Handle(context.Background(), msg) //@TMO-02
            if herr := c.config.errorHandler(err); herr != nil {
                return herr
            }
            if err := c.storeMessage(msg); err != nil {
                return err
            }
        }
    }
}

// storeMessage records the offset after msg, so a restarted consumer begins with the next message, and commits it
// when the consumer commits by hand.
func (c *Consumer) storeMessage(msg *Message) error {
    if msg.Status != Success && msg.Status != Skip {
        return nil
    }
    next := kafka.TopicPartition{
        Topic:     &msg.Topic,
        Partition: msg.Partition,
        Offset:    kafka.Offset(msg.Offset + 1),
    }
02|    if _, err := c.kafka.StoreOffsets([]kafka.TopicPartition{next}); err != nil {
02|        return fmt.Errorf("storing offset %d of %s: %w", msg.Offset+1, msg.Topic, err)
02|    }
1|    c.kafka.StoreOffsets([]kafka.TopicPartition{next}) //@ERR-01
    if !c.config.manualCommit {
        return nil
    }
    if _, err := c.kafka.Commit(); err != nil && !isNoOffset(err) {
        return fmt.Errorf("committing %s: %w", msg.Topic, err)
    }
    return nil
}

func isNoOffset(err error) bool {
    var kerr kafka.Error
    return errors.As(err, &kerr) && kerr.Code() == kafka.ErrNoOffset
}
''')
cases_of(case, GH + 'gojekfarm/xtools/pull/73', 'xkafka/consumer.go',
         G('xkafka', ['context', 'errors', 'fmt', '', 'github.com/confluentinc/confluent-kafka-go/v2/kafka'])(XTOOLS), [
             (1, 'go-00-xtools-consumer-store-offsets-error-dropped',
              'an edit stores the offset of a handled message without looking at the result, so an offset lost in a '
              'rebalance goes unnoticed and the message is consumed again', 'edit'),
             (2, 'go-00-xtools-consumer-handler-detached-from-run-context',
              'an edit calls the handler with a background context instead of the consumer\'s, so closing the consumer '
              'no longer cancels the message being handled', 'edit'),
             (0, 'go-ok-00-xtools-consumer-offset-error-returned-run-context',
              'clean: the store error returned with its offset, the handler given the run context', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / TMO-03: brainstorm kick-off of a chat server (hive)
HIVE = template('hive-brainstorm', r'''
const (
    brainstormTimeout = 90 * time.Second
    maxIdeas          = 8
)

// kickBrainstorm asks the agents of the room for ideas on topic in the background and posts each idea to the room
// as it arrives; the request that started it returns at once.
func (s *Server) kickBrainstorm(roomID, topic string) {
    go func() { //@{1}CONC-01
02|        defer func() {
02|            if r := recover(); r != nil {
02|                s.log.Error("brainstorm panicked", "room", roomID, "panic", r, "stack", string(debug.Stack()))
02|            }
02|        }()
01|        ctx, cancel := context.WithTimeout(context.Background(), brainstormTimeout)
01|        defer cancel()
2|        ctx, _ := context.WithTimeout(context.Background(), brainstormTimeout) //@TMO-03
        ideas, err := s.agents.Brainstorm(ctx, topic, maxIdeas)
        if err != nil {
            s.log.Warn("brainstorm failed", "room", roomID, "err", err)
            s.rooms.PostSystem(roomID, "The agents could not brainstorm this time.")
            return
        }
        for idea := range ideas {
            msg := Message{Room: roomID, Author: idea.Agent, Body: idea.Text, Kind: KindIdea}
            if err := s.rooms.Post(ctx, msg); err != nil {
                s.log.Warn("posting idea failed", "room", roomID, "err", err)
                return
            }
        }
    }()
}
''')
cases_of(case, GH + 'hivecommons/hive/pull/981', 'server/brainstorm.go',
         GV('server', {0: ['context', 'runtime/debug', 'time'], 1: ['context', 'time'],
                       2: ['context', 'runtime/debug', 'time']})(HIVE), [
             (1, 'go-00-hive-brainstorm-goroutine-without-recover',
              'an edit drops the recover of the background brainstorm goroutine, so an agent answer that panics the '
              'loop ends the whole chat server', 'edit'),
             (2, 'go-00-hive-brainstorm-timeout-cancel-discarded',
              'an edit bounds the brainstorm with a timeout context and throws its cancel away, so each kick keeps a '
              'timer and its context alive for the full ninety seconds', 'edit'),
             (0, 'go-ok-00-hive-brainstorm-recovered-cancel-deferred',
              'clean: the brainstorm goroutine recovers, its timeout context cancelled by defer', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / CONC-02: proxy list checker (proxyclient)
PROXYCLIENT = template('proxyclient-check', r'''
// Result is the outcome of probing one proxy.
type Result struct {
    Proxy   string
    Latency time.Duration
    Err     error
}

// Check probes every proxy of the list against the test URL, at most c.parallel at a time, and returns the results
// in the order they finish.
func (c *Checker) Check(ctx context.Context, proxies []string) []Result {
    results := make(chan Result, len(proxies))
01|    sem := make(chan struct{}, c.parallel)
    var wg sync.WaitGroup
    for _, p := range proxies {
        wg.Add(1)
01|        sem <- struct{}{}
        go func(p string) { //@{2}CONC-02
            defer wg.Done()
01|            defer func() { <-sem }()
            results <- c.probe(ctx, p)
        }(p)
    }
    wg.Wait()
    close(results)
    out := make([]Result, 0, len(proxies))
    for r := range results {
        out = append(out, r)
    }
    return out
}

func (c *Checker) probe(ctx context.Context, proxy string) Result {
    u, err := url.Parse(proxy)
    if err != nil {
        return Result{Proxy: proxy, Err: err}
    }
    client := &http.Client{
        Transport: &http.Transport{Proxy: http.ProxyURL(u), DisableKeepAlives: true},
        Timeout:   c.timeout,
    }
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.testURL, nil)
    if err != nil {
        return Result{Proxy: proxy, Err: err}
    }
    start := time.Now()
    resp, err := client.Do(req) //@{1}RES-02
    if err != nil {
02|        return Result{Proxy: proxy, Err: err}
1|        return Result{Proxy: proxy, Err: fmt.Errorf("probing through %s: %w", proxy, err)}
    }
02|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return Result{Proxy: proxy, Err: fmt.Errorf("test URL answered %s through %s", resp.Status, proxy)}
    }
    return Result{Proxy: proxy, Latency: time.Since(start)}
}
''')
cases_of(case, GH + 'cnlangzi/proxyclient/pull/24', 'checker.go',
         G('proxyclient', ['context', 'fmt', 'net/http', 'net/url', 'sync', 'time'])(PROXYCLIENT), [
             (1, 'go-00-proxyclient-probe-body-not-closed',
              'an edit stops closing the body of the probe response, so every proxy checked keeps a connection and '
              'its transport goroutines', 'edit'),
             (2, 'go-00-proxyclient-probe-goroutine-per-proxy',
              'an edit drops the semaphore of the checker, so a list of thousands of proxies starts thousands of '
              'probes at once', 'edit'),
             (0, 'go-ok-00-proxyclient-bounded-probes-body-closed',
              'clean: the probes bounded by the semaphore, each response body closed', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / TMO-02: sqlite repository of a payment server (arkd)
ARKD = template('arkd-exec-tx', r'''
const maxTxRetries = 5

// execTx runs txBody in one transaction and commits it, starting over while sqlite reports the database busy.
func execTx(ctx context.Context, db *sql.DB, txBody func(*queries.Queries) error) error {
    var lastErr error
    for attempt := 0; attempt < maxTxRetries; attempt++ {
01|        tx, err := db.BeginTx(ctx, nil) //@{1}TX-01
2|        tx, err := db.BeginTx(context.Background(), nil) //@TMO-02
        if err != nil {
02|            return fmt.Errorf("begin transaction: %w", err)
1|            return fmt.Errorf("begin transaction (attempt %d): %w", attempt+1, err)
        }
        if err := txBody(queries.New(db).WithTx(tx)); err != nil {
02|            if rbErr := tx.Rollback(); rbErr != nil {
02|                log.WithError(rbErr).Warn("rollback after failed transaction body")
02|            }
            if isBusy(err) {
                lastErr = err
                time.Sleep(backoff(attempt))
                continue
            }
            return err
        }
        if err := tx.Commit(); err != nil {
            if isBusy(err) {
                lastErr = err
                time.Sleep(backoff(attempt))
                continue
            }
            return fmt.Errorf("commit: %w", err)
        }
        return nil
    }
    return fmt.Errorf("transaction still busy after %d attempts: %w", maxTxRetries, lastErr)
}

func backoff(attempt int) time.Duration {
    return time.Duration(1<<attempt) * 20 * time.Millisecond
}
''')
cases_of(case, GH + 'arkade-os/arkd/pull/1043', 'internal/infrastructure/db/sqlite/utils.go',
         GV('sqlitedb', {v: ['context', 'database/sql', 'fmt', 'time', '',
                            'github.com/arkade-os/arkd/internal/infrastructure/db/sqlite/sqlc/queries']
                         + (['log github.com/sirupsen/logrus'] if v != 1 else []) for v in (0, 1, 2)})(ARKD), [
             (1, 'go-00-arkd-exec-tx-body-failure-not-rolled-back',
              'an edit drops the rollback when the transaction body fails, so a failed or busy attempt keeps its '
              'sqlite transaction and connection while the retry begins another', 'edit'),
             (2, 'go-00-arkd-exec-tx-begun-without-caller-context',
              'an edit begins each transaction with a background context instead of the caller\'s, so a cancelled '
              'request keeps writing and retrying', 'edit'),
             (0, 'go-ok-00-arkd-exec-tx-rolled-back-caller-context',
              'clean: a failed body rolled back before any retry, each transaction begun with the caller\'s context',
              'fix'),
         ])
