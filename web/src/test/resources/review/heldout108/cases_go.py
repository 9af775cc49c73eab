"""Round-108 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- RES-02 / TMO-01: statistics pusher of a time-series database (openGemini)
OPENGEMINI = template('opengemini-statistics-pusher', r'''
// HTTPPusher sends the node's own statistics, as line protocol, to the monitoring database of the cluster. Every
// ts-store and ts-sql node calls Push once per collection interval; a failed batch is reported and the next
// interval sends fresh points.
type HTTPPusher struct {
    endpoint string
    client   *http.Client
}

func NewHTTPPusher(addr, database string) *HTTPPusher {
    return &HTTPPusher{
        endpoint: fmt.Sprintf("http://%s/write?db=%s&precision=ns", addr, url.QueryEscape(database)),
01|        client:   &http.Client{Timeout: 10 * time.Second},
2|        client:   &http.Client{}, //@TMO-01
    }
}

func (p *HTTPPusher) Push(ctx context.Context, points []byte) error {
    req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.endpoint, bytes.NewReader(points))
    if err != nil {
        return fmt.Errorf("building statistics request: %w", err)
    }
    req.Header.Set("Content-Type", "text/plain; charset=utf-8")
    resp, err := p.client.Do(req)
    if err != nil { //@{1}RES-02
        return fmt.Errorf("pushing statistics to %s: %w", p.endpoint, err)
    }
02|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusNoContent {
        msg, readErr := io.ReadAll(io.LimitReader(resp.Body, 512))
        if readErr != nil {
            return fmt.Errorf("pushing statistics: status %d (body unreadable: %v)", resp.StatusCode, readErr)
        }
        return fmt.Errorf("pushing statistics: status %d: %s", resp.StatusCode, bytes.TrimSpace(msg))
    }
    return nil
}
''')
cases_of(case, GH + 'openGemini/openGemini/pull/466', 'lib/statisticsPusher/pusher/http.go',
         G('pusher', ['bytes', 'context', 'fmt', 'io', 'net/http', 'net/url', 'time'])(OPENGEMINI), [
             (1, 'go-00-opengemini-statistics-body-left-open',
              'an edit drops the close of the statistics write response, so every collection interval of every node '
              'keeps one more connection to the monitoring database out of the pool', 'edit'),
             (2, 'go-00-opengemini-pusher-client-without-timeout',
              'an edit builds the pusher\'s HTTP client without a timeout, so a monitoring database that stops '
              'answering parks the statistics goroutine on its first push', 'edit'),
             (0, 'go-ok-00-opengemini-statistics-body-closed',
              'clean: the fix closes the statistics write response once the request succeeded', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-03 / CONC-07: member lease renewal of an etcd backup sidecar (etcd-backup-restore)
ETCDBR = template('etcd-backup-restore-heartbeat', r'''
// Heartbeat renews the member lease of this etcd member, so the operator can tell live members from dead ones.
type Heartbeat struct {
    logger     *logrus.Entry
    k8sClient  client.Client
    namespace  string
    leaseName  string
    memberName string
}

// RenewMemberLeasePeriodically renews the lease every period until ctx is cancelled; a renewal that fails is
// reported and tried again on the next tick.
func (hb *Heartbeat) RenewMemberLeasePeriodically(ctx context.Context, period time.Duration) error {
    ticker := time.NewTicker(period)
    defer ticker.Stop()
    for {
        select {
        case <-ctx.Done():
            hb.logger.Info("stopping the member lease renewal")
            return ctx.Err()
        case <-ticker.C:
            if err := hb.renewOnce(ctx); err != nil {
01|                hb.logger.Warnf("could not renew member lease %s: %v", hb.leaseName, err)
2|                return fmt.Errorf("renewing member lease %s: %w", hb.leaseName, err) //@CONC-07
            }
        }
    }
}

func (hb *Heartbeat) renewOnce(ctx context.Context) error {
02|    leaseUpdateCtx, cancel := context.WithTimeout(ctx, brtypes.DefaultEtcdConnectionTimeout)
02|    defer cancel()
1|    leaseUpdateCtx, _ := context.WithTimeout(ctx, brtypes.DefaultEtcdConnectionTimeout) //@TMO-03
    lease := &coordinationv1.Lease{}
    if err := hb.k8sClient.Get(leaseUpdateCtx, client.ObjectKey{Namespace: hb.namespace, Name: hb.leaseName}, lease); err != nil {
        return fmt.Errorf("fetching lease: %w", err)
    }
    renewTime := metav1.NewMicroTime(time.Now().UTC())
    lease.Spec.RenewTime = &renewTime
    lease.Spec.HolderIdentity = &hb.memberName
    if err := hb.k8sClient.Update(leaseUpdateCtx, lease); err != nil {
        return fmt.Errorf("updating lease: %w", err)
    }
    return nil
}
''')
cases_of(case, GH + 'gardener/etcd-backup-restore/pull/409', 'pkg/health/heartbeat/heartbeat.go',
         G('heartbeat', ['context', 'fmt', 'time', '',
                         'brtypes github.com/gardener/etcd-backup-restore/pkg/types',
                         'github.com/sirupsen/logrus',
                         'coordinationv1 k8s.io/api/coordination/v1',
                         'metav1 k8s.io/apimachinery/pkg/apis/meta/v1',
                         'sigs.k8s.io/controller-runtime/pkg/client'])(ETCDBR), [
             (1, 'go-00-etcd-backup-restore-lease-timeout-cancel-discarded',
              'an edit discards the cancel of the lease update timeout, so every renewal tick leaves a context and '
              'its timer behind until the timeout fires', 'edit'),
             (2, 'go-00-etcd-backup-restore-renewal-stops-after-one-failure',
              'an edit returns from the renewal loop on the first failed renewal, so one apiserver hiccup stops the '
              'member\'s heartbeat for good', 'edit'),
             (0, 'go-ok-00-etcd-backup-restore-lease-timeout-cancelled',
              'clean: the fix cancels the lease update timeout when each renewal returns', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-04: HTTP client of a time-series database client library (influxdb1-client)
INFLUX1_TEST = r'''package client

import (
	"testing"
	"time"
)

func TestNewHTTPClientRejectsUnknownScheme(t *testing.T) {
	if _, err := NewHTTPClient(HTTPConfig{Addr: "udp://localhost:8089", Timeout: time.Second}); err == nil {
		t.Fatal("expected an error for a udp address")
	}
}

func TestNewHTTPClientKeepsUserAgent(t *testing.T) {
	c, err := NewHTTPClient(HTTPConfig{Addr: "http://localhost:8086", UserAgent: "telegraf"})
	if err != nil {
		t.Fatal(err)
	}
	if got := c.(*client).useragent; got != "telegraf" {
		t.Fatalf("user agent = %q", got)
	}
}
'''
INFLUX1 = template('influxdb1-client-http', r'''
// NewHTTPClient returns a Client for the 1.x HTTP API. conf.Timeout bounds every request; the transport is a clone
// of http.DefaultTransport, so dial, TLS-handshake and idle-connection timeouts stay set.
func NewHTTPClient(conf HTTPConfig) (Client, error) {
    if conf.UserAgent == "" {
        conf.UserAgent = "InfluxDBClient"
    }
    u, err := url.Parse(conf.Addr)
    if err != nil {
        return nil, err
    } else if u.Scheme != "http" && u.Scheme != "https" {
        return nil, fmt.Errorf("unsupported protocol scheme: %s, your address must start with http:// or https://", u.Scheme)
    }
    tr := http.DefaultTransport.(*http.Transport).Clone()
    if conf.TLSConfig != nil {
        tr.TLSClientConfig = conf.TLSConfig
    }
    if conf.Proxy != nil {
        tr.Proxy = conf.Proxy
    }
    return &client{
        url:        *u,
        username:   conf.Username,
        password:   conf.Password,
        useragent:  conf.UserAgent,
        timeout:    conf.Timeout,
        transport:  tr,
02|        httpClient: &http.Client{Timeout: conf.Timeout, Transport: tr},
1|        httpClient: &http.Client{Transport: tr}, //@TMO-01
    }, nil
}

// WriteCtx writes the batch points in one request to the /write endpoint.
func (c *client) WriteCtx(ctx context.Context, bp BatchPoints) error {
    var b bytes.Buffer
    for _, p := range bp.Points() {
        if p == nil {
            continue
        }
        if _, err := b.WriteString(p.pt.PrecisionString(bp.Precision())); err != nil {
            return err
        }
        if err := b.WriteByte('\n'); err != nil {
            return err
        }
    }

    u := c.url
    u.Path = path.Join(u.Path, "write")
    req, err := http.NewRequestWithContext(ctx, http.MethodPost, u.String(), &b)
    if err != nil {
        return err
    }
    req.Header.Set("Content-Type", "")
    req.Header.Set("User-Agent", c.useragent)
    if c.username != "" {
        req.SetBasicAuth(c.username, c.password)
    }
    params := req.URL.Query()
    params.Set("db", bp.Database())
    params.Set("rp", bp.RetentionPolicy())
    params.Set("precision", bp.Precision())
    req.URL.RawQuery = params.Encode()

01|    resp, err := c.httpClient.Do(req)
2|    httpClient := &http.Client{Timeout: c.timeout, Transport: c.transport} //@RES-04
2|    resp, err := httpClient.Do(req)
    if err != nil {
        return err
    }
    defer resp.Body.Close()

    body, err := io.ReadAll(resp.Body)
    if err != nil {
        return err
    }
    if resp.StatusCode != http.StatusNoContent && resp.StatusCode != http.StatusOK {
        return errors.New(string(body))
    }
    return nil
}
''')
cases_of(case, GH + 'influxdata/influxdb1-client/pull/43', 'v2/client.go',
         G('client', ['bytes', 'context', 'errors', 'fmt', 'io', 'net/http', 'net/url', 'path'])(INFLUX1), [
             (1, 'go-00-influxdb1-client-http-client-without-timeout',
              'an edit builds the API client without its configured timeout, so a write to a server that accepted '
              'the connection and stopped answering blocks the caller for good; the pull request adds tests beside it',
              'edit', [f('v2/client_test.go', new=INFLUX1_TEST)]),
             (2, 'go-00-influxdb1-client-http-client-per-write',
              'an edit builds a new HTTP client for every write, so each batch pays a new connection and TLS handshake '
              'instead of reusing the pooled one', 'edit'),
             (0, 'go-ok-00-influxdb1-client-http-client-with-timeout',
              'clean: the fix gives the API client the configured timeout over the cloned default transport', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / CONC-01: broker connection monitor of a message-queue client (paho.mqtt.golang), new file
PAHO = template('paho-connection-monitor', r'''
// Monitor keeps one MQTT client connected to the broker. Every interval it checks the connection and, when it is
// down, replaces the client with a fresh one; the comms goroutines of a client only end once it is disconnected.
type Monitor struct {
    opts     *mqtt.ClientOptions
    interval time.Duration
    done     chan struct{}

    mu     sync.Mutex
    client mqtt.Client
}

func NewMonitor(opts *mqtt.ClientOptions, interval time.Duration) *Monitor {
    return &Monitor{opts: opts, interval: interval, done: make(chan struct{})}
}

// Start runs the connection check until Stop is called.
func (m *Monitor) Start() {
    go func() { //@{2}CONC-01
01|        defer func() {
01|            if r := recover(); r != nil {
01|                log.Printf("mqtt monitor stopped by a panic: %v\n%s", r, debug.Stack())
01|            }
01|        }()
        m.checkLoop()
    }()
}

func (m *Monitor) checkLoop() {
    ticker := time.NewTicker(m.interval)
    defer ticker.Stop()
    for {
        m.ensureConnected()
        select {
        case <-m.done:
            return
        case <-ticker.C:
        }
    }
}

func (m *Monitor) ensureConnected() {
    m.mu.Lock()
    defer m.mu.Unlock()
    if m.client != nil && m.client.IsConnectionOpen() {
        return
    }
02|    if m.client != nil {
02|        m.client.Disconnect(250)
02|    }
    m.client = mqtt.NewClient(m.opts) //@{1}RES-01
    token := m.client.Connect()
    if !token.WaitTimeout(10 * time.Second) {
        log.Printf("mqtt connect to %v timed out", m.opts.Servers)
        return
    }
    if err := token.Error(); err != nil {
        log.Printf("mqtt connect to %v failed: %v", m.opts.Servers, err)
    }
}

// Stop ends the check loop and disconnects the current client.
func (m *Monitor) Stop() {
    close(m.done)
    m.mu.Lock()
    defer m.mu.Unlock()
    if m.client != nil {
        m.client.Disconnect(250)
    }
}
''')
_PAHO = ['log', 'runtime/debug', 'sync', 'time', '', 'mqtt github.com/eclipse/paho.mqtt.golang']
cases_of(case, GH + 'eclipse-paho/paho.mqtt.golang/issues/675', 'cmd/monitor/monitor.go',
         GV('main', {0: _PAHO, 1: _PAHO, 2: ['log', 'sync', 'time', '', 'mqtt github.com/eclipse/paho.mqtt.golang']})(PAHO), [
             (1, 'go-00-paho-reconnect-leaves-old-client-connected',
              'a new connection monitor replaces a client whose connection dropped without disconnecting it, so every '
              'failed reconnect leaves its comms goroutines waiting for good', 'new'),
             (2, 'go-00-paho-monitor-goroutine-without-recover',
              'a new connection monitor starts its check goroutine without a recover, so a panic in a reconnect takes '
              'the whole process down', 'new'),
             (0, 'go-ok-00-paho-connection-monitor',
              'clean: a new connection monitor that disconnects the old client before replacing it and recovers its '
              'check goroutine', 'new'),
         ])


# ---------------------------------------------------------------- TX-01 / TX-02: table load of a customer data warehouse pipeline (rudder-server), CRLF file
RUDDER = template('rudder-warehouse-load-table', r'''
// loadTable copies the staging files of one upload into the customer's table inside one transaction: COPY fills a
// temporary staging table, then a delete-and-insert merges it, so a failed load leaves the table as it was.
func (pg *Postgres) loadTable(ctx context.Context, tableName string, stagingFiles []string) (err error) {
    stagingTable := warehouseutils.StagingTableName(provider, tableName, tableNameLimit)
    txn, err := pg.DB.BeginTx(ctx, &sql.TxOptions{})
    if err != nil { //@{1}TX-01
        return fmt.Errorf("beginning transaction for %s: %w", tableName, err)
    }
02|    defer func() {
02|        if err != nil {
02|            if rbErr := txn.Rollback(); rbErr != nil {
02|                pg.logger.Warnf("PG: rollback of the load into %s failed: %v", tableName, rbErr)
02|            }
02|        }
02|    }()

    if _, err = txn.ExecContext(ctx, fmt.Sprintf(`CREATE TEMPORARY TABLE %[2]s (LIKE "%[1]s"."%[3]s") ON COMMIT DROP`, pg.Namespace, stagingTable, tableName)); err != nil {
        return fmt.Errorf("creating staging table %s: %w", stagingTable, err)
    }
    for _, file := range stagingFiles {
        if err = pg.copyInto(ctx, txn, stagingTable, file); err != nil {
            return fmt.Errorf("copying %s into %s: %w", file, stagingTable, err)
        }
    }
    if _, err = txn.ExecContext(ctx, fmt.Sprintf(`DELETE FROM "%[1]s"."%[2]s" USING %[3]s AS _source WHERE _source.id = "%[1]s"."%[2]s".id`, pg.Namespace, tableName, stagingTable)); err != nil {
        return fmt.Errorf("deleting the replaced rows of %s: %w", tableName, err)
    }
    if _, err = txn.ExecContext(ctx, fmt.Sprintf(`INSERT INTO "%[1]s"."%[2]s" SELECT * FROM %[3]s`, pg.Namespace, tableName, stagingTable)); err != nil {
        return fmt.Errorf("inserting into %s: %w", tableName, err)
    }
01|    if err = txn.Commit(); err != nil {
01|        return fmt.Errorf("committing the load of %s: %w", tableName, err)
01|    }
2|    txn.Commit() //@TX-02
    return nil
}
''')
cases_of(case, GH + 'rudderlabs/rudder-server/pull/1139', 'warehouse/postgres/load.go',
         G('postgres', ['context', 'database/sql', 'fmt', '',
                        'warehouseutils github.com/rudderlabs/rudder-server/warehouse/utils'])(RUDDER), [
             (1, 'go-00-rudder-warehouse-load-not-rolled-back',
              'an edit drops the rollback of the table load\'s transaction, so a failed COPY or merge leaves the '
              'transaction and its connection open on the customer\'s warehouse', 'edit'),
             (2, 'go-00-rudder-warehouse-load-commit-unchecked',
              'an edit stops checking the commit of the table load, so a load the warehouse refused is reported as '
              'done and the upload is marked exported', 'edit'),
             (0, 'go-ok-00-rudder-warehouse-load-rolled-back',
              'clean: the fix rolls the table load back on every failed path', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-03 / LOG-01: Kinesis consumer of a log and event router (gollum)
GOLLUM = template('gollum-kinesis-offsets', r'''
// Kinesis consumes every shard of a stream on a goroutine of its own; each shard goroutine stores the sequence
// number of the last record it routed, and the offset file writer reads the whole map on its own timer.
type Kinesis struct {
    core.SimpleConsumer
    client       *kinesis.Kinesis
    streamName   string
    offsetFile   string
    offsets      map[string]string
    offsetsGuard sync.RWMutex
}

// processRecords routes one GetRecords batch of a shard and remembers the shard's last sequence number.
func (cons *Kinesis) processRecords(shardID string, records []*kinesis.Record) {
    for _, record := range records {
2|        cons.Logger.Infof("shard %s: routing record %s (%d bytes)", shardID, aws.StringValue(record.SequenceNumber), len(record.Data)) //@LOG-01
        cons.Enqueue(record.Data)
    }
    if len(records) == 0 {
        return
    }
    last := records[len(records)-1]
02|    cons.offsetsGuard.Lock()
    cons.offsets[shardID] = aws.StringValue(last.SequenceNumber) //@{1}CONC-03
02|    cons.offsetsGuard.Unlock()
}

// storeOffsets writes the sequence number of every shard to the offset file.
func (cons *Kinesis) storeOffsets() error {
    cons.offsetsGuard.RLock()
    data, err := json.Marshal(cons.offsets)
    cons.offsetsGuard.RUnlock()
    if err != nil {
        return fmt.Errorf("marshalling kinesis offsets: %w", err)
    }
    return os.WriteFile(cons.offsetFile, data, 0o644)
}
''')
cases_of(case, GH + 'trivago/gollum/pull/178', 'consumer/kinesis.go',
         G('consumer', ['encoding/json', 'fmt', 'os', 'sync', '',
                        'github.com/aws/aws-sdk-go/aws', 'github.com/aws/aws-sdk-go/service/kinesis',
                        'gollum.vc/trivago/gollum/core'])(GOLLUM), [
             (1, 'go-00-gollum-shard-offset-stored-without-lock',
              'an edit stores each shard\'s sequence number in the shared offsets map without the guard the offset '
              'writer reads it under, so two shards finishing a batch at once corrupt the map', 'edit'),
             (2, 'go-00-gollum-record-logged-at-info',
              'an edit logs every routed record at info level, one line per record of every shard', 'edit'),
             (0, 'go-ok-00-gollum-shard-offset-stored-under-lock',
              'clean: the fix stores each shard\'s sequence number under the offsets guard', 'fix'),
         ])


# ---------------------------------------------------------------- OPS-01 / ERR-01: consume loop of a SQL stream processor (sql-flow), renamed file
SQLFLOW = template('sql-flow-consume-loop', r'''
type LoopConfig struct {
    BatchSize     int
    FlushInterval time.Duration
}

type Stats struct {
    NumMessagesConsumed int
    NumFlushes          int
2|    CommitErrors        int
}

// ConsumeLoop feeds the messages of src to the handler in batches until ctx is cancelled (SIGTERM or SIGINT) or the
// stream ends. On the way out it drains the buffered batch and commits the source's offsets, so a graceful stop
// does not replay the last batch on the next start.
func ConsumeLoop(ctx context.Context, src sources.Source, h handlers.Handler, sink sinks.Sink, cfg LoopConfig) (*Stats, error) {
    if cfg.BatchSize <= 0 {
        return nil, errors.New("batch size must be positive")
    }
    stats := &Stats{}
    stream, err := src.Stream(ctx)
    if err != nil {
        return nil, fmt.Errorf("opening the source stream: %w", err)
    }
    flushTicker := time.NewTicker(cfg.FlushInterval)
    defer flushTicker.Stop()
    for {
        select {
        case <-ctx.Done():
02|            return stats, drain(context.WithoutCancel(ctx), h, sink, src, stats)
1|            return stats, nil //@OPS-01
        case <-flushTicker.C:
            if err := flush(ctx, h, sink, src, stats); err != nil {
                return stats, err
            }
        case msg, ok := <-stream:
            if !ok {
                return stats, drain(context.WithoutCancel(ctx), h, sink, src, stats)
            }
            if err := h.Write(msg.Value()); err != nil {
                return stats, fmt.Errorf("handling the message at offset %d: %w", msg.Offset(), err)
            }
            stats.NumMessagesConsumed++
            if stats.NumMessagesConsumed%cfg.BatchSize == 0 {
                if err := flush(ctx, h, sink, src, stats); err != nil {
                    return stats, err
                }
            }
        }
    }
}

func drain(ctx context.Context, h handlers.Handler, sink sinks.Sink, src sources.Source, stats *Stats) error {
    if err := flush(ctx, h, sink, src, stats); err != nil {
        return fmt.Errorf("draining the buffered batch: %w", err)
    }
    return nil
}

func flush(ctx context.Context, h handlers.Handler, sink sinks.Sink, src sources.Source, stats *Stats) error {
    rows, err := h.Invoke(ctx)
    if err != nil {
        return fmt.Errorf("invoking the handler: %w", err)
    }
    for _, row := range rows {
        if err := sink.Write(row); err != nil {
            return fmt.Errorf("writing to the sink: %w", err)
        }
    }
    if err := sink.Flush(ctx); err != nil {
        return fmt.Errorf("flushing the sink: %w", err)
    }
    if err := src.Commit(ctx); err != nil { //@{2}ERR-01
01|        return fmt.Errorf("committing the source offsets: %w", err)
2|        stats.CommitErrors++
    }
    stats.NumFlushes++
    return nil
}
''')
cases_of(case, GH + 'turbolytics/sql-flow/pull/172', 'pkg/core/consume_loop.go',
         G('core', ['context', 'errors', 'fmt', 'time', '',
                    'github.com/turbolytics/sql-flow/pkg/handlers', 'github.com/turbolytics/sql-flow/pkg/sinks',
                    'github.com/turbolytics/sql-flow/pkg/sources'])(SQLFLOW), [
             (1, 'go-00-sql-flow-renamed-stop-drops-buffered-batch',
              'a move of the consume loop into its own file returns on cancellation without draining the buffered '
              'batch, so every SIGTERM throws the batch away and the next start replays it', 'rename'),
             (2, 'go-00-sql-flow-renamed-commit-error-counted',
              'a move of the consume loop into its own file counts a failed offset commit and carries on, so the '
              'pipeline reports a flush whose offsets never reached the source', 'rename'),
             (0, 'go-ok-00-sql-flow-renamed-consume-loop',
              'clean: the move alone; a cancelled loop drains its batch and a failed commit ends the flush', 'rename'),
         ], rename_from='pkg/core/core.go')


# ---------------------------------------------------------------- RES-03 / TMO-02: cat command of a backup tool (plakar)
PLAKAR = template('plakar-cat', r'''
// Execute prints the files named by the paths (snapshot:path) in the order given; a path that cannot be read is
// reported and counted, and the others are still printed.
func (cmd *Cat) Execute(ctx *appcontext.AppContext, repo *repository.Repository) (int, error) {
    failures := 0
    for _, snapPath := range cmd.Paths {
        snap, pathname, err := utils.OpenSnapshotByPath(repo, snapPath)
        if err != nil {
            ctx.GetLogger().Error("cat: %s: %s", snapPath, err)
            failures++
            continue
        }
1|        defer snap.Close() //@RES-03
        err = cmd.printFile(ctx, snap, pathname)
02|        if cerr := snap.Close(); cerr != nil {
02|            ctx.GetLogger().Warn("cat: closing the snapshot of %s: %s", snapPath, cerr)
02|        }
        if err != nil {
            ctx.GetLogger().Error("cat: %s: %s", snapPath, err)
            failures++
        }
    }
    if failures != 0 {
        return 1, fmt.Errorf("cat: %d of %d paths failed", failures, len(cmd.Paths))
    }
    return 0, nil
}

func (cmd *Cat) printFile(ctx *appcontext.AppContext, snap *snapshot.Snapshot, pathname string) error {
01|    rd, err := snap.NewReader(ctx, pathname)
2|    rd, err := snap.NewReader(context.Background(), pathname) //@TMO-02
    if err != nil {
        return err
    }
    defer rd.Close()
    if _, err := io.Copy(ctx.Stdout, rd); err != nil {
        return fmt.Errorf("copying %s: %w", pathname, err)
    }
    return nil
}
''')
_PLAKAR = ['fmt', 'io', '', 'github.com/PlakarKorp/plakar/appcontext',
           'github.com/PlakarKorp/plakar/cmd/plakar/utils', 'github.com/PlakarKorp/plakar/repository',
           'github.com/PlakarKorp/plakar/snapshot']
cases_of(case, GH + 'PlakarKorp/plakar/pull/248', 'cmd/plakar/subcommands/cat/cat.go',
         GV('cat', {0: _PLAKAR, 1: _PLAKAR, 2: ['context'] + _PLAKAR})(PLAKAR), [
             (1, 'go-00-plakar-cat-defers-snapshot-close-in-loop',
              'an edit defers the close of every opened snapshot inside the loop over the paths, so a cat of many '
              'files keeps every snapshot and its cache open until the command returns', 'edit'),
             (2, 'go-00-plakar-cat-reader-without-command-context',
              'an edit opens the file reader with a background context, so an interrupted cat keeps reading from the '
              'repository', 'edit'),
             (0, 'go-ok-00-plakar-cat-closes-each-snapshot',
              'clean: the fix closes each snapshot once its file is printed', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / CONC-01: consumer group assignments of a message streaming system (liftbridge)
LIFTBRIDGE = template('liftbridge-consumer-group', r'''
// consumerGroup tracks the members of a group and the partitions of each stream assigned to them. The fetch path of
// every member reads the assignments; joins, leaves and expirations rewrite them and bump the epoch.
type consumerGroup struct {
    id              string
    logger          logger.Logger
    consumerTimeout time.Duration

    mu          sync.RWMutex
    members     map[string]*groupMember
    assignments map[string]map[string][]int32 // consumer id -> stream -> partitions
    epoch       uint64
}

// GetAssignments returns a copy of the partitions assigned to the consumer and the epoch they belong to.
func (c *consumerGroup) GetAssignments(consumerID string) (map[string][]int32, uint64, error) {
02|    c.mu.RLock()
02|    defer c.mu.RUnlock()
    if _, ok := c.members[consumerID]; !ok { //@{1}CONC-03
        return nil, 0, ErrConsumerNotMember
    }
    assignments := make(map[string][]int32, len(c.assignments[consumerID]))
    for stream, partitions := range c.assignments[consumerID] {
        assignments[stream] = append([]int32(nil), partitions...)
    }
    return assignments, c.epoch, nil
}

// watchMembers expires members that stopped fetching, until stop is closed.
func (c *consumerGroup) watchMembers(stop <-chan struct{}) {
    go func() { //@{2}CONC-01
01|        defer func() {
01|            if r := recover(); r != nil {
01|                c.logger.Errorf("api: membership watcher of consumer group %s panicked: %v", c.id, r)
01|            }
01|        }()
        ticker := time.NewTicker(c.consumerTimeout / 2)
        defer ticker.Stop()
        for {
            select {
            case <-stop:
                return
            case <-ticker.C:
                c.expireIdleMembers()
            }
        }
    }()
}

func (c *consumerGroup) expireIdleMembers() {
    c.mu.Lock()
    defer c.mu.Unlock()
    now := time.Now()
    for id, member := range c.members {
        if now.Sub(member.lastSeen) > c.consumerTimeout {
            delete(c.members, id)
            delete(c.assignments, id)
            c.epoch++
        }
    }
}
''')
cases_of(case, GH + 'liftbridge-io/liftbridge/pull/400', 'server/consumer_group.go',
         G('server', ['sync', 'time', '', 'github.com/liftbridge-io/liftbridge/server/logger'])(LIFTBRIDGE), [
             (1, 'go-00-liftbridge-assignments-read-without-lock',
              'an edit reads the group\'s members and assignments without the group lock, while a join, leave or '
              'expiration rewrites them on another goroutine', 'edit'),
             (2, 'go-00-liftbridge-membership-watcher-without-recover',
              'an edit drops the recover of the membership watcher goroutine, so a panic while expiring a member '
              'crashes the server', 'edit'),
             (0, 'go-ok-00-liftbridge-assignments-read-under-lock',
              'clean: the fix reads the members and assignments under the group\'s read lock', 'fix'),
         ])


# ---------------------------------------------------------------- OPS-01 / RES-02: batch sender of a metrics bridge to a time-series service (prometheus2appoptics)
P2AO = template('prometheus2appoptics-batch-sender', r'''
// BatchSender collects converted measurements and posts them to the measurements API in batches of at most
// maxBatch, at least every flushInterval. Stop makes Run send what it still holds before it returns.
type BatchSender struct {
    client  *http.Client
    url     string
    token   string
    in      chan Measurement
    pending []Measurement
    done    chan struct{}
    stopped chan struct{}
}

func (s *BatchSender) Run(ctx context.Context) {
    defer close(s.stopped)
    ticker := time.NewTicker(flushInterval)
    defer ticker.Stop()
    for {
        select {
        case m := <-s.in:
            s.pending = append(s.pending, m)
            if len(s.pending) >= maxBatch {
                s.flush(ctx)
            }
        case <-ticker.C:
            s.flush(ctx)
        case <-s.done:
02|            flushCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
02|            s.flush(flushCtx)
02|            cancel()
            return //@{1}OPS-01
        }
    }
}

// Stop asks Run to send the batch it holds and waits until it has.
func (s *BatchSender) Stop() {
    close(s.done)
    <-s.stopped
}

func (s *BatchSender) flush(ctx context.Context) {
    if len(s.pending) == 0 {
        return
    }
    batch := s.pending
    s.pending = nil
    if err := s.post(ctx, batch); err != nil {
        log.Printf("appoptics: dropping a batch of %d measurements: %v", len(batch), err)
    }
}

func (s *BatchSender) post(ctx context.Context, batch []Measurement) error {
    body, err := json.Marshal(map[string]interface{}{"measurements": batch})
    if err != nil {
        return err
    }
    req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.url, bytes.NewReader(body))
    if err != nil {
        return err
    }
    req.SetBasicAuth(s.token, "")
    req.Header.Set("Content-Type", "application/json")
    resp, err := s.client.Do(req)
    if err != nil { //@{2}RES-02
        return err
    }
01|    defer resp.Body.Close()
    if resp.StatusCode >= 300 {
        return fmt.Errorf("measurements API answered %s", resp.Status)
    }
    return nil
}
''')
cases_of(case, GH + 'solarwinds/prometheus2appoptics/issues/11', 'promadapter/batch_sender.go',
         G('promadapter', ['bytes', 'context', 'encoding/json', 'fmt', 'log', 'net/http', 'time'])(P2AO), [
             (1, 'go-00-prometheus2appoptics-stop-drops-current-batch',
              'an edit returns from the sender on stop without sending the batch it holds, so every restart loses up '
              'to one flush interval of measurements', 'edit'),
             (2, 'go-00-prometheus2appoptics-batch-response-left-open',
              'an edit drops the close of the measurements API response, so every posted batch keeps a connection '
              'out of the pool', 'edit'),
             (0, 'go-ok-00-prometheus2appoptics-stop-sends-current-batch',
              'clean: the fix sends the held batch, under a bounded context, before the sender returns', 'fix'),
         ])
