"""Round-31 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
once and gives three cases: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean
look-alike (round 15's common15.variant, through round 16's common16). A case is a new file, an edit that turns the
clean file into a defect, the fix that turns the first defect into the clean file, or a move (round 16's
common16.cases_of). Names carry `00`: they are numbered in order at the end."""
from common16 import make_case, gomod, go, f, cases_of, variant

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'
TEMPLATES = []


def G(pkg, imports, header=''):
    return lambda body: (lambda v: go(pkg, imports, variant(body, v), header))


def GV(pkg, imports_of, header=''):
    """Like G, but the import block depends on the version (`imports_of[v]`), as goimports would leave it."""
    return lambda body: (lambda v: go(pkg, imports_of[v], variant(body, v), header))


def template(name, text):
    TEMPLATES.append((name, text))
    return text


# ---------------------------------------------------------------- CONC-01 / ERR-01: Kafka consumer (go-kafka)
GOKAFKA = template('gokafka', r'''
// Handler processes one Kafka message. A failed message goes to the error topic; its offset is marked either way.
type Handler func(ctx context.Context, msg *sarama.ConsumerMessage) error

type listener struct {
    client     sarama.ConsumerGroup
    groupID    string
    handlers   map[string]Handler
    errorTopic string
    producer   sarama.SyncProducer
    metrics    *listenerMetrics
}

// Listen consumes the handled topics until the context ends, joining the group again after every rebalance.
func (l *listener) Listen(ctx context.Context) error {
    topics := make([]string, 0, len(l.handlers))
    for topic := range l.handlers {
        topics = append(topics, topic)
    }
    for {
        if err := l.client.Consume(ctx, topics, l); err != nil {
            return fmt.Errorf("kafka: consuming %v for group %s: %w", topics, l.groupID, err)
        }
        if ctx.Err() != nil {
            return nil
        }
    }
}

func (l *listener) Setup(sarama.ConsumerGroupSession) error   { return nil }
func (l *listener) Cleanup(sarama.ConsumerGroupSession) error { return nil }

// ConsumeClaim hands the messages of one partition to a worker goroutine and marks each offset once it is handled.
func (l *listener) ConsumeClaim(session sarama.ConsumerGroupSession, claim sarama.ConsumerGroupClaim) error {
    handler, ok := l.handlers[claim.Topic()]
    if !ok {
        return fmt.Errorf("kafka: no handler for topic %s", claim.Topic())
    }
    done := make(chan error, 1)
    go func() { //@{1}CONC-01
02|        defer func() {
02|            if r := recover(); r != nil {
02|                done <- fmt.Errorf("kafka: handler of topic %s panicked: %v", claim.Topic(), r)
02|            }
02|        }()
        for msg := range claim.Messages() {
            start := time.Now()
            if err := handler(session.Context(), msg); err != nil {
                l.metrics.failed.WithLabelValues(msg.Topic).Inc()
                if ferr := l.forwardToErrorTopic(msg, err); ferr != nil {
                    done <- ferr
                    return
                }
            }
            l.metrics.duration.WithLabelValues(msg.Topic).Observe(time.Since(start).Seconds())
            session.MarkMessage(msg, "")
        }
        done <- nil
    }()
    return <-done
}

// forwardToErrorTopic copies a failed message to the error topic with the failure in a header, so it can be replayed.
func (l *listener) forwardToErrorTopic(msg *sarama.ConsumerMessage, cause error) error {
    if l.errorTopic == "" {
        return nil
    }
    out := &sarama.ProducerMessage{
        Topic: l.errorTopic,
        Key:   sarama.ByteEncoder(msg.Key),
        Value: sarama.ByteEncoder(msg.Value),
        Headers: []sarama.RecordHeader{
            {Key: []byte("error"), Value: []byte(cause.Error())},
            {Key: []byte("origin-topic"), Value: []byte(msg.Topic)},
        },
    }
01|    if _, _, err := l.producer.SendMessage(out); err != nil {
01|        return fmt.Errorf("kafka: forwarding offset %d of %s to %s: %w", msg.Offset, msg.Topic, l.errorTopic, err)
01|    }
2|    l.producer.SendMessage(out) //@ERR-01
    l.metrics.forwarded.WithLabelValues(msg.Topic).Inc()
    return nil
}
''')
cases_of(case, GH + 'ricardo-ch/go-kafka/pull/7', 'listener.go',
         G('kafka', ['context', 'fmt', 'time', '', 'github.com/Shopify/sarama'])(GOKAFKA), [
             (1, 'go-00-go-kafka-partition-worker-without-recover',
              'an edit drops the recover of the partition worker, so one panicking handler ends the consumer process',
              'edit'),
             (2, 'go-00-go-kafka-error-topic-send-result-dropped',
              'an edit drops the result of the send to the error topic, so a failed message is marked and lost', 'edit'),
             (0, 'go-ok-00-go-kafka-worker-recovers-forward-error-returned',
              'clean: the partition worker recovers a panicking handler, a failed forward stops the claim', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / LOG-01: game server manager, moved package
ASSETTO = template('assetto', r'''
// RaceControl follows a running session from the UDP feed of the game server and serves it to the live timing page.
type RaceControl struct {
    SessionInfo udp.SessionInfo `json:"SessionInfo"`

    ConnectedDrivers    map[udp.CarID]*RaceControlDriver      `json:"ConnectedDrivers"`
    DisconnectedDrivers map[udp.DriverGUID]*RaceControlDriver `json:"DisconnectedDrivers"`

    driversMutex sync.RWMutex
    broadcaster  Broadcaster
}

// NewRaceControl returns an empty race control that sends its updates through the broadcaster.
func NewRaceControl(broadcaster Broadcaster) *RaceControl {
    return &RaceControl{
        ConnectedDrivers:    make(map[udp.CarID]*RaceControlDriver),
        DisconnectedDrivers: make(map[udp.DriverGUID]*RaceControlDriver),
        broadcaster:         broadcaster,
    }
}

// OnNewConnection registers a driver joining the session. The UDP listener calls it on its own goroutine while the
// live timing handlers read the maps.
func (rc *RaceControl) OnNewConnection(connection udp.SessionCarInfo) error {
    driver := NewRaceControlDriver(connection)
01|    rc.driversMutex.Lock()
    if previous, ok := rc.DisconnectedDrivers[connection.DriverGUID]; ok {
        driver.BestLap = previous.BestLap
        driver.TotalNumLaps = previous.TotalNumLaps
        delete(rc.DisconnectedDrivers, connection.DriverGUID)
    }
    rc.ConnectedDrivers[connection.CarID] = driver //@{2}CONC-03
01|    rc.driversMutex.Unlock()

    logrus.Debugf("Driver %s (%s) connected in car %d", connection.DriverName, connection.DriverGUID, connection.CarID)
    return rc.broadcaster.Send(connection)
}

// OnClientDisconnect moves a leaving driver to the disconnected list, so a driver who comes back keeps the best lap.
func (rc *RaceControl) OnClientDisconnect(connection udp.SessionCarInfo) error {
    rc.driversMutex.Lock()
    driver, ok := rc.ConnectedDrivers[connection.CarID]
    if ok {
        delete(rc.ConnectedDrivers, connection.CarID)
        rc.DisconnectedDrivers[connection.DriverGUID] = driver
    }
    rc.driversMutex.Unlock()
    if !ok {
        logrus.Warnf("Disconnect of unknown car %d (%s)", connection.CarID, connection.DriverGUID)
        return nil
    }
    return rc.broadcaster.Send(connection)
}

// OnCarUpdate is called by the UDP listener for every position update of every car, several times a second per car.
func (rc *RaceControl) OnCarUpdate(update udp.CarUpdate) error {
    rc.driversMutex.RLock()
    driver, ok := rc.ConnectedDrivers[update.CarID]
    rc.driversMutex.RUnlock()
    if !ok {
        return nil
    }

    driver.mutex.Lock()
    driver.LastPos = update.Pos
    driver.LastSeen = time.Now()
    driver.mutex.Unlock()

1|    logrus.Infof("Car %d (%s) at %.1f, %.1f, %.1f", update.CarID, driver.CarInfo.DriverName, update.Pos.X, update.Pos.Y, update.Pos.Z) //@LOG-01
    return rc.broadcaster.Send(update)
}

// Drivers returns the connected drivers for the live timing page.
func (rc *RaceControl) Drivers() []*RaceControlDriver {
    rc.driversMutex.RLock()
    defer rc.driversMutex.RUnlock()
    drivers := make([]*RaceControlDriver, 0, len(rc.ConnectedDrivers))
    for _, driver := range rc.ConnectedDrivers {
        drivers = append(drivers, driver)
    }
    return drivers
}
''')


def assetto_old(text):
    return text.replace('package racecontrol', 'package servermanager')


cases_of(case, GH + 'JustaPenguin/assetto-server-manager/issues/1046', 'racecontrol/race_control.go',
         G('racecontrol', ['sync', 'time', '', 'github.com/JustaPenguin/assetto-server-manager/pkg/udp',
                           'github.com/sirupsen/logrus'])(ASSETTO), [
             (1, 'go-00-assetto-moved-race-control-info-line-per-car-update',
              'a PR moves race control to its own package and logs every position update of every car at info',
              'rename'),
             (2, 'go-00-assetto-moved-race-control-driver-maps-written-unlocked',
              'a PR moves race control and registers joining drivers in the shared maps without the lock', 'rename'),
             (0, 'go-ok-00-assetto-moved-race-control-locked-quiet',
              'clean: the move alone; the driver maps written under their lock, no line per car update', 'rename'),
         ], rename_from='race_control.go', rename_old=assetto_old)


# ---------------------------------------------------------------- RES-02 / TMO-01: feature flag SDK (FeatureProbe)
FEATUREPROBE = template('featureprobe', r'''
// Synchronizer polls the toggles of an SDK key and keeps the repository current.
type Synchronizer struct {
    togglesURL string
    sdkKey     string
    interval   time.Duration
    httpClient http.Client
    repo       *Repository
    stop       chan struct{}
    once       sync.Once
}

func newHTTPClient(timeout time.Duration) http.Client {
    return http.Client{ //@{2}TMO-01
01|        Timeout: timeout,
        Transport: &http.Transport{
            MaxIdleConns:        10,
            MaxIdleConnsPerHost: 10,
            IdleConnTimeout:     90 * time.Second,
        },
    }
}

// NewSynchronizer returns a synchronizer that polls every interval, each request bounded by the timeout.
func NewSynchronizer(togglesURL string, interval, timeout time.Duration, sdkKey string, repo *Repository) *Synchronizer {
    return &Synchronizer{
        togglesURL: togglesURL,
        sdkKey:     sdkKey,
        interval:   interval,
        httpClient: newHTTPClient(timeout),
        repo:       repo,
        stop:       make(chan struct{}),
    }
}

// Start fetches the toggles once and then every interval until Stop.
func (s *Synchronizer) Start() {
    s.once.Do(func() {
        if err := s.fetchRemoteRepo(); err != nil {
            log.Printf("featureprobe: first toggle fetch failed: %v", err)
        }
        go func() {
            defer func() {
                if r := recover(); r != nil {
                    log.Printf("featureprobe: synchronizer stopped by panic: %v", r)
                }
            }()
            ticker := time.NewTicker(s.interval)
            defer ticker.Stop()
            for {
                select {
                case <-ticker.C:
                    if err := s.fetchRemoteRepo(); err != nil {
                        log.Printf("featureprobe: toggle fetch failed: %v", err)
                    }
                case <-s.stop:
                    return
                }
            }
        }()
    })
}

// Stop ends the polling.
func (s *Synchronizer) Stop() {
    close(s.stop)
}

func (s *Synchronizer) fetchRemoteRepo() error {
    req, err := http.NewRequest(http.MethodGet, s.togglesURL, nil)
    if err != nil {
        return fmt.Errorf("featureprobe: building toggles request: %w", err)
    }
    req.Header.Set("Authorization", s.sdkKey)
    req.Header.Set("User-Agent", userAgent)
    resp, err := s.httpClient.Do(req) //@{1}RES-02
    if err != nil {
02|        return fmt.Errorf("featureprobe: fetching toggles: %w", err)
1|        return fmt.Errorf("featureprobe: toggles request to %s failed: %w", s.togglesURL, err)
    }
02|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return fmt.Errorf("featureprobe: toggles endpoint answered %d", resp.StatusCode)
    }
    body, err := io.ReadAll(resp.Body)
    if err != nil {
        return fmt.Errorf("featureprobe: reading toggles: %w", err)
    }
    var repo Repository
    if err := json.Unmarshal(body, &repo); err != nil {
        return fmt.Errorf("featureprobe: decoding toggles: %w", err)
    }
    s.repo.update(repo)
    return nil
}
''')
cases_of(case, GH + 'FeatureProbe/server-sdk-go/pull/23', 'featureprobe/sync.go',
         G('featureprobe', ['encoding/json', 'fmt', 'io', 'log', 'net/http', 'sync', 'time'])(FEATUREPROBE), [
             (1, 'go-00-featureprobe-toggle-response-body-never-closed',
              'an edit drops the deferred close of the toggles response, so every poll keeps a connection', 'edit'),
             (2, 'go-00-featureprobe-poll-client-loses-its-timeout',
              'an edit builds the polling client without the configured timeout, so a stuck server stops the poller',
              'edit'),
             (0, 'go-ok-00-featureprobe-body-closed-client-bounded',
              'clean: the toggles response closed by defer, the polling client bounded by the timeout', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / TMO-03: data lake usage report (lakeFS)
LAKEFS = template('lakefs', r'''
const (
    usagePartition = "usage"
    usageKeyPrefix = "month/"
)

// UsageRecord is the count of API calls of one month.
type UsageRecord struct {
    Month time.Time `json:"month"`
    Count int64     `json:"count"`
}

// UsageReporter counts API calls in memory and adds them to the month's record in the kv store on Flush.
type UsageReporter struct {
    store        kv.Store
    flushTimeout time.Duration

    mu    sync.Mutex
    month time.Time
    count int64
}

// Add counts n API calls of the current month.
func (u *UsageReporter) Add(n int64) {
    u.mu.Lock()
    defer u.mu.Unlock()
    month := currentMonth()
    if !month.Equal(u.month) {
        u.month, u.count = month, 0
    }
    u.count += n
}

// Records returns the stored usage records, oldest first.
func (u *UsageReporter) Records(ctx context.Context) ([]*UsageRecord, error) {
    it, err := u.store.Scan(ctx, []byte(usagePartition), kv.ScanOptions{KeyStart: []byte(usageKeyPrefix)}) //@{1}RES-01
    if err != nil {
02|        return nil, fmt.Errorf("scan usage records: %w", err)
1|        return nil, fmt.Errorf("usage report: scanning %s: %w", usagePartition, err)
    }
02|    defer it.Close()
    var records []*UsageRecord
    for it.Next() {
        entry := it.Entry()
        var rec UsageRecord
        if err := json.Unmarshal(entry.Value, &rec); err != nil {
            return nil, fmt.Errorf("decode usage record %s: %w", entry.Key, err)
        }
        records = append(records, &rec)
    }
    if err := it.Err(); err != nil {
        return nil, fmt.Errorf("scan usage records: %w", err)
    }
    return records, nil
}

// Flush adds the counted calls to the month's record, bounded so a slow store does not hold the reporter.
func (u *UsageReporter) Flush(ctx context.Context) error {
01|    flushCtx, cancel := context.WithTimeout(ctx, u.flushTimeout)
01|    defer cancel()
2|    flushCtx, _ := context.WithTimeout(ctx, u.flushTimeout) //@TMO-03

    u.mu.Lock()
    month, count := u.month, u.count
    u.mu.Unlock()
    if count == 0 {
        return nil
    }

    key := []byte(usageKeyPrefix + month.Format("2006-01"))
    rec := UsageRecord{Month: month, Count: count}
    prev, err := u.store.Get(flushCtx, []byte(usagePartition), key)
    switch {
    case errors.Is(err, kv.ErrNotFound):
    case err != nil:
        return fmt.Errorf("read usage record %s: %w", key, err)
    default:
        var old UsageRecord
        if err := json.Unmarshal(prev.Value, &old); err != nil {
            return fmt.Errorf("decode usage record %s: %w", key, err)
        }
        rec.Count += old.Count
    }
    data, err := json.Marshal(rec)
    if err != nil {
        return err
    }
    if err := u.store.Set(flushCtx, []byte(usagePartition), key, data); err != nil {
        return fmt.Errorf("write usage record %s: %w", key, err)
    }

    u.mu.Lock()
    if u.month.Equal(month) {
        u.count -= count
    }
    u.mu.Unlock()
    return nil
}
''')
cases_of(case, GH + 'treeverse/lakeFS/issues/9380', 'pkg/stats/usage.go',
         G('stats', ['context', 'encoding/json', 'errors', 'fmt', 'sync', 'time', '',
                     'github.com/treeverse/lakefs/pkg/kv'])(LAKEFS), [
             (1, 'go-00-lakefs-usage-scan-iterator-never-closed',
              'an edit drops the deferred close of the usage scan iterator, leaking it on every report', 'edit'),
             (2, 'go-00-lakefs-usage-flush-timeout-cancel-discarded',
              'an edit bounds the usage flush with a timeout context and throws its cancel away', 'edit'),
             (0, 'go-ok-00-lakefs-iterator-closed-flush-cancel-deferred',
              'clean: the scan iterator closed by defer, the flush timeout cancelled by defer', 'fix'),
         ])


# ---------------------------------------------------------------- RES-03 / ERR-01: CLI bundle extraction (crc)
CRC = template('crc', r'''
// Untar extracts the regular files of a tar stream below targetDir and returns their paths. Only the files the filter
// accepts are written; a nil filter accepts every file.
func Untar(reader io.Reader, targetDir string, fileFilter func(string) bool) ([]string, error) {
    var extractedFiles []string
    tarReader := tar.NewReader(reader)
    for {
        header, err := tarReader.Next()
        if err == io.EOF {
            break
        }
        if err != nil {
            return nil, fmt.Errorf("reading archive: %w", err)
        }
        path, err := buildPath(targetDir, header.Name)
        if err != nil {
            return nil, err
        }
        switch header.Typeflag {
        case tar.TypeDir:
            if err := os.MkdirAll(path, header.FileInfo().Mode()); err != nil {
                return nil, err
            }
        case tar.TypeReg:
            if fileFilter != nil && !fileFilter(header.Name) {
                continue
            }
            if err := os.MkdirAll(filepath.Dir(path), 0750); err != nil {
                return nil, err
            }
02|            if err := writeFile(path, tarReader, header.FileInfo().Mode()); err != nil {
02|                return nil, err
02|            }
1|            file, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, header.FileInfo().Mode())
1|            if err != nil {
1|                return nil, err
1|            }
1|            defer file.Close() //@RES-03
1|            if _, err := io.Copy(file, tarReader); err != nil {
1|                return nil, fmt.Errorf("writing %s: %w", path, err)
1|            }
            extractedFiles = append(extractedFiles, path)
        default:
            logging.Debugf("Skipping %s of type %c", header.Name, header.Typeflag)
        }
    }
    return extractedFiles, nil
}

// writeFile copies one archive entry to path. A failed close is a failed write: the data may not be on disk.
func writeFile(path string, reader io.Reader, mode os.FileMode) (err error) {
    file, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, mode)
    if err != nil {
        return err
    }
01|    defer func() {
01|        if cerr := file.Close(); cerr != nil && err == nil {
01|            err = fmt.Errorf("closing %s: %w", path, cerr)
01|        }
01|    }()
2|    defer file.Close() //@ERR-01
    if _, err := io.Copy(file, reader); err != nil {
        return fmt.Errorf("writing %s: %w", path, err)
    }
    return nil
}

// buildPath joins an archive entry name to the target directory and refuses names that would leave it.
func buildPath(targetDir, name string) (string, error) {
    path := filepath.Join(targetDir, name) // #nosec G305: checked below
    if !strings.HasPrefix(path, filepath.Clean(targetDir)+string(os.PathSeparator)) {
        return "", fmt.Errorf("%s: illegal file path in archive", name)
    }
    return path, nil
}
''')
cases_of(case, GH + 'crc-org/crc/pull/2348', 'pkg/extract/extract.go',
         G('extract', ['archive/tar', 'fmt', 'io', 'os', 'path/filepath', 'strings', '',
                       'github.com/crc-org/crc/pkg/crc/logging'])(CRC), [
             (1, 'go-00-crc-untar-defers-every-file-close-in-loop',
              'an edit inlines the file copy into the extraction loop and defers every close to the end of the archive',
              'edit'),
             (2, 'go-00-crc-extracted-file-close-error-dropped',
              'an edit closes each extracted file by a bare defer, so a failed flush to disk reads as success', 'edit'),
             (0, 'go-ok-00-crc-file-closed-per-entry-close-error-returned',
              'clean: each entry written and closed by its own function, a failed close returned', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / TX-02: schema migration library (gormigrate)
GORMIGRATE = template('gormigrate', r'''
// migrate runs every migration up to migrationID that has not run yet, in the order they were declared.
func (g *Gormigrate) migrate(migrationID string) error {
    if !g.hasMigrations() {
        return ErrNoMigrationDefined
    }
    if err := g.checkDuplicatedID(); err != nil {
        return err
    }
    if err := g.createMigrationTableIfNotExists(); err != nil {
        return err
    }
    for _, migration := range g.migrations {
        ran, err := g.migrationRan(migration)
        if err != nil {
            return err
        }
        if !ran {
            if err := g.runMigration(migration); err != nil {
                return err
            }
        }
        if migrationID != "" && migration.ID == migrationID {
            break
        }
    }
    return nil
}

// runMigration applies one migration and records its ID, both in one transaction when UseTransaction is set.
func (g *Gormigrate) runMigration(migration *Migration) error {
    if len(migration.ID) == 0 {
        return ErrMissingID
    }
    tx := g.db
    if g.options.UseTransaction {
        tx = g.db.Begin() //@{1}TX-01
        if err := tx.Error; err != nil {
02|            return fmt.Errorf("gormigrate: begin migration %s: %w", migration.ID, err)
1|            return fmt.Errorf("gormigrate: could not start a transaction for %s: %w", migration.ID, err)
        }
    }
    if err := migration.Migrate(tx); err != nil {
02|        g.rollback(tx)
        return fmt.Errorf("gormigrate: migration %s: %w", migration.ID, err)
    }
    if err := g.insertMigration(tx, migration.ID); err != nil {
02|        g.rollback(tx)
        return err
    }
    if g.options.UseTransaction {
01|        if err := tx.Commit().Error; err != nil {
01|            return fmt.Errorf("gormigrate: commit migration %s: %w", migration.ID, err)
01|        }
2|        tx.Commit() //@TX-02
    }
    return nil
}

02|func (g *Gormigrate) rollback(tx *gorm.DB) {
02|    if g.options.UseTransaction {
02|        tx.Rollback()
02|    }
02|}
02|
func (g *Gormigrate) insertMigration(tx *gorm.DB, id string) error {
    record := map[string]interface{}{g.options.IDColumnName: id}
    return tx.Table(g.options.TableName).Create(record).Error
}

func (g *Gormigrate) migrationRan(m *Migration) (bool, error) {
    var count int64
    err := g.db.
        Table(g.options.TableName).
        Where(fmt.Sprintf("%s = ?", g.options.IDColumnName), m.ID).
        Count(&count).
        Error
    return count > 0, err
}
''')
cases_of(case, GH + 'go-gormigrate/gormigrate/pull/34', 'gormigrate.go',
         G('gormigrate', ['fmt', '', 'gorm.io/gorm'])(GORMIGRATE), [
             (1, 'go-00-gormigrate-failed-migration-transaction-left-open',
              'an edit drops the rollback of a failed migration, leaving its transaction and connection open', 'edit'),
             (2, 'go-00-gormigrate-migration-commit-error-ignored',
              'an edit commits each migration without checking the result, so a failed commit counts as applied',
              'edit'),
             (0, 'go-ok-00-gormigrate-rolled-back-commit-checked',
              'clean: a failed migration rolled back, the commit error returned', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / CONC-02: event SDK transmission (libhoney-go)
LIBHONEY = template('libhoney', r'''
// Honeycomb sends events to the Honeycomb API in batches from a fixed number of sender goroutines.
type Honeycomb struct {
    MaxBatchSize         int
    BatchTimeout         time.Duration
    MaxConcurrentBatches int
    PendingWorkCapacity  int
    APIHost              string
    Transport            http.RoundTripper
    Logger               Logger

    client    *http.Client
    pending   chan *Event
    responses chan Response
2|    overflowMu sync.Mutex
2|    overflow   []*Event
    wg        sync.WaitGroup
}

// Start creates the client and the queue and starts the senders.
func (h *Honeycomb) Start() error {
    h.client = &http.Client{ //@{1}TMO-01
        Transport: h.Transport,
02|        Timeout:   60 * time.Second,
    }
    h.pending = make(chan *Event, h.PendingWorkCapacity)
    h.responses = make(chan Response, h.PendingWorkCapacity*2)
    for i := 0; i < h.MaxConcurrentBatches; i++ {
        h.wg.Add(1)
        go h.sender()
    }
    return nil
}

// Stop lets the senders drain the queue and waits for them.
func (h *Honeycomb) Stop() error {
    close(h.pending)
    h.wg.Wait()
    close(h.responses)
    return nil
}

// Add queues an event; when the queue is full the event is dropped and reported on the responses channel.
func (h *Honeycomb) Add(ev *Event) {
    select {
    case h.pending <- ev:
    default:
01|        h.respond(Response{Err: errors.New("queue overflow"), Metadata: ev.Metadata})
2|        h.overflowMu.Lock()
2|        h.overflow = append(h.overflow, ev) //@CONC-02
2|        h.overflowMu.Unlock()
    }
}

func (h *Honeycomb) sender() {
    defer h.wg.Done()
    defer func() {
        if r := recover(); r != nil {
            h.Logger.Printf("libhoney: sender stopped by panic: %v", r)
        }
    }()
    ticker := time.NewTicker(h.BatchTimeout)
    defer ticker.Stop()
    batch := make([]*Event, 0, h.MaxBatchSize)
    for {
        select {
        case ev, ok := <-h.pending:
            if !ok {
                h.send(batch)
                return
            }
            batch = append(batch, ev)
            if len(batch) >= h.MaxBatchSize {
                h.send(batch)
                batch = batch[:0]
            }
        case <-ticker.C:
2|            h.send(h.takeOverflow(batch))
01|            h.send(batch)
            batch = batch[:0]
        }
    }
}

2|// takeOverflow moves waiting overflow events into the batch, up to its size.
2|func (h *Honeycomb) takeOverflow(batch []*Event) []*Event {
2|    h.overflowMu.Lock()
2|    defer h.overflowMu.Unlock()
2|    n := h.MaxBatchSize - len(batch)
2|    if n > len(h.overflow) {
2|        n = len(h.overflow)
2|    }
2|    if n <= 0 {
2|        return batch
2|    }
2|    batch = append(batch, h.overflow[:n]...)
2|    h.overflow = h.overflow[n:]
2|    return batch
2|}
2|

func (h *Honeycomb) send(batch []*Event) {
    if len(batch) == 0 {
        return
    }
    body, err := json.Marshal(batch)
    if err != nil {
        h.respondAll(batch, err)
        return
    }
    req, err := http.NewRequest(http.MethodPost, h.APIHost+"/1/batch/"+batch[0].Dataset, bytes.NewReader(body))
    if err != nil {
        h.respondAll(batch, err)
        return
    }
    req.Header.Set("Content-Type", "application/json")
    req.Header.Set("X-Honeycomb-Team", batch[0].WriteKey)
    resp, err := h.client.Do(req)
    if err != nil {
        h.respondAll(batch, err)
        return
    }
    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        h.respondAll(batch, fmt.Errorf("libhoney: batch rejected with status %d", resp.StatusCode))
        return
    }
    h.respondAll(batch, nil)
}

func (h *Honeycomb) respondAll(batch []*Event, err error) {
    for _, ev := range batch {
        h.respond(Response{Err: err, Metadata: ev.Metadata})
    }
}

// respond never blocks a sender: a reader that does not keep up loses responses, not events.
func (h *Honeycomb) respond(r Response) {
    select {
    case h.responses <- r:
    default:
    }
}
''')
cases_of(case, GH + 'honeycombio/libhoney-go/pull/34', 'transmission/transmission.go',
         GV('transmission', {v: ['bytes', 'encoding/json'] + (['errors'] if v != 2 else []) + ['fmt', 'net/http', 'sync',
                                                                                          'time'] for v in (0, 1, 2)})(
             LIBHONEY), [
             (1, 'go-00-libhoney-new-transmission-client-without-timeout',
              'a new batch transmission sends through an HTTP client without a timeout, so a stuck API holds every '
              'sender', 'new'),
             (2, 'go-00-libhoney-new-transmission-overflow-list-unbounded',
              'a new batch transmission keeps the events that find the queue full in a list that grows without bound',
              'new'),
             (0, 'go-ok-00-libhoney-new-transmission-bounded-client-drops-overflow',
              'clean: a new batch transmission with a client timeout that drops and reports events past the queue',
              'new'),
         ])


# ---------------------------------------------------------------- ERR-01 / LOG-01: resumable upload server (tusd)
TUSD = template('tusd', r'''
// WriteChunk appends the request body to the upload's file at offset and returns the number of bytes written.
// tusd acknowledges the PATCH request with the new offset once this returns, so a write that is not on disk must fail.
func (upload *fileUpload) WriteChunk(ctx context.Context, offset int64, src io.Reader) (n int64, err error) {
    file, err := os.OpenFile(upload.binPath, os.O_WRONLY|os.O_APPEND, defaultFilePerm)
    if err != nil {
        return 0, err
    }
02|    defer func() {
02|        if cerr := file.Close(); cerr != nil && err == nil {
02|            err = fmt.Errorf("filestore: closing %s: %w", upload.binPath, cerr)
02|        }
02|    }()
1|    defer file.Close() //@ERR-01

    n, err = io.Copy(file, src)
    upload.info.Offset += n
2|    log.Printf("filestore: wrote %d bytes to upload %s, now at offset %d", n, upload.info.ID, upload.info.Offset) //@LOG-01
    if err != nil {
        return n, err
    }
    return n, nil
}

// GetInfo reads the upload's info file.
func (upload *fileUpload) GetInfo(ctx context.Context) (handler.FileInfo, error) {
    data, err := os.ReadFile(upload.infoPath)
    if err != nil {
        if os.IsNotExist(err) {
            err = handler.ErrNotFound
        }
        return handler.FileInfo{}, err
    }
    var info handler.FileInfo
    if err := json.Unmarshal(data, &info); err != nil {
        return handler.FileInfo{}, fmt.Errorf("filestore: decoding info of %s: %w", upload.infoPath, err)
    }
    stat, err := os.Stat(upload.binPath)
    if err != nil {
        return handler.FileInfo{}, err
    }
    info.Offset = stat.Size()
    upload.info = info
    return info, nil
}

// writeInfo stores the upload's info next to its data; a half-written info file is never left behind.
func (upload *fileUpload) writeInfo() error {
    data, err := json.Marshal(upload.info)
    if err != nil {
        return err
    }
    tmp := upload.infoPath + ".tmp"
    if err := os.WriteFile(tmp, data, defaultFilePerm); err != nil {
        return err
    }
    return os.Rename(tmp, upload.infoPath)
}
''')
cases_of(case, GH + 'tus/tusd/issues/698', 'pkg/filestore/filestore.go',
         GV('filestore', {0: ['context', 'encoding/json', 'fmt', 'io', 'os', '', 'github.com/tus/tusd/pkg/handler'],
                          1: ['context', 'encoding/json', 'fmt', 'io', 'os', '', 'github.com/tus/tusd/pkg/handler'],
                          2: ['context', 'encoding/json', 'fmt', 'io', 'log', 'os', '',
                              'github.com/tus/tusd/pkg/handler']})(TUSD), [
             (1, 'go-00-tusd-chunk-close-error-discarded',
              'an edit closes the upload file by a bare defer, so a chunk lost on close is acknowledged to the client',
              'edit'),
             (2, 'go-00-tusd-line-per-written-chunk',
              'an edit logs every written chunk of every upload, one line per PATCH request', 'edit'),
             (0, 'go-ok-00-tusd-close-error-returned-no-line-per-chunk',
              'clean: a failed close of the upload file returned, no line per chunk', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / TMO-02: blockchain consensus (xuperchain)
XUPER = template('xuper', r'''
// readNominations returns the votes of every candidate nominated for the term, read from the nomination keys.
func (tp *tdposConsensus) readNominations(term int64) (map[string]int64, error) {
    prefix := []byte(fmt.Sprintf("%s%d_", nominatePrefix, term))
    it := tp.ledger.NewIteratorWithPrefix(prefix) //@{1}RES-01
02|    defer it.Release()
    nominations := make(map[string]int64)
    for it.Next() {
        candidate := strings.TrimPrefix(string(it.Key()), string(prefix))
        votes, err := strconv.ParseInt(string(it.Value()), 10, 64)
        if err != nil {
            return nil, fmt.Errorf("tdpos: bad vote count for %s in term %d: %w", candidate, term, err)
        }
        nominations[candidate] += votes
    }
    if err := it.Error(); err != nil {
        return nil, fmt.Errorf("tdpos: reading nominations of term %d: %w", term, err)
    }
    return nominations, nil
}

// electProposers picks the proposers of the term: the candidates with the most votes, ties broken by address.
func (tp *tdposConsensus) electProposers(term int64) ([]string, error) {
    nominations, err := tp.readNominations(term)
    if err != nil {
        return nil, err
    }
    candidates := make([]string, 0, len(nominations))
    for c := range nominations {
        candidates = append(candidates, c)
    }
    sort.Slice(candidates, func(i, j int) bool {
        if nominations[candidates[i]] != nominations[candidates[j]] {
            return nominations[candidates[i]] > nominations[candidates[j]]
        }
        return candidates[i] < candidates[j]
    })
    if len(candidates) > tp.proposerNum {
        candidates = candidates[:tp.proposerNum]
    }
    return candidates, nil
}

// broadcastVote sends this node's view of the term's proposers to its peers and returns once they have it.
func (tp *tdposConsensus) broadcastVote(ctx context.Context, term int64, proposers []string) error {
    body, err := proto.Marshal(&pb.TdposVote{Term: term, Proposers: proposers})
    if err != nil {
        return err
    }
    msg := p2p.NewMessage(pb.XuperMessage_TDPOS_VOTE, body, p2p.WithBCName(tp.bcName))
01|    if err := tp.network.SendMessage(ctx, msg); err != nil {
2|    if err := tp.network.SendMessage(context.Background(), msg); err != nil { //@TMO-02
        return fmt.Errorf("tdpos: broadcasting vote of term %d: %w", term, err)
    }
    tp.log.Debug("tdpos: vote broadcast", "term", term, "proposers", len(proposers))
    return nil
}
''')
cases_of(case, GH + 'xuperchain/xuperchain/pull/503', 'bcs/consensus/tdpos/nominate.go',
         G('tdpos', ['context', 'fmt', 'sort', 'strconv', 'strings', '', 'github.com/golang/protobuf/proto',
                     'github.com/xuperchain/xuperchain/kernel/network/p2p',
                     'pb github.com/xuperchain/xuperchain/protos'])(XUPER), [
             (1, 'go-00-xuperchain-nomination-iterator-never-released',
              'an edit drops the release of the nomination iterator, pinning the ledger snapshot on every election',
              'edit'),
             (2, 'go-00-xuperchain-vote-broadcast-without-caller-context',
              'an edit broadcasts the vote with a background context, so a cancelled term still waits on peers',
              'edit'),
             (0, 'go-ok-00-xuperchain-iterator-released-vote-carries-context',
              'clean: the nomination iterator released by defer, the vote sent with the caller\'s context', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / RES-01: web app migrations (househunt)
HOUSEHUNT = template('househunt', r'''
// Migrate applies the SQL files of dir that have not run yet, in name order, each in its own transaction.
func Migrate(ctx context.Context, db *sql.DB, dir string) error {
    if _, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`); err != nil {
        return fmt.Errorf("create migrations table: %w", err)
    }
    names, err := migrationNames(dir)
    if err != nil {
        return err
    }
    for _, name := range names {
        applied, err := isApplied(ctx, db, name)
        if err != nil {
            return err
        }
        if applied {
            continue
        }
        if err := apply(ctx, db, dir, name); err != nil {
            return fmt.Errorf("migration %s: %w", name, err)
        }
    }
    return nil
}

func apply(ctx context.Context, db *sql.DB, dir, name string) error {
    stmts, err := readMigration(filepath.Join(dir, name))
    if err != nil {
        return err
    }
    tx, err := db.BeginTx(ctx, nil) //@{1}TX-01
    if err != nil {
02|        return fmt.Errorf("begin: %w", err)
1|        return fmt.Errorf("begin transaction: %w", err)
    }
02|    defer tx.Rollback() // a no-op after Commit

    if _, err := tx.ExecContext(ctx, stmts); err != nil {
        return fmt.Errorf("run: %w", err)
    }
    if _, err := tx.ExecContext(ctx, `INSERT INTO migrations (name, applied_at) VALUES (?, ?)`, name, time.Now().UTC().Format(time.RFC3339)); err != nil {
        return fmt.Errorf("record: %w", err)
    }
    return tx.Commit()
}

func readMigration(path string) (string, error) {
    f, err := os.Open(path) //@{2}RES-01
    if err != nil {
01|        return "", err
2|        return "", fmt.Errorf("open %s: %w", path, err)
    }
01|    defer f.Close()
    data, err := io.ReadAll(f)
    if err != nil {
        return "", fmt.Errorf("read %s: %w", path, err)
    }
    return string(data), nil
}

func migrationNames(dir string) ([]string, error) {
    entries, err := os.ReadDir(dir)
    if err != nil {
        return nil, fmt.Errorf("list migrations: %w", err)
    }
    var names []string
    for _, e := range entries {
        if !e.IsDir() && strings.HasSuffix(e.Name(), ".sql") {
            names = append(names, e.Name())
        }
    }
    sort.Strings(names)
    return names, nil
}

func isApplied(ctx context.Context, db *sql.DB, name string) (bool, error) {
    var n int
    err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM migrations WHERE name = ?`, name).Scan(&n)
    if err != nil {
        return false, fmt.Errorf("check migration %s: %w", name, err)
    }
    return n > 0, nil
}
''')
cases_of(case, GH + 'willemschots/househunt/pull/17', 'internal/db/migrate.go',
         G('db', ['context', 'database/sql', 'fmt', 'io', 'os', 'path/filepath', 'sort', 'strings', 'time'])(HOUSEHUNT), [
             (1, 'go-00-househunt-failed-migration-transaction-never-rolled-back',
              'an edit drops the deferred rollback, so a failed migration leaves its transaction open', 'edit'),
             (2, 'go-00-househunt-migration-file-never-closed',
              'an edit drops the deferred close of each migration file it reads', 'edit'),
             (0, 'go-ok-00-househunt-rollback-deferred-file-closed',
              'clean: each migration transaction rolled back by defer on failure, each file closed by defer', 'fix'),
         ])
