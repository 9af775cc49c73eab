"""Round-16 Go cases, written for this corpus from the checklist items (see SOURCES.md). Each template is written once
and gives up to three cases: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the
clean look-alike (common15.variant). A case is a new file, an edit that turns the clean file into a defect, or the fix
that turns the first defect into the clean file (common16.cases_of). Names carry `00`: they are numbered in order at
the end."""
from common16 import make_case, gomod, go, f, numbered, cases_of, variant, GO_GENERATED

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'


def G(pkg, imports):
    return lambda body: (lambda v: go(pkg, imports, variant(body, v)))


# ---------------------------------------------------------------- RES-02 / TMO-01: webhook callbacks
WEBHOOK = r'''
// Notifier posts job events to the callback URL a tenant registered.
type Notifier struct {
    client *http.Client // shared; built in main with dial, TLS and overall timeouts
    signer Signer
    log    *slog.Logger
}

// Notify delivers one event; a non-2xx answer is an error so that the outbox retries the event later.
func (n *Notifier) Notify(ctx context.Context, cb Callback, ev Event) error {
    payload, err := json.Marshal(ev)
    if err != nil {
        return fmt.Errorf("encode event %s: %w", ev.ID, err)
    }
    req, err := http.NewRequestWithContext(ctx, http.MethodPost, cb.URL, bytes.NewReader(payload))
    if err != nil {
        return fmt.Errorf("build callback request: %w", err)
    }
    req.Header.Set("Content-Type", "application/json")
    req.Header.Set("X-Signature", n.signer.Sign(payload))
01|    resp, err := n.client.Do(req) //@{1}RES-02
2|    resp, err := http.DefaultClient.Do(req) //@TMO-01
    if err != nil {
        return fmt.Errorf("deliver %s to %s: %w", ev.ID, cb.URL, err)
    }
02|    defer resp.Body.Close()
02|    // The body is never used; drain a little of it so the keep-alive connection goes back to the pool.
02|    _, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 4<<10))
    if resp.StatusCode < 200 || resp.StatusCode > 299 {
        return fmt.Errorf("deliver %s to %s: status %d", ev.ID, cb.URL, resp.StatusCode)
    }
1|    resp.Body.Close()
    n.log.DebugContext(ctx, "callback delivered", "event_id", ev.ID, "status", resp.StatusCode)
    return nil
}
'''
cases_of(case, GH + 'livewyer-ops/tamoss/pull/228', 'internal/webhooks/notifier.go',
         G('webhooks', ['bytes', 'context', 'encoding/json', 'fmt', 'io', 'log/slog', 'net/http'])(WEBHOOK), [
             (1, 'go-00-tamoss-callback-closes-body-only-on-2xx',
              'a webhook notifier closes the response body after the status check; every non-2xx answer leaves it open',
              'new'),
             (2, 'go-00-tamoss-callback-sent-with-default-client',
              'an edit sends the signed callback through http.DefaultClient, which has no timeout', 'edit'),
             (0, 'go-ok-00-tamoss-callback-deferred-close-and-drain',
              'clean: the shared client, a deferred close right after the error check and a bounded drain', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / RES-04: thrift-style HTTP transport
THRIFT = r'''
// HTTPClient is a transport that buffers one request and sends it on Flush; the response is read through Read.
type HTTPClient struct {
    client      *http.Client
    url         string
    header      http.Header
    request     *bytes.Buffer
    response    io.ReadCloser
    readTimeout time.Duration
}

// Read reads from the body of the last response.
func (p *HTTPClient) Read(buf []byte) (int, error) {
    if p.response == nil {
        return 0, NewTTransportException(NOT_OPEN, "no response to read from")
    }
    return p.response.Read(buf)
}

// Flush sends the buffered request; the body of a 200 answer stays open for Read until the next Flush or Close.
func (p *HTTPClient) Flush(ctx context.Context) error {
    _ = p.closeResponse() // the previous body was read already; its close error says nothing about this call
    req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.url, p.request)
    if err != nil {
        return NewTTransportExceptionFromError(err)
    }
    req.Header = p.header.Clone()
01|    resp, err := p.client.Do(req) //@{1}RES-02
2|    client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 4}, Timeout: p.readTimeout} //@RES-04
2|    resp, err := client.Do(req)
    if err != nil {
        return NewTTransportExceptionFromError(err)
    }
    if resp.StatusCode != http.StatusOK {
02|        // Drain and close, so that the connection serves the next call.
02|        _, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
02|        resp.Body.Close()
        return NewTTransportException(UNKNOWN_TRANSPORT_EXCEPTION, fmt.Sprintf("HTTP response code: %d", resp.StatusCode))
    }
    p.response = resp.Body
    return nil
}

// Close releases the body of the last response.
func (p *HTTPClient) Close() error {
    return p.closeResponse()
}

func (p *HTTPClient) closeResponse() error {
    var err error
    if p.response != nil {
        err = p.response.Close()
        p.response = nil
    }
    return err
}
'''
cases_of(case, GH + 'apache/thrift/pull/518', 'lib/go/thrift/http_client.go',
         G('thrift', ['bytes', 'context', 'fmt', 'io', 'net/http', 'time'])(THRIFT), [
             (1, 'go-00-thrift-http-flush-drops-close-on-non-200',
              'a buffered HTTP transport returns on a non-200 answer with the body open', 'new'),
             (2, 'go-00-thrift-http-flush-builds-transport-per-call',
              'an edit builds a client with its own transport on every Flush to apply the read timeout', 'edit'),
             (0, 'go-ok-00-thrift-http-flush-keeps-body-for-read',
              'clean: the 200 body is owned by the transport and closed on the next Flush; errors drain and close',
              'fix'),
         ])


# ---------------------------------------------------------------- RES-03 / RES-01: chunked checksum queries (sqlx)
CHECKSUMS = r'''
// DB wraps the sqlx handle with the limits of the configured driver.
type DB struct {
    *sqlx.DB
    Options Options
}

// FetchChecksums loads the checksums of the given ids chunk by chunk, so that no IN list exceeds the placeholder limit.
func (db *DB) FetchChecksums(ctx context.Context, table string, ids []string) (map[string]string, error) {
    checksums := make(map[string]string, len(ids))
    for _, chunk := range chunks(ids, db.Options.MaxPlaceholdersPerStatement) {
12|        query, args, err := sqlx.In(fmt.Sprintf("SELECT id, properties_checksum FROM %s WHERE id IN (?)", table), chunk)
12|        if err != nil {
12|            return nil, err
12|        }
12|        rows, err := db.QueryxContext(ctx, db.Rebind(query), args...) //@{2}RES-01
12|        if err != nil {
12|            return nil, fmt.Errorf("query checksums of %s: %w", table, err)
12|        }
1|        defer rows.Close() //@RES-03
12|        for rows.Next() {
12|            var row checksumRow
12|            if err := rows.StructScan(&row); err != nil {
12|                return nil, fmt.Errorf("scan checksum of %s: %w", table, err)
12|            }
12|            checksums[row.ID] = row.Checksum
12|        }
2|        rows.Close()
12|        if err := rows.Err(); err != nil {
12|            return nil, err
12|        }
0|        if err := db.fetchChunk(ctx, table, chunk, checksums); err != nil {
0|            return nil, err
0|        }
    }
    return checksums, nil
}
0|
0|// fetchChunk reads one chunk; its rows are closed before the next chunk is queried.
0|func (db *DB) fetchChunk(ctx context.Context, table string, chunk []string, into map[string]string) error {
0|    query, args, err := sqlx.In(fmt.Sprintf("SELECT id, properties_checksum FROM %s WHERE id IN (?)", table), chunk)
0|    if err != nil {
0|        return err
0|    }
0|    rows, err := db.QueryxContext(ctx, db.Rebind(query), args...)
0|    if err != nil {
0|        return fmt.Errorf("query checksums of %s: %w", table, err)
0|    }
0|    defer rows.Close()
0|    for rows.Next() {
0|        var row checksumRow
0|        if err := rows.StructScan(&row); err != nil {
0|            return fmt.Errorf("scan checksum of %s: %w", table, err)
0|        }
0|        into[row.ID] = row.Checksum
0|    }
0|    return rows.Err()
0|}

type checksumRow struct {
    ID       string `db:"id"`
    Checksum string `db:"properties_checksum"`
}
'''
cases_of(case, GH + 'Icinga/icingadb/pull/148', 'pkg/icingadb/checksums.go',
         G('icingadb', ['context', 'fmt', 'github.com/jmoiron/sqlx'])(CHECKSUMS), [
             (1, 'go-00-icingadb-checksum-chunks-defer-rows-close-in-loop',
              'a chunked checksum query defers rows.Close inside the chunk loop: every chunk keeps its connection',
              'new'),
             (2, 'go-00-icingadb-checksum-chunks-close-skipped-by-scan-error',
              'an edit closes each chunk\'s rows after the scan loop; a scan error returns with the rows open', 'edit'),
             (0, 'go-ok-00-icingadb-checksum-chunk-helper-defers-close',
              'clean: one helper per chunk with its own deferred close', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / RES-01: pgxpool partition swap
QUANTA = r'''
// Store keeps the partition metadata of bitmap tables in PostgreSQL.
type Store struct {
    pool *pgxpool.Pool
}

// ReplacePartitions swaps the partition list of a table in one transaction.
func (s *Store) ReplacePartitions(ctx context.Context, table string, parts []Partition) error {
    conn, err := s.pool.Acquire(ctx) //@{2}RES-01
    if err != nil {
01|        return fmt.Errorf("acquire connection: %w", err)
2|        return fmt.Errorf("acquire connection for %s: %w", table, err)
    }
01|    defer conn.Release()
02|    tx, err := conn.Begin(ctx)
1|    tx, err := conn.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.Serializable}) //@TX-01
    if err != nil {
        return fmt.Errorf("begin: %w", err)
    }
02|    defer tx.Rollback(ctx) // a no-op once the transaction is committed
    if _, err := tx.Exec(ctx, `DELETE FROM partitions WHERE table_name = $1`, table); err != nil {
2|        tx.Rollback(ctx)
        return fmt.Errorf("clear partitions of %s: %w", table, err)
    }
    batch := &pgx.Batch{}
    for _, p := range parts {
        batch.Queue(`INSERT INTO partitions (table_name, shard, modified) VALUES ($1, $2, $3)`, table, p.Shard, p.Modified)
    }
    if err := tx.SendBatch(ctx, batch).Close(); err != nil {
2|        tx.Rollback(ctx)
        return fmt.Errorf("insert partitions of %s: %w", table, err)
    }
    if err := tx.Commit(ctx); err != nil {
        return fmt.Errorf("commit partitions of %s: %w", table, err)
    }
2|    conn.Release()
    return nil
}
'''
cases_of(case, GH + 'disney/quanta/pull/23', 'shared/partitions.go',
         G('shared', ['context', 'fmt', 'github.com/jackc/pgx/v5', 'github.com/jackc/pgx/v5/pgxpool'])(QUANTA), [
             (1, 'go-00-quanta-partition-swap-never-rolls-back',
              'an edit moves the swap to a serializable transaction and drops the deferred rollback: a failed delete or batch '
              'returns with the transaction open', 'edit'),
             (2, 'go-00-quanta-partition-swap-releases-conn-only-on-success',
              'an edit releases the pooled connection at the end only; every error return keeps it', 'edit'),
             (0, 'go-ok-00-quanta-partition-swap-deferred-release-and-rollback',
              'clean: deferred release and rollback right after each acquisition', 'new',
              [f('go.mod', new=gomod('github.com/disney/quanta', ['github.com/jackc/pgx/v5 v5.5.5']))]),
         ])


# ---------------------------------------------------------------- TX-01 / TX-02: ent organization with owner
ENTORG = r'''
// OrganizationRepo stores organizations and their memberships with ent.
type OrganizationRepo struct {
    data *Data
    log  *log.Helper
}

// CreateWithOwner creates an organization and makes user its first owner, both or neither.
func (r *OrganizationRepo) CreateWithOwner(ctx context.Context, name string, user uuid.UUID) (*biz.Organization, error) {
0|    var org *ent.Organization
0|    err := WithTx(ctx, r.data.DB, func(tx *ent.Tx) error {
0|        var err error
0|        org, err = tx.Organization.Create().SetName(name).Save(ctx)
0|        if err != nil {
0|            return fmt.Errorf("create organization %q: %w", name, err)
0|        }
0|        return tx.Membership.Create().
0|            SetOrganization(org).
0|            SetUserID(user).
0|            SetRole(authz.RoleOwner).
0|            Exec(ctx)
0|    })
0|    if err != nil {
0|        return nil, err
0|    }
12|    tx, err := r.data.DB.Tx(ctx) //@{1}TX-01
12|    if err != nil {
12|        return nil, fmt.Errorf("starting transaction: %w", err)
12|    }
12|    org, err := tx.Organization.Create().SetName(name).Save(ctx)
12|    if err != nil {
2|        _ = tx.Rollback() // the create error is the one worth returning
12|        return nil, fmt.Errorf("create organization %q: %w", name, err)
12|    }
12|    if err := tx.Membership.Create().SetOrganization(org).SetUserID(user).SetRole(authz.RoleOwner).Exec(ctx); err != nil {
2|        _ = tx.Rollback() // the membership error is the one worth returning
12|        return nil, fmt.Errorf("add owner to %q: %w", name, err)
12|    }
1|    if err := tx.Commit(); err != nil {
1|        return nil, fmt.Errorf("committing organization %q: %w", name, err)
1|    }
2|    tx.Commit() //@TX-02|ERR-01
    return entOrgToBizOrg(org), nil
}
'''
WITHTX = go('data', ['context', 'fmt', 'github.com/chainloop-dev/chainloop/app/controlplane/pkg/data/ent'], r'''
// WithTx runs fn in one transaction: rolled back when fn fails or panics, committed otherwise.
func WithTx(ctx context.Context, client *ent.Client, fn func(tx *ent.Tx) error) error {
    tx, err := client.Tx(ctx)
    if err != nil {
        return fmt.Errorf("starting transaction: %w", err)
    }
    defer func() {
        if v := recover(); v != nil {
            _ = tx.Rollback() // best effort: the panic carries on to the caller
            panic(v)
        }
    }()
    if err := fn(tx); err != nil {
        if rerr := tx.Rollback(); rerr != nil {
            return fmt.Errorf("%w: rolling back transaction: %v", err, rerr)
        }
        return err
    }
    if err := tx.Commit(); err != nil {
        return fmt.Errorf("committing transaction: %w", err)
    }
    return nil
}
''')
cases_of(case, GH + 'chainloop-dev/chainloop/pull/1586', 'app/controlplane/pkg/data/organization.go',
         G('data', ['context', 'fmt', 'github.com/chainloop-dev/chainloop/app/controlplane/pkg/authz',
                    'github.com/chainloop-dev/chainloop/app/controlplane/pkg/biz',
                    'github.com/chainloop-dev/chainloop/app/controlplane/pkg/data/ent',
                    'github.com/go-kratos/kratos/v2/log', 'github.com/google/uuid'])(ENTORG), [
             (1, 'go-00-chainloop-org-create-returns-without-rollback',
              'an ent transaction creates an organization and its owner; both error returns leave it open', 'new'),
             (2, 'go-00-chainloop-org-create-ignores-commit-error',
              'the same repository rolls back on errors but calls Commit bare and reports success', 'new'),
             (0, 'go-ok-00-chainloop-org-create-through-withtx-helper',
              'clean: a WithTx helper in a new file rolls back on error or panic and returns Commit\'s error', 'fix',
              [f('app/controlplane/pkg/data/tx.go', new=WITHTX)]),
         ])


# ---------------------------------------------------------------- CONC-01 / ERR-01: memcached proxy get fan-out
REND = r'''
// Handler serves gets from an L1 store backed by an L2 store.
type Handler struct {
    l1, l2 Store
    log    *slog.Logger
}

// Get answers a multi-key get from the backing stores; results stream on the first channel, a failure on the second.
func (h *Handler) Get(cmd common.GetRequest) (<-chan common.GetResponse, <-chan error) {
    dataOut := make(chan common.GetResponse, len(cmd.Keys))
    errorOut := make(chan error, 1)
02|    go func() {
02|        defer func() {
02|            if r := recover(); r != nil { //@{2}ERR-01
0|                // realHandleGet's deferred closes have run: the client sees the answer end early.
0|                metrics.IncCounter(MetricPanicsGet)
0|                h.log.Error("recovered panic in get", "opaque", cmd.Opaque, "keys", len(cmd.Keys), "panic", r,
0|                    "stack", string(debug.Stack()))
2|                // realHandleGet's deferred closes have run: the client sees the answer end early.
02|            }
02|        }()
02|        h.realHandleGet(cmd, dataOut, errorOut)
02|    }()
1|    go h.realHandleGet(cmd, dataOut, errorOut) //@CONC-01
    return dataOut, errorOut
}

// realHandleGet reads L1 first and fills the misses from L2; it closes both channels when done.
func (h *Handler) realHandleGet(cmd common.GetRequest, dataOut chan common.GetResponse, errorOut chan error) {
    defer close(errorOut)
    defer close(dataOut)
    misses, err := h.l1.GetInto(cmd, dataOut)
    if err != nil {
        errorOut <- err
        return
    }
    if len(misses.Keys) == 0 {
        return
    }
    if _, err := h.l2.GetInto(misses, dataOut); err != nil {
        errorOut <- err
    }
}
'''
cases_of(case, GH + 'Netflix/rend/issues/91', 'handlers/memcached/l1l2/l1l2.go',
         G('l1l2', ['log/slog', 'runtime/debug', 'github.com/netflix/rend/common', 'github.com/netflix/rend/metrics'])(REND), [
             (1, 'go-00-rend-get-fan-out-goroutine-without-recover',
              'an edit starts the get worker as a bare goroutine of a named function: a panic ends the proxy', 'edit'),
             (2, 'go-00-rend-get-fan-out-recovers-panic-silently',
              'an edit keeps the recover but drops its log line and counter: the panic leaves no trace',
              'edit'),
             (0, 'go-ok-00-rend-get-fan-out-recovers-logs-and-counts',
              'clean: the worker recovers, counts and logs the panic with its stack', 'new'),
         ])


# ---------------------------------------------------------------- CONC-02 / ERR-01: NATS JetStream consumer
NATSSUB = r'''
// PubSubClientServiceImpl consumes JetStream subjects with a fixed number of concurrent handlers.
type PubSubClientServiceImpl struct {
    Logger      *zap.SugaredLogger
    JetStrCtxt  nats.JetStreamContext
    workers     chan struct{} // capacity = configured concurrency
    panicsTotal *prometheus.CounterVec
}

// Subscribe hands every message of topic to callback; a message is acknowledged once callback returns.
func (impl *PubSubClientServiceImpl) Subscribe(topic Topic, callback func(msg *PubSubMsg)) error {
    _, err := impl.JetStrCtxt.QueueSubscribe(topic.Subject, topic.Queue, func(msg *nats.Msg) {
0|        impl.workers <- struct{}{} // blocks delivery while every worker is busy; JetStream redelivers on AckWait
0|        go func() {
0|            defer func() { <-impl.workers }()
0|            impl.processMsg(msg, callback)
0|        }()
1|        go impl.processMsg(msg, callback) //@CONC-02
2|        impl.processMsg(msg, callback)
    }, nats.Durable(topic.Consumer), nats.ManualAck(), nats.AckWait(topic.AckWait))
    if err != nil {
        return fmt.Errorf("subscribe to %s: %w", topic.Subject, err)
    }
    return nil
}

// processMsg runs callback for one message; a panic is logged and counted and the message is terminated.
func (impl *PubSubClientServiceImpl) processMsg(msg *nats.Msg, callback func(msg *PubSubMsg)) {
    defer func() {
        if r := recover(); r != nil {
            impl.panicsTotal.WithLabelValues(msg.Subject).Inc()
            impl.Logger.Errorw("panic while processing message", "subject", msg.Subject, "panic", r,
                "stack", string(debug.Stack()))
            _ = msg.Term() // best effort: a message that panics is not redelivered forever; the panic is logged above
        }
    }()
    callback(&PubSubMsg{Data: string(msg.Data), Subject: msg.Subject})
01|    if err := msg.Ack(); err != nil {
01|        impl.Logger.Warnw("ack failed; the message will be redelivered", "subject", msg.Subject, "err", err)
01|    }
2|    _ = msg.Ack() //@ERR-01
}
'''
cases_of(case, GH + 'devtron-labs/devtron/issues/4395', 'pubsub-lib/PubSubClientService.go',
         G('pubsub', ['fmt', 'runtime/debug', 'github.com/nats-io/nats.go',
                      'github.com/prometheus/client_golang/prometheus', 'go.uber.org/zap'])(NATSSUB), [
             (1, 'go-00-devtron-nats-handler-goroutine-per-message',
              'an edit starts one goroutine per delivered message instead of taking a worker slot', 'edit'),
             (2, 'go-00-devtron-nats-ack-error-discarded',
              'an edit processes messages inline and discards the error of Ack', 'edit'),
             (0, 'go-ok-00-devtron-nats-worker-slots-and-recovering-handler',
              'clean: a semaphore of worker slots, a handler that recovers and logs, a checked Ack', 'new'),
         ])


# ---------------------------------------------------------------- CONC-01 / LOG-03: export started from a handler
EXPORT = r'''
// Export starts a CSV export of the report and answers 202 with the job's location; the file is written later.
func (h *ReportHandler) Export(w http.ResponseWriter, r *http.Request) {
    logger := requestLogger(r.Context())
    job, err := h.jobs.Create(r.Context(), r.PathValue("id"))
    if err != nil {
        logger.Error("export job not created", "report_id", r.PathValue("id"), "err", err)
        http.Error(w, "could not start the export", http.StatusInternalServerError)
        return
    }
    // The export outlives the request: it keeps the request's values (trace and request id), not its cancellation.
    ctx := context.WithoutCancel(r.Context())
02|    h.launcher.Go(ctx, "report-export", func(ctx context.Context) {
1|    go func() { //@CONC-01
        if err := h.exporter.Write(ctx, job); err != nil {
01|            logger.Error("report export failed", "job_id", job.ID, "err", err)
2|            log.Printf("report export %s failed: %v", job.ID, err) //@LOG-03
            h.jobs.MarkFailed(job.ID, err)
            return
        }
        h.jobs.MarkDone(job.ID)
02|    })
1|    }()
    w.Header().Set("Location", "/exports/"+job.ID)
    w.WriteHeader(http.StatusAccepted)
}
'''
LAUNCHER = go('reports', ['context', 'log/slog', 'runtime/debug', 'github.com/prometheus/client_golang/prometheus'], r'''
// Launcher starts background work that must not take the process down with it.
type Launcher struct {
    log    *slog.Logger
    panics *prometheus.CounterVec
}

// Go runs fn in a new goroutine; a panic is recovered, logged with its stack and counted under name.
func (l *Launcher) Go(ctx context.Context, name string, fn func(ctx context.Context)) {
    go func() {
        defer func() {
            if p := recover(); p != nil {
                l.panics.WithLabelValues(name).Inc()
                l.log.ErrorContext(ctx, "background task panicked", "task", name, "panic", p,
                    "stack", string(debug.Stack()))
            }
        }()
        fn(ctx)
    }()
}
''')
cases_of(case, GH + 'urfave/negroni/issues/190', 'internal/reports/export_handler.go',
         G('reports', ['context', 'log', 'net/http'])(EXPORT), [
             (1, 'go-00-negroni-export-started-as-bare-goroutine',
              'an edit starts the report export with a bare go func: a panic in the exporter ends the server',
              'edit'),
             (2, 'go-00-negroni-export-failure-logged-without-request-id',
              'an edit logs a failed export with log.Printf instead of the request\'s logger', 'edit'),
             (0, 'go-ok-00-negroni-export-through-recovering-launcher',
              'clean: the export runs through a launcher (new file) that recovers, logs and counts', 'new',
              [f('internal/reports/launcher.go', new=LAUNCHER)]),
         ])


# ---------------------------------------------------------------- TMO-03 / TMO-02: WAMP call with a response timeout
NEXUS = r'''
// Call sends a CALL to the router and waits for its RESULT, at most c.responseTimeout unless ctx ends sooner.
func (c *Client) Call(ctx context.Context, procedure string, options wamp.Dict, args wamp.List, kwargs wamp.Dict) (*wamp.Result, error) {
    if c.responseTimeout > 0 {
0|        var cancel context.CancelFunc
0|        ctx, cancel = context.WithTimeout(ctx, c.responseTimeout)
0|        defer cancel()
1|        ctx, _ = context.WithTimeout(ctx, c.responseTimeout) //@TMO-03
2|        var cancel context.CancelFunc
2|        ctx, cancel = context.WithTimeout(context.Background(), c.responseTimeout) //@TMO-02
2|        defer cancel()
    }
    id := c.idGen.Next()
    wait := c.expectReply(id)
    defer c.forgetReply(id)
    if err := c.sess.Send(&wamp.Call{Request: id, Options: options, Procedure: wamp.URI(procedure), Arguments: args, ArgumentsKw: kwargs}); err != nil {
        return nil, fmt.Errorf("send call %s: %w", procedure, err)
    }
    select {
    case msg := <-wait:
        switch m := msg.(type) {
        case *wamp.Result:
            return m, nil
        case *wamp.Error:
            return nil, RPCError{Err: m, Procedure: procedure}
        default:
            return nil, unexpectedMsgError(msg, wamp.RESULT)
        }
    case <-ctx.Done():
        _ = c.sess.Send(&wamp.Cancel{Request: id, Options: wamp.Dict{"mode": "killnowait"}}) // best effort: the router may be gone
        return nil, fmt.Errorf("call %s: %w", procedure, ctx.Err())
    }
}
'''
cases_of(case, GH + 'gammazero/nexus/pull/7', 'client/call.go',
         G('client', ['context', 'fmt', 'github.com/gammazero/nexus/v3/wamp'])(NEXUS), [
             (1, 'go-00-nexus-call-timeout-cancel-discarded',
              'an edit derives the call\'s timeout context and assigns its cancel function to the blank identifier',
              'edit'),
             (2, 'go-00-nexus-call-timeout-from-background',
              'an edit derives the call\'s timeout from context.Background: the caller\'s cancellation is lost', 'edit'),
             (0, 'go-ok-00-nexus-call-timeout-derived-and-cancelled',
              'clean: the timeout derives from the caller\'s context and its cancel is deferred', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / RES-01: xorm vote repository
VOTE = r'''
// voteRepo records up and down votes on questions.
type voteRepo struct {
    data *data.Data
1|    conf *data.Database
}

// Vote records one vote and counts it on the question, both or neither; a second vote by the same user is refused.
func (vr *voteRepo) Vote(ctx context.Context, op *VoteOperation) error {
0|    session := vr.data.DB.NewSession().Context(ctx)
0|    defer session.Close() // rolls back unless committed
1|    engine, err := xorm.NewEngine(vr.conf.Driver, vr.conf.Connection) //@RES-04|RES-01
1|    if err != nil {
1|        return fmt.Errorf("open database: %w", err)
1|    }
1|    session := engine.NewSession().Context(ctx)
1|    defer session.Close()
2|    session := vr.data.DB.NewSession().Context(ctx) //@RES-01|TX-01
    if err := session.Begin(); err != nil {
        return fmt.Errorf("begin vote: %w", err)
    }
    exists, err := session.Where("object_id = ? AND user_id = ?", op.ObjectID, op.UserID).Exist(&entity.Vote{})
    if err != nil {
        return fmt.Errorf("check vote of %s on %s: %w", op.UserID, op.ObjectID, err)
    }
    if exists {
        return ErrAlreadyVoted
    }
    if _, err := session.Insert(&entity.Vote{ObjectID: op.ObjectID, UserID: op.UserID, Up: op.Up}); err != nil {
        return fmt.Errorf("insert vote: %w", err)
    }
    if _, err := session.Table("question").ID(op.ObjectID).Incr(voteColumn(op.Up)).Update(&entity.Question{}); err != nil {
        return fmt.Errorf("count vote on %s: %w", op.ObjectID, err)
    }
    return session.Commit()
}
'''
VOTEMOCK = GO_GENERATED.replace('store.go', 'vote_repo.go') + go('mock', ['context', 'reflect', 'go.uber.org/mock/gomock',
                                                                      'github.com/apache/answer/internal/repo/vote'], r'''
// MockVoteRepo is a mock of the VoteRepo interface.
type MockVoteRepo struct {
    ctrl     *gomock.Controller
    recorder *MockVoteRepoMockRecorder
}

// MockVoteRepoMockRecorder is the mock recorder for MockVoteRepo.
type MockVoteRepoMockRecorder struct {
    mock *MockVoteRepo
}

// Vote mocks base method.
func (m *MockVoteRepo) Vote(ctx context.Context, op *vote.VoteOperation) error {
    m.ctrl.T.Helper()
    ret := m.ctrl.Call(m, "Vote", ctx, op)
    ret0, _ := ret[0].(error)
    return ret0
}

// Vote indicates an expected call of Vote.
func (mr *MockVoteRepoMockRecorder) Vote(ctx, op any) *gomock.Call {
    mr.mock.ctrl.T.Helper()
    return mr.mock.ctrl.RecordCallWithMethodType(mr.mock, "Vote", reflect.TypeOf((*MockVoteRepo)(nil).Vote), ctx, op)
}
''')
cases_of(case, GH + 'apache/answer/issues/422', 'internal/repo/vote/vote_repo.go',
         G('vote', ['context', 'fmt', 'github.com/apache/answer/internal/base/data',
                    'github.com/apache/answer/internal/entity', 'xorm.io/xorm'])(VOTE), [
             (1, 'go-00-answer-vote-opens-engine-per-call',
              'a vote repository opens a new xorm engine (a whole pool) on every vote and never closes it', 'new'),
             (2, 'go-00-answer-vote-session-never-closed',
              'an edit drops the deferred session close: error returns leave the session and its transaction open',
              'edit', [f('internal/repo/vote/mock/vote_repo_mock.go', new=VOTEMOCK)]),
             (0, 'go-ok-00-answer-vote-shared-engine-session-closed',
              'clean: a session of the shared engine, closed (and rolled back unless committed) on every path',
              'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / CONC-06: generic parallel map (errgroup)
PMAP = r'''
// MapParallel applies f to every element of in and returns the results in order; the first error cancels the rest.
func MapParallel[T, R any](ctx context.Context, in []T, f func(context.Context, T) (R, error)) ([]R, error) {
    out := make([]R, len(in))
    g, ctx := errgroup.WithContext(ctx)
02|    g.SetLimit(runtime.GOMAXPROCS(0))
    for i, v := range in {
        g.Go(func() error { //@{1}CONC-02
            r, err := f(ctx, v)
            if err != nil {
                return err
            }
            out[i] = r // each task writes its own index
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
PMAPTEST = go('stream', ['context', 'errors', 'testing'], r'''
func TestMapParallelKeepsOrder(t *testing.T) {
    got, err := MapParallel(context.Background(), []int{1, 2, 3, 4}, func(_ context.Context, v int) (int, error) {
        return v * v, nil
    })
    if err != nil {
        t.Fatal(err)
    }
    for i, want := range []int{1, 4, 9, 16} {
        if got[i] != want {
            t.Fatalf("got[%d] = %d, want %d", i, got[i], want)
        }
    }
}

func TestMapParallelReturnsFirstError(t *testing.T) {
    boom := errors.New("boom")
    _, err := MapParallel(context.Background(), []int{1, 2}, func(_ context.Context, v int) (int, error) {
        return 0, boom
    })
    if !errors.Is(err, boom) {
        t.Fatalf("err = %v, want boom", err)
    }
}
''')
cases_of(case, GH + 'awalterschulze/gominikanren/pull/35', 'stream/parallel.go',
         G('stream', ['context', 'runtime', 'golang.org/x/sync/errgroup'])(PMAP), [
             (1, 'go-00-gominikanren-parallel-map-unbounded-errgroup',
              'an edit drops SetLimit: the generic map starts one goroutine per element', 'edit'),
             (2, 'go-00-gominikanren-parallel-map-wait-error-dropped',
              'an edit calls Wait bare and returns the partial results as a success', 'edit'),
             (0, 'go-ok-00-gominikanren-parallel-map-limited-and-checked',
              'clean: a generic errgroup map with SetLimit and Wait\'s error returned, with a test beside it', 'new',
              [f('stream/parallel_test.go', new=PMAPTEST)]),
         ])


# ---------------------------------------------------------------- CONC-02 / ERR-01: concurrent stack deletion
DELSTACK = r'''
// DeleteStacks deletes the given stacks concurrently, at most o.concurrency at a time, and reports every failure.
func (o *Operator) DeleteStacks(ctx context.Context, names []string) error {
    var wg sync.WaitGroup
01|    var mu sync.Mutex
01|    var errs []error
02|    sem := make(chan struct{}, o.concurrency)
    for _, name := range names {
02|        select {
02|        case sem <- struct{}{}:
02|        case <-ctx.Done():
02|            wg.Wait()
02|            return ctx.Err()
02|        }
        wg.Add(1)
        go func() { //@{1}CONC-02
            defer wg.Done()
02|            defer func() { <-sem }()
01|            if err := o.deleteStack(ctx, name); err != nil {
01|                mu.Lock()
01|                errs = append(errs, fmt.Errorf("delete %s: %w", name, err))
01|                mu.Unlock()
01|            }
2|            _ = o.deleteStack(ctx, name) //@ERR-01
        }()
    }
    wg.Wait()
01|    return errors.Join(errs...)
2|    return nil
}
'''
cases_of(case, GH + 'go-to-k/delstack/pull/42', 'internal/operation/stack.go',
         G('operation', ['context', 'errors', 'fmt', 'sync'])(DELSTACK), [
             (1, 'go-00-delstack-one-goroutine-per-stack',
              'a stack deleter starts one goroutine per stack with no limit on how many run at once', 'new'),
             (2, 'go-00-delstack-deletion-errors-discarded',
              'an edit drops the error collection: a failed deletion is discarded and the command reports success',
              'edit'),
             (0, 'go-ok-00-delstack-semaphore-before-go-and-joined-errors',
              'clean: a semaphore taken before each goroutine starts and every error joined', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / CONC-05: peer status loop
PEER = r'''
// updateLoop refreshes the peer's status every UpdateInterval until the daemon shuts down.
func (p *Peer) updateLoop(ctx context.Context) {
01|    ticker := time.NewTicker(p.conf.UpdateInterval)
01|    defer ticker.Stop()
    for {
01|        select {
01|        case <-ctx.Done():
01|            return
01|        case <-ticker.C:
01|        }
02|        if err := p.periodicUpdate(ctx); err != nil {
02|            p.failures.Inc()
02|            p.log.Warnf("[%s] update failed, keeping the last known status: %s", p.Name, err)
02|        }
1|        if err := p.periodicUpdate(ctx); err != nil {
1|            p.log.Errorf("[%s] update failed: %s", p.Name, err)
1|            return //@CONC-07
1|        }
2|        time.Sleep(p.conf.UpdateInterval) //@CONC-05
    }
}
'''
cases_of(case, GH + 'sni/lmd/pull/4', 'lmd/peer_update.go',
         G('main', ['context', 'time'])(PEER), [
             (1, 'go-00-lmd-peer-update-loop-ends-on-first-error',
              'an edit makes the peer update loop return when one update fails', 'edit'),
             (2, 'go-00-lmd-peer-update-loop-sleeps-without-context',
              'an edit replaces the ticker with time.Sleep: the loop never notices shutdown', 'edit'),
             (0, 'go-ok-00-lmd-peer-update-ticker-logs-and-continues',
              'clean: a stopped ticker, a select on ctx.Done, a failed update logged and counted', 'new'),
         ])


# ---------------------------------------------------------------- CONC-05 / TMO-02: artifact evaluation wait
MINDER = r'''
// ArtifactSignatureWaitPeriod gives a registry time to publish the signature of a freshly pushed artifact.
const ArtifactSignatureWaitPeriod = 10 * time.Second

// handleEntityEvent evaluates every profile that applies to one entity.
func (e *Executor) handleEntityEvent(ctx context.Context, inf *entities.EntityInfoWrapper) error {
    if inf.Type == pb.Entity_ENTITY_ARTIFACTS {
02|        timer := time.NewTimer(ArtifactSignatureWaitPeriod)
02|        defer timer.Stop()
02|        select {
02|        case <-ctx.Done():
02|            return ctx.Err()
02|        case <-timer.C:
02|        }
1|        time.Sleep(ArtifactSignatureWaitPeriod) //@CONC-05
    }
01|    evalCtx, cancel := context.WithTimeout(ctx, e.evalTimeout)
2|    evalCtx, cancel := context.WithTimeout(context.Background(), e.evalTimeout) //@TMO-02
    defer cancel()
    if err := e.evaluateAll(evalCtx, inf); err != nil {
        return fmt.Errorf("evaluate %s: %w", inf.Type, err)
    }
    return nil
}
'''
MINDERTEST = go('engine', ['context', 'errors', 'testing', 'time'], r'''
func TestArtifactWaitStopsOnCancel(t *testing.T) {
    ctx, cancel := context.WithCancel(context.Background())
    cancel()
    start := time.Now()
    err := newTestExecutor(t).handleEntityEvent(ctx, artifactInfo(t))
    if !errors.Is(err, context.Canceled) {
        t.Fatalf("err = %v, want context.Canceled", err)
    }
    if time.Since(start) > time.Second {
        t.Fatal("the wait ignored the cancelled context")
    }
}
''')
def minder(v):
    text = G('engine', ['context', 'fmt', 'time', 'github.com/mindersec/minder/internal/entities',
                        'github.com/mindersec/minder/pkg/api/protobuf/go/minder/v1'])(MINDER)(v)
    return text.replace('\t"github.com/mindersec/minder/pkg/api/protobuf/go/minder/v1"',
                        '\tpb "github.com/mindersec/minder/pkg/api/protobuf/go/minder/v1"')


cases_of(case, GH + 'mindersec/minder/issues/6324', 'internal/engine/handler.go', minder, [
             (1, 'go-00-minder-artifact-wait-sleeps-through-cancel',
              'an edit waits for artifact signatures with time.Sleep, ignoring the handler\'s context', 'edit'),
             (2, 'go-00-minder-evaluation-timeout-from-background',
              'an edit derives the evaluation timeout from context.Background instead of the event\'s context',
              'edit'),
             (0, 'go-ok-00-minder-artifact-wait-selects-on-context',
              'clean: a stopped timer raced against ctx.Done, the evaluation derived from the caller, a test beside',
              'fix', [f('internal/engine/handler_wait_test.go', new=MINDERTEST)]),
         ])


# ---------------------------------------------------------------- CONC-05 / TMO-03: ECS service stability wait
ECSWAIT = r'''
// WaitServiceStable polls the service until its deployments have settled, the timeout passes or ctx ends.
func (d *App) WaitServiceStable(ctx context.Context, sv *Service) error {
    d.Log("Waiting for service stable...(it will take a few minutes)")
01|    waitCtx, cancel := context.WithTimeout(ctx, d.Timeout())
01|    defer cancel()
2|    waitCtx, _ := context.WithTimeout(ctx, d.Timeout()) //@TMO-03
    for {
        out, err := d.ecs.DescribeServices(waitCtx, &ecs.DescribeServicesInput{
            Cluster:  aws.String(d.Cluster),
            Services: []string{*sv.ServiceName},
        })
        if err != nil {
            return fmt.Errorf("describe service %s: %w", *sv.ServiceName, err)
        }
        if len(out.Services) > 0 && serviceIsStable(out.Services[0]) {
            d.Log("Service is stable now. Completed!")
            return nil
        }
02|        if err := sleepContext(waitCtx, d.config.PollInterval()); err != nil {
02|            return fmt.Errorf("service %s did not become stable: %w", *sv.ServiceName, err)
02|        }
1|        time.Sleep(d.config.PollInterval()) //@CONC-05
    }
}
'''
SLEEPCTX = go('ecspresso', ['context', 'time'], r'''
// sleepContext waits for d or until ctx ends, whichever comes first, and returns ctx's error in the second case.
func sleepContext(ctx context.Context, d time.Duration) error {
    timer := time.NewTimer(d)
    defer timer.Stop()
    select {
    case <-ctx.Done():
        return ctx.Err()
    case <-timer.C:
        return nil
    }
}
''')


def ecswait(v):
    body = ECSWAIT
    imports = ['context', 'fmt', 'github.com/aws/aws-sdk-go-v2/aws', 'github.com/aws/aws-sdk-go-v2/service/ecs']
    return go('ecspresso', imports + (['time'] if v == 1 else []), variant(body, v))


cases_of(case, GH + 'kayac/ecspresso/pull/836', 'wait.go', ecswait, [
    (1, 'go-00-ecspresso-stable-wait-polls-with-time-sleep',
     'a service-stability wait polls with time.Sleep: cancellation and the timeout are noticed only after each pause', 'new'),
    (2, 'go-00-ecspresso-stable-wait-timeout-cancel-discarded',
     'an edit derives the wait\'s timeout context and discards its cancel function', 'edit'),
    (0, 'go-ok-00-ecspresso-stable-wait-sleep-context-helper',
     'clean: a sleepContext helper in a new file and a deferred cancel', 'fix', [f('util.go', new=SLEEPCTX)]),
])


# ---------------------------------------------------------------- CONC-05 / RES-04: cache lock wait (go-redis)
ROCKS = r'''
// Client is a cache in front of the database that stays consistent with delayed deletes and per-key locks.
type Client struct {
    rdb     redis.UniversalClient
    Options Options
}

// Fetch returns the cached value of key, or computes it with fn while holding the key's lock.
func (c *Client) Fetch(ctx context.Context, key string, expire time.Duration, fn func() (string, error)) (string, error) {
01|    rdb := c.rdb
2|    rdb := redis.NewClient(&redis.Options{Addr: c.Options.Addr, DialTimeout: time.Second, ReadTimeout: time.Second}) //@RES-04
    owner := uuid.NewString()
    for {
        r, err := c.luaGet(ctx, rdb, key, owner)
        if err != nil {
            return "", fmt.Errorf("read %s: %w", key, err)
        }
        if !r.lockedByOther {
            if r.value != "" {
                return r.value, nil
            }
            break // the lock is ours: compute the value
        }
        if !c.Options.StrongConsistency && r.value != "" {
            return r.value, nil // a stale value is acceptable in weak mode
        }
02|        select {
02|        case <-ctx.Done():
02|            return "", ctx.Err()
02|        case <-time.After(c.Options.LockSleep):
02|        }
1|        time.Sleep(c.Options.LockSleep) //@CONC-05
    }
    value, err := fn()
    if err != nil {
        _ = c.unlock(ctx, rdb, key, owner) // best effort: the lock expires on its own after LockExpire
        return "", err
    }
    if err := c.luaSet(ctx, rdb, key, value, expire, owner); err != nil {
        return "", fmt.Errorf("store %s: %w", key, err)
    }
    return value, nil
}
'''
cases_of(case, GH + 'dtm-labs/rockscache/pull/20', 'client.go',
         G('rockscache', ['context', 'fmt', 'time', 'github.com/google/uuid', 'github.com/redis/go-redis/v9'])(ROCKS), [
             (1, 'go-00-rockscache-lock-wait-sleeps-through-cancel',
              'an edit waits for another owner\'s lock with time.Sleep: a cancelled caller keeps polling', 'edit'),
             (2, 'go-00-rockscache-fetch-builds-redis-client-per-call',
              'an edit builds a go-redis client (a connection pool) inside Fetch and never closes it', 'edit',
              [f('go.mod', new=gomod('github.com/dtm-labs/rockscache', ['github.com/google/uuid v1.6.0',
                                                                         'github.com/redis/go-redis/v9 v9.5.1']))]),
             (0, 'go-ok-00-rockscache-shared-client-cancellable-wait',
              'clean: the shared client and a wait that selects on ctx.Done', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / TMO-02: gRPC pushes to peers
THREADS = r'''
// server pushes thread logs to peers over gRPC.
type server struct {
    net     *net
    opts    []grpc.DialOption
    connsMu sync.Mutex
    conns   map[peer.ID]*grpc.ClientConn
}

// pushLog sends a log record to one peer and gives up after reqTimeout.
func (s *server) pushLog(ctx context.Context, lg thread.LogInfo, pid peer.ID) error {
01|    cctx, cancel := context.WithTimeout(ctx, reqTimeout)
2|    cctx, cancel := context.WithTimeout(context.Background(), reqTimeout) //@TMO-02
    defer cancel()
02|    conn, err := s.conn(pid)
1|    conn, err := grpc.NewClient("passthrough:///"+pid.String(), s.opts...) //@RES-04
    if err != nil {
        return fmt.Errorf("dial %s: %w", pid, err)
    }
    req := &pb.PushLogRequest{Header: s.header(), Log: logToProto(lg)}
    if _, err := pb.NewServiceClient(conn).PushLog(cctx, req); err != nil {
        return fmt.Errorf("push log %s to %s: %w", lg.ID, pid, err)
    }
    return nil
}

// conn returns the peer's connection, dialled once and kept for later pushes; Close closes them all.
func (s *server) conn(pid peer.ID) (*grpc.ClientConn, error) {
    s.connsMu.Lock()
    defer s.connsMu.Unlock()
    if c, ok := s.conns[pid]; ok {
        return c, nil
    }
    c, err := grpc.NewClient("passthrough:///"+pid.String(), s.opts...)
    if err != nil {
        return nil, err
    }
    s.conns[pid] = c
    return c, nil
}
'''
cases_of(case, GH + 'textileio/go-threads/pull/339', 'net/client.go',
         G('net', ['context', 'fmt', 'sync', 'github.com/libp2p/go-libp2p/core/peer',
                   'github.com/textileio/go-threads/core/thread', 'github.com/textileio/go-threads/net/pb',
                   'google.golang.org/grpc'])(THREADS), [
             (1, 'go-00-go-threads-push-dials-new-conn-per-log',
              'an edit dials a new gRPC connection for every pushed log and never closes it', 'edit'),
             (2, 'go-00-go-threads-push-timeout-from-background',
              'an edit bounds the push with a timeout derived from context.Background', 'edit'),
             (0, 'go-ok-00-go-threads-push-reuses-peer-conn',
              'clean: one retained connection per peer behind a mutex and the caller\'s context', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / CONC-03: tunnel agent dials (CRLF file)
AGENT = r'''
// Agent forwards connections requested by the proxy server to backends it can reach.
type Agent struct {
    stream      AgentStream
    dialer      net.Dialer
    dialTimeout time.Duration
    mu          sync.Mutex
    conns       map[int64]net.Conn
    launch      func(name string, fn func()) // recovers, logs and counts panics
}

// handleDial dials the backend the server asked for, answers the server and starts copying bytes.
func (a *Agent) handleDial(ctx context.Context, req *DialRequest) error {
02|    conn, err := a.dialer.DialContext(ctx, req.Protocol, req.Address)
1|    dialCtx, cancel := context.WithTimeout(ctx, a.dialTimeout) // bounds the dial only, not the connection
1|    defer cancel()
1|    conn, err := a.dialer.DialContext(dialCtx, req.Protocol, req.Address) //@RES-01
    if err != nil {
        _ = a.stream.Send(dialFailure(req.Random, err)) // best effort: the dial error below is the one to report
        return fmt.Errorf("dial %s: %w", req.Address, err)
    }
    if err := a.stream.Send(dialResponse(req.Random, req.ConnectID)); err != nil {
02|        conn.Close() // the server never learns of this connection: nobody else would close it
        return fmt.Errorf("answer dial %d: %w", req.ConnectID, err)
    }
01|    a.mu.Lock()
    a.conns[req.ConnectID] = conn //@{2}CONC-03
01|    a.mu.Unlock()
    a.launch("proxy", func() { a.proxy(ctx, req.ConnectID, conn) })
    return nil
}

// forget removes a finished connection; proxy calls it from its own goroutine.
func (a *Agent) forget(id int64) {
    a.mu.Lock()
    defer a.mu.Unlock()
    delete(a.conns, id)
}
'''
cases_of(case, GH + 'kubernetes-sigs/apiserver-network-proxy/pull/290', 'pkg/agent/dial.go',
         G('agent', ['context', 'fmt', 'net', 'sync', 'time'])(AGENT), [
             (1, 'go-00-konnectivity-dial-leaks-conn-when-answer-fails',
              'an edit bounds the dial with a timeout and drops the close of the connection when answering the server '
              'fails (CRLF file)',
              'edit'),
             (2, 'go-00-konnectivity-dial-registers-conn-without-lock',
              'an edit writes the connection map without the mutex the proxy goroutines also take (CRLF file)',
              'edit'),
             (0, 'go-ok-00-konnectivity-dial-closes-and-locks',
              'clean: close on the failed answer, the map written under its mutex, a recovering launcher (CRLF file)',
              'new'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-07 / CONC-01: aggregation worker loop
WORKER = r'''
// Worker rebuilds the transaction aggregates every interval.
type Worker struct {
    interval time.Duration
    log      *zap.Logger
    launcher *Launcher
}

// Start runs the aggregation loop in the background until ctx ends.
func (w *Worker) Start(ctx context.Context) {
01|    w.launcher.Go(ctx, "aggregates", w.run)
2|    go w.run(ctx) //@CONC-01
}

func (w *Worker) run(ctx context.Context) {
    ticker := time.NewTicker(w.interval)
    defer ticker.Stop()
    for {
        select {
        case <-ctx.Done():
            return
        case <-ticker.C:
        }
02|        runOnce(ctx, w.log, "aggregates", w.aggregate)
1|        if err := w.aggregate(ctx); err != nil {
1|            w.log.Error("aggregation failed", zap.Error(err))
1|            return //@CONC-07
1|        }
    }
}
'''
RUNONCE = go('stream', ['context', 'github.com/prometheus/client_golang/prometheus', 'go.uber.org/zap'], r'''
var (
    jobPanics   = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "job_panics_total"}, []string{"job"})
    jobFailures = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "job_failures_total"}, []string{"job"})
)

// runOnce runs one pass of a periodic job: an error or a panic is logged and counted, and the schedule goes on.
func runOnce(ctx context.Context, log *zap.Logger, job string, fn func(context.Context) error) {
    defer func() {
        if p := recover(); p != nil {
            jobPanics.WithLabelValues(job).Inc()
            log.Error("periodic job panicked", zap.String("job", job), zap.Any("panic", p), zap.Stack("stack"))
        }
    }()
    if err := fn(ctx); err != nil {
        jobFailures.WithLabelValues(job).Inc()
        log.Warn("periodic job failed; it runs again on the next tick", zap.String("job", job), zap.Error(err))
    }
}
''')
cases_of(case, GH + 'ava-labs/ortelius/pull/319', 'stream/aggregates.go',
         G('stream', ['context', 'time', 'go.uber.org/zap'])(WORKER), [
             (1, 'go-00-ortelius-aggregation-loop-stops-after-one-failure',
              'an aggregation worker\'s ticker loop returns when one pass fails', 'new'),
             (2, 'go-00-ortelius-aggregation-loop-started-bare',
              'an edit starts the guarded loop with a bare go statement of the named method', 'edit'),
             (0, 'go-ok-00-ortelius-aggregation-pass-guarded-by-helper',
              'clean: each pass runs through runOnce (new file), which recovers, logs and counts', 'fix',
              [f('stream/jobs.go', new=RUNONCE)]),
         ])


# ---------------------------------------------------------------- LOG-02 / LOG-01: packet relay batch (zap)
RELAY = r'''
// relayPackets relays every packet of the batch; a packet that keeps failing is counted and left for the next batch.
func (r *Relayer) relayPackets(ctx context.Context, batch []Packet) error {
    var failed int
    for _, pkt := range batch {
1|        r.log.Debug(fmt.Sprintf("relaying packet %+v", pkt)) //@LOG-02|LOG-01
2|        r.log.Info("relaying packet", zap.String("channel", pkt.SrcChannel), zap.Uint64("sequence", pkt.Sequence), zap.Any("packet", pkt)) //@LOG-01
        if err := r.relayWithRetry(ctx, pkt); err != nil {
            if ctx.Err() != nil {
                return ctx.Err()
            }
            failed++
            if failed <= 3 {
                r.log.Warn("packet not relayed", zap.String("channel", pkt.SrcChannel),
                    zap.Uint64("sequence", pkt.Sequence), zap.Error(err))
            }
        }
    }
    r.log.Info("batch relayed", zap.Int("size", len(batch)), zap.Int("failed", failed),
        zap.Int("failures_not_logged", max(0, failed-3)))
    return nil
}

// relayWithRetry tries one packet up to maxAttempts times, pausing between attempts unless ctx ends.
func (r *Relayer) relayWithRetry(ctx context.Context, pkt Packet) error {
    var err error
    for attempt := 1; attempt <= r.maxAttempts; attempt++ {
        if err = r.relay(ctx, pkt); err == nil {
            return nil
        }
        r.log.Debug("relay attempt failed", zap.Uint64("sequence", pkt.Sequence), zap.Int("attempt", attempt), zap.Error(err))
        select {
        case <-ctx.Done():
            return ctx.Err()
        case <-time.After(r.backoff(attempt)):
        }
    }
    return err
}
'''
cases_of(case, GH + 'cosmos/relayer/pull/656', 'relayer/relay_packets.go',
         lambda v: go('relayer', (['context', 'fmt'] if v == 1 else ['context']) + ['time', 'go.uber.org/zap'],
                      variant(RELAY, v)), [
             (1, 'go-00-relayer-debug-line-formats-every-packet',
              'an edit adds a debug line that formats every packet with fmt.Sprintf before zap sees the level',
              'edit'),
             (2, 'go-00-relayer-info-line-per-packet',
              'an edit adds an info line with the whole packet for every packet of the batch', 'edit'),
             (0, 'go-ok-00-relayer-sampled-warnings-and-batch-summary',
              'clean: the first three failures logged, one summary line per batch, paced retries', 'new'),
         ])


numbered(CASES, 'go')

# Added after run 1 (RESULTS.md): findings of the blind run that name a defect the case's code really has and its
# label missed. They become `# accept:` lines; no case code and no expectation changed.
ACCEPT_AFTER_RUN_1 = {
    'go-23-delstack-one-goroutine-per-stack': [('internal/operation/stack.go', 17, 'CONC-01')],
    'go-33-go-threads-push-dials-new-conn-per-log': [('net/client.go', 25, 'RES-01')],
}
for c in CASES:
    c['accept'] = ACCEPT_AFTER_RUN_1.get(c['name'], [])
