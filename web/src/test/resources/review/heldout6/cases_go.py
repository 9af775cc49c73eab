"""Round-6 Go cases (authored for this corpus; see SOURCES.md). //@ITEM markers are stripped by make_cases.py."""


def gofile(pkg, imports, *parts, header=''):
    imp = ''.join('\t"%s"\n' % i if not i.startswith('\t') else i + '\n' for i in imports)
    return header + 'package %s\n\nimport (\n%s)\n\n' % (pkg, imp) + '\n\n'.join(p.strip('\n') for p in parts) + '\n'


def mod(pkg, imports, before, old_fn, new_fn, after='', new_imports=None):
    old = gofile(pkg, imports, *[p for p in (before, old_fn, after) if p])
    new = gofile(pkg, new_imports or imports, *[p for p in (before, new_fn, after) if p])
    return {'old': old, 'new': new}


def f(path, **kw):
    d = {'path': path}
    d.update(kw)
    return d


CASES = []


def case(name, source, desc, **kw):
    d = {'name': name, 'source': source, 'desc': desc}
    d.update(kw)
    CASES.append(d)


GOMOD_OLD = '''module example.com/%s

go 1.21

require (
	github.com/jmoiron/sqlx v1.3.5
	golang.org/x/sync v0.6.0
)
'''
GOMOD_NEW = '''module example.com/%s

go 1.22

require (
	github.com/jmoiron/sqlx v1.3.5
	golang.org/x/sync v0.7.0
)
'''

# ---------------------------------------------------------------- RES-02
case('go-01-agent-probe-defers-before-error-check', 'https://github.com/outbrain-inc/orchestrator-agent/pull/2',
     'a probe of the agent API gains a config knob; the deferred Body.Close is written above the error check, so a failed Get dereferences a nil response and the close is never reached on that path',
     files=[
         f('agent/probe.go', **mod('agent', ['encoding/json', 'fmt', 'net/http', 'time'], '''
type Probe struct {
	client  *http.Client
	baseURL string
}

func NewProbe(baseURL string, timeout time.Duration) *Probe {
	return &Probe{client: &http.Client{Timeout: timeout}, baseURL: baseURL}
}
''', '''
// Status asks the agent for its replication status.
func (p *Probe) Status() (*AgentStatus, error) {
	resp, err := p.client.Get(p.baseURL + "/api/status")
	if err != nil {
		return nil, fmt.Errorf("agent status: %w", err)
	}
	defer resp.Body.Close()
	var st AgentStatus
	if err := json.NewDecoder(resp.Body).Decode(&st); err != nil {
		return nil, err
	}
	return &st, nil
}
''', '''
// Status asks the agent for its replication status.
func (p *Probe) Status(path string) (*AgentStatus, error) {
	if path == "" {
		path = "/api/status"
	}
	resp, err := p.client.Get(p.baseURL + path) //@RES-02|RES-01
	defer resp.Body.Close()
	if err != nil {
		return nil, fmt.Errorf("agent status: %w", err)
	}
	var st AgentStatus
	if err := json.NewDecoder(resp.Body).Decode(&st); err != nil {
		return nil, err
	}
	return &st, nil
}
''', '''
type AgentStatus struct {
	Lag     int    `json:"lag"`
	Healthy bool   `json:"healthy"`
	Version string `json:"version"`
}
''')),
         f('config/agent.yaml', old='''agent:
  base_url: http://localhost:3002
  timeout: 5s
''', new='''agent:
  base_url: http://localhost:3002
  status_path: /api/status
  timeout: 5s
'''),
     ])

case('go-02-pager-submit-helper-returns-open-response', 'https://github.com/marcw/pagerduty/pull/1',
     'event submission is split into a post helper (new file) that returns the *http.Response; Submit reads the status and returns without closing the body',
     files=[
         f('pager/post.go', new=gofile('pager', ['bytes', 'encoding/json', 'net/http'], '''
// post sends one JSON document to the events endpoint. The caller owns the response.
func (c *Client) post(path string, payload interface{}) (*http.Response, error) {
	buf, err := json.Marshal(payload)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequest(http.MethodPost, c.endpoint+path, bytes.NewReader(buf))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	return c.http.Do(req)
}
''')),
         f('pager/event.go', **mod('pager', ['fmt', 'net/http'], '''
type Event struct {
	RoutingKey string `json:"routing_key"`
	Action     string `json:"event_action"`
	Summary    string `json:"summary"`
}
''', '''
// Submit sends the event and reports a non-accepted status as an error.
func (c *Client) Submit(ev Event) error {
	resp, err := c.http.Post(c.endpoint+"/v2/enqueue", "application/json", encode(ev))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusAccepted {
		return fmt.Errorf("pager: status %d", resp.StatusCode)
	}
	return nil
}
''', '''
// Submit sends the event and reports a non-accepted status as an error.
func (c *Client) Submit(ev Event) error {
	resp, err := c.post("/v2/enqueue", ev) //@RES-02
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusAccepted {
		return fmt.Errorf("pager: status %d", resp.StatusCode)
	}
	c.sent++
	return nil
}
''')),
     ])

case('go-03-flag-metrics-register-and-send-never-close', 'https://github.com/Unleash/unleash-go-sdk/pull/31',
     'the metrics reporter gains instance registration and a periodic send; both check the status code and drop the response without closing its body',
     path='flags/metrics.go', **mod('flags', ['bytes', 'encoding/json', 'net/http', 'time'], '''
type metrics struct {
	client   *http.Client
	url      string
	appName  string
	interval time.Duration
	errs     chan error
}

func (m *metrics) err(e error) {
	select {
	case m.errs <- e:
	default:
	}
}
''', '''
func (m *metrics) registerInstance() {
	payload, _ := json.Marshal(map[string]string{"appName": m.appName})
	req, err := http.NewRequest(http.MethodPost, m.url+"/client/register", bytes.NewReader(payload))
	if err != nil {
		m.err(err)
		return
	}
	resp, err := m.client.Do(req)
	if err != nil {
		m.err(err)
		return
	}
	defer resp.Body.Close()
}
''', '''
func (m *metrics) registerInstance() {
	payload, _ := json.Marshal(map[string]string{"appName": m.appName}) //@~ERR-01
	req, err := http.NewRequest(http.MethodPost, m.url+"/client/register", bytes.NewReader(payload))
	if err != nil {
		m.err(err)
		return
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := m.client.Do(req) //@RES-02
	if err != nil {
		m.err(err)
		return
	}
	if resp.StatusCode >= 300 {
		m.err(&statusError{code: resp.StatusCode})
	}
}

func (m *metrics) sendMetrics(bucket map[string]int) {
	payload, err := json.Marshal(bucket)
	if err != nil {
		m.err(err)
		return
	}
	resp, err := m.client.Post(m.url+"/client/metrics", "application/json", bytes.NewReader(payload)) //@RES-02
	if err != nil {
		m.err(err)
		return
	}
	if resp.StatusCode >= 300 {
		m.err(&statusError{code: resp.StatusCode})
	}
}
''', '''
type statusError struct{ code int }

func (e *statusError) Error() string { return http.StatusText(e.code) }
'''))

case('go-04-pipeline-log-fetch-defers-after-read', 'https://github.com/caicloud/cyclone/pull/568',
     'fetching a stage log now reads the body first and defers the close after the read error check; a failed read returns with the body open',
     path='pipeline/logs.go', **mod('pipeline', ['fmt', 'io', 'net/http'], '''
type LogFetcher struct {
	client *http.Client
	host   string
}
''', '''
func (l *LogFetcher) Stage(run, stage string) ([]byte, error) {
	resp, err := l.client.Get(fmt.Sprintf("%s/runs/%s/stages/%s/log", l.host, run, stage))
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}
''', '''
func (l *LogFetcher) Stage(run, stage string) ([]byte, error) {
	url := fmt.Sprintf("%s/runs/%s/stages/%s/log", l.host, run, stage)
	resp, err := l.client.Get(url) //@RES-02
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, fmt.Errorf("read log of %s/%s: %w", run, stage, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("log of %s/%s: %s", run, stage, resp.Status)
	}
	return data, nil
}
'''))

# ---------------------------------------------------------------- RES-03
case('go-05-balancer-health-loop-defers-close', 'https://github.com/eduardonunesp/sslb/pull/21',
     'the backend health checker becomes an endless loop; the deferred Body.Close inside the loop never runs, so every probe leaks its response',
     path='lb/health.go', **mod('lb', ['context', 'log', 'net/http', 'time'], '''
type Backend struct {
	URL   string
	alive bool
}
''', '''
func (b *Backend) check(client *http.Client) {
	resp, err := client.Get(b.URL + "/healthz")
	if err != nil {
		b.alive = false
		return
	}
	defer resp.Body.Close()
	b.alive = resp.StatusCode == http.StatusOK
}
''', '''
func (b *Backend) watch(ctx context.Context, client *http.Client, every time.Duration) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-time.After(every):
		}
		resp, err := client.Get(b.URL + "/healthz") //@~RES-02
		if err != nil {
			log.Printf("backend %s down: %v", b.URL, err)
			b.alive = false
			continue
		}
		defer resp.Body.Close() //@RES-03
		b.alive = resp.StatusCode == http.StatusOK
	}
}
'''))

case('go-06-kv-dashboard-watch-defers-per-key', 'https://github.com/fujiwara/consul-kv-dashboard/pull/4',
     'the dashboard polls every category key in a loop and defers the close of each response, which only runs when the handler returns',
     path='dashboard/poll.go', **mod('dashboard', ['encoding/json', 'net/http'], '''
type Item struct {
	Category string `json:"category"`
	Node     string `json:"node"`
	Status   string `json:"status"`
}
''', '''
func (d *Dashboard) load(category string) ([]Item, error) {
	resp, err := d.client.Get(d.kvURL + "/" + category + "?recurse")
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var items []Item
	err = json.NewDecoder(resp.Body).Decode(&items)
	return items, err
}
''', '''
func (d *Dashboard) loadAll(categories []string) (map[string][]Item, error) {
	out := make(map[string][]Item, len(categories))
	for _, category := range categories {
		resp, err := d.client.Get(d.kvURL + "/" + category + "?recurse") //@~RES-02
		if err != nil {
			return nil, err
		}
		defer resp.Body.Close() //@RES-03
		var items []Item
		if err := json.NewDecoder(resp.Body).Decode(&items); err != nil {
			return nil, err
		}
		out[category] = items
	}
	return out, nil
}
'''))

# ---------------------------------------------------------------- TMO-03
case('go-07-generic-timeout-runner-drops-cancel', 'https://github.com/slok/goresilience/pull/22',
     'a generic timeout runner (Go generics) derives a context with WithTimeout and throws the cancel function away',
     files=[
         f('resilience/timeout.go', new=gofile('resilience', ['context', 'errors', 'time'], '''
var ErrTimeout = errors.New("resilience: timed out")

// Timeout runs fn with a deadline and returns its result, or ErrTimeout.
func Timeout[T any](ctx context.Context, d time.Duration, fn func(context.Context) (T, error)) (T, error) {
	ctx, _ = context.WithTimeout(ctx, d) //@TMO-03
	type result struct {
		v   T
		err error
	}
	done := make(chan result, 1)
	go func() { //@~CONC-01
		v, err := fn(ctx)
		done <- result{v, err}
	}()
	select {
	case r := <-done:
		return r.v, r.err
	case <-ctx.Done():
		var zero T
		return zero, ErrTimeout
	}
}
''')),
         f('README.md', old='''# resilience

Small helpers for retries and circuit breaking.
''', new='''# resilience

Small helpers for retries, timeouts and circuit breaking.

```go
user, err := resilience.Timeout(ctx, 200*time.Millisecond, repo.FindUser)
```
'''),
     ])

case('go-08-phase-timeout-helper-returns-context-only', 'https://github.com/insolar/insolar/pull/531',
     'a helper that scales a phase duration returns only the derived context; its cancel function is discarded and the callers never release the timer',
     files=[
         f('consensus/phases/timeout.go', new=gofile('phases', ['context', 'time'], '''
// phaseContext gives a phase a share k of the pulse duration.
func phaseContext(ctx context.Context, pulse time.Duration, k float64) context.Context {
	d := time.Duration(k * float64(pulse))
	phaseCtx, _ := context.WithTimeout(ctx, d) //@TMO-03
	return phaseCtx
}
''')),
         f('consensus/phases/manager.go', **mod('phases', ['context', 'time'], '''
type Manager struct {
	first  Phase
	second Phase
	pulse  time.Duration
}
''', '''
func (m *Manager) OnPulse(ctx context.Context) error {
	if err := m.first.Run(ctx); err != nil {
		return err
	}
	return m.second.Run(ctx)
}
''', '''
func (m *Manager) OnPulse(ctx context.Context) error {
	if err := m.first.Run(phaseContext(ctx, m.pulse, 0.4)); err != nil {
		return err
	}
	return m.second.Run(phaseContext(ctx, m.pulse, 0.5))
}
''')),
     ])

case('go-09-deleted-defer-cancel-in-publisher', 'https://github.com/ThreeDotsLabs/watermill-googlecloud/pull/4',
     'the publisher constructor stops cancelling its connect context (the defer is deleted and cancel assigned to _), so the context keeps its timer after the constructor returns',
     deletion=True, path='pubsub/publisher.go', **mod('pubsub', ['context', 'fmt', 'time'], '''
type PublisherConfig struct {
	ProjectID      string
	ConnectTimeout time.Duration
}
''', '''
func NewPublisher(cfg PublisherConfig, dial Dialer) (*Publisher, error) {
	ctx, cancel := context.WithTimeout(context.Background(), cfg.ConnectTimeout)
	defer cancel()
	client, err := dial(ctx, cfg.ProjectID)
	if err != nil {
		return nil, fmt.Errorf("connect %s: %w", cfg.ProjectID, err)
	}
	return &Publisher{client: client, cfg: cfg}, nil
}
''', '''
func NewPublisher(cfg PublisherConfig, dial Dialer) (*Publisher, error) {
	ctx, _ := context.WithTimeout(context.Background(), cfg.ConnectTimeout) //@TMO-03
	client, err := dial(ctx, cfg.ProjectID)
	if err != nil {
		return nil, fmt.Errorf("connect %s: %w", cfg.ProjectID, err)
	}
	return &Publisher{client: client, cfg: cfg}, nil
}
'''))

# ---------------------------------------------------------------- RES-01 (rows, files)
case('go-10-sqlx-exec-returns-before-rows-close', 'https://github.com/ulule/makroud/pull/100',
     'a generic select helper (sqlx) checks the columns before scanning; that error path and a scan error return without closing the rows',
     files=[
         f('store/exec.go', **mod('store', ['context', 'fmt', '\t"github.com/jmoiron/sqlx"'], '''
type Queryer interface {
	QueryxContext(ctx context.Context, query string, args ...interface{}) (*sqlx.Rows, error)
}
''', '''
func SelectAll[T any](ctx context.Context, q Queryer, query string, args ...interface{}) ([]T, error) {
	rows, err := q.QueryxContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		var v T
		if err := rows.StructScan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
''', '''
func SelectAll[T any](ctx context.Context, q Queryer, query string, args ...interface{}) ([]T, error) {
	// Columns are checked first so that a mismatched struct fails with a clear error.
	rows, err := q.QueryxContext(ctx, query, args...) //@RES-01
	if err != nil {
		return nil, err
	}
	cols, err := rows.Columns()
	if err != nil {
		return nil, fmt.Errorf("columns of %q: %w", query, err)
	}
	if len(cols) == 0 {
		return nil, fmt.Errorf("query %q returns no columns", query)
	}
	var out []T
	for rows.Next() {
		var v T
		if err := rows.StructScan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
''')),
         f('go.mod', old=GOMOD_OLD % 'store', new=GOMOD_NEW % 'store'),
     ])

case('go-11-warehouse-row-count-rows-dropped', 'https://github.com/snowflakedb/gosnowflake/pull/129',
     'a table-size check uses Query and reads one row; the rows are never closed, so each check holds a connection',
     path='warehouse/stats.go', **mod('warehouse', ['database/sql', 'fmt'], '''
type Stats struct {
	db *sql.DB
}
''', '''
func (s *Stats) Tables() ([]string, error) {
	return listTables(s.db)
}
''', '''
func (s *Stats) Tables() ([]string, error) {
	return listTables(s.db)
}

// RowCount reports the approximate number of rows of a table.
func (s *Stats) RowCount(table string) (int64, error) {
	rows, err := s.db.Query("SELECT row_count FROM information_schema.tables WHERE table_name = ?", table) //@RES-01,~TMO-01,~TMO-02
	if err != nil {
		return 0, fmt.Errorf("row count of %s: %w", table, err)
	}
	var n int64
	if rows.Next() {
		if err := rows.Scan(&n); err != nil {
			return 0, err
		}
	}
	return n, nil
}
'''))

# ---------------------------------------------------------------- TX-01 / TX-02
case('go-12-acme-store-rollback-missing-on-one-branch', 'https://github.com/cerc-io/go-ethereum/pull/63',
     'an order-status update begins a transaction and rolls back on the first error, but a new lookup added between the two writes returns without rolling back',
     path='sa/orders.go', **mod('sa', ['context', 'database/sql', 'fmt'], '''
type Store struct {
	db *sql.DB
}
''', '''
func (s *Store) SetOrderError(ctx context.Context, id int64, msg string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, "UPDATE orders SET error = ? WHERE id = ?", msg, id); err != nil {
		return err
	}
	return tx.Commit()
}
''', '''
func (s *Store) SetOrderError(ctx context.Context, id int64, msg string) error {
	// The registration counter is kept in the same transaction as the order.
	tx, err := s.db.BeginTx(ctx, nil) //@TX-01
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE orders SET error = ? WHERE id = ?", msg, id); err != nil {
		tx.Rollback()
		return err
	}
	var regID int64
	if err := tx.QueryRowContext(ctx, "SELECT registration_id FROM orders WHERE id = ?", id).Scan(&regID); err != nil {
		return fmt.Errorf("order %d: %w", id, err)
	}
	if _, err := tx.ExecContext(ctx, "UPDATE registrations SET failed_orders = failed_orders + 1 WHERE id = ?", regID); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}
'''))

case('go-13-satellite-state-commit-unchecked', 'https://github.com/container-registry/harbor-satellite/issues/143',
     'the state writer commits its transaction and returns nil without looking at Commit\'s error',
     path='internal/state/store.go', **mod('state', ['context', 'database/sql'], '''
type Store struct {
	db *sql.DB
}
''', '''
func (s *Store) SaveArtifacts(ctx context.Context, group string, digests []string) error {
	for _, d := range digests {
		if _, err := s.db.ExecContext(ctx, "INSERT INTO artifacts (grp, digest) VALUES (?, ?)", group, d); err != nil {
			return err
		}
	}
	return nil
}
''', '''
func (s *Store) SaveArtifacts(ctx context.Context, group string, digests []string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, "DELETE FROM artifacts WHERE grp = ?", group); err != nil {
		return err
	}
	for _, d := range digests {
		if _, err := tx.ExecContext(ctx, "INSERT INTO artifacts (grp, digest) VALUES (?, ?)", group, d); err != nil {
			return err
		}
	}
	tx.Commit() //@TX-02|ERR-01
	return nil
}
'''))

case('go-14-seata-style-helper-leaves-tx-open', 'https://github.com/apache/incubator-seata-go/pull/1083',
     'an exec-in-transaction helper (new file) begins a transaction and returns the callback\'s error directly; the transaction stays open on that path',
     files=[
         f('datasource/txhelper.go', new=gofile('datasource', ['context', 'database/sql'], '''
// execInTx runs f in a local transaction and commits it.
func execInTx(ctx context.Context, db *sql.DB, f func(*sql.Tx) (sql.Result, error)) (sql.Result, error) {
	tx, err := db.BeginTx(ctx, nil) //@TX-01
	if err != nil {
		return nil, err
	}
	res, err := f(tx)
	if err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	return res, nil
}
''')),
         f('datasource/conn.go', **mod('datasource', ['context', 'database/sql'], '''
type Conn struct {
	db *sql.DB
}
''', '''
func (c *Conn) ExecContext(ctx context.Context, query string, args ...interface{}) (sql.Result, error) {
	return c.db.ExecContext(ctx, query, args...)
}
''', '''
func (c *Conn) ExecContext(ctx context.Context, query string, args ...interface{}) (sql.Result, error) {
	return execInTx(ctx, c.db, func(tx *sql.Tx) (sql.Result, error) {
		return tx.ExecContext(ctx, query, args...)
	})
}
''')),
     ])

# ---------------------------------------------------------------- CONC-01 / CONC-07 / CONC-02
case('go-15-nas-scheduler-ticker-goroutine-unguarded', 'https://github.com/mcdays94/nas-doctor/pull/327',
     'the scheduler starts its SMART collection loop in a goroutine driven by a ticker; nothing recovers a panic in a run, which ends the process',
     path='internal/scheduler/scheduler.go', **mod('scheduler', ['log/slog', 'time'], '''
type Scheduler struct {
	interval time.Duration
	stop     chan struct{}
	collect  func() error
}
''', '''
func (s *Scheduler) RunOnce() {
	if err := s.collect(); err != nil {
		slog.Warn("collection failed", "err", err)
	}
}
''', '''
func (s *Scheduler) RunOnce() {
	if err := s.collect(); err != nil {
		slog.Warn("collection failed", "err", err)
	}
}

func (s *Scheduler) Start() {
	ticker := time.NewTicker(s.interval)
	go func() { //@CONC-07|CONC-01
		defer ticker.Stop()
		for {
			select {
			case <-ticker.C:
				s.RunOnce()
			case <-s.stop:
				return
			}
		}
	}()
}
'''))

case('go-16-timer-runtime-loop-returns-on-error', 'https://github.com/pingcap/tidb/pull/46412',
     'the timer runtime\'s background loop returns on the first failed batch, so one bad run stops every later timer check',
     path='timer/runtime.go', **mod('timer', ['context', 'fmt', 'time'], '''
type Runtime struct {
	store    Store
	interval time.Duration
}
''', '''
func (rt *Runtime) checkOnce(ctx context.Context) error {
	due, err := rt.store.Due(ctx, time.Now())
	if err != nil {
		return err
	}
	for _, t := range due {
		rt.fire(ctx, t)
	}
	return nil
}
''', '''
func (rt *Runtime) checkOnce(ctx context.Context) error {
	due, err := rt.store.Due(ctx, time.Now())
	if err != nil {
		return fmt.Errorf("load due timers: %w", err)
	}
	for _, t := range due {
		rt.fire(ctx, t)
	}
	return nil
}

func (rt *Runtime) loop(ctx context.Context) error {
	ticker := time.NewTicker(rt.interval)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-ticker.C:
			if err := rt.checkOnce(ctx); err != nil { //@CONC-07
				return err
			}
		}
	}
}
'''))

case('go-17-git-mapping-parallel-writes-shared-map', 'https://github.com/werf/werf/pull/2642',
     'commit lookups for several images run in goroutines that all write one plain map; concurrent map writes are a fatal runtime error',
     path='pkg/gitmapping/resolve.go', **mod('gitmapping', ['context', 'sync'], '''
type Resolver struct {
	repo Repo
}
''', '''
func (r *Resolver) Commits(ctx context.Context, images []string) (map[string]string, error) {
	out := map[string]string{}
	for _, img := range images {
		c, err := r.repo.LatestCommit(ctx, img)
		if err != nil {
			return nil, err
		}
		out[img] = c
	}
	return out, nil
}
''', '''
func (r *Resolver) Commits(ctx context.Context, images []string) (map[string]string, error) {
	out := map[string]string{}
	var wg sync.WaitGroup
	errs := make(chan error, len(images))
	for _, img := range images {
		wg.Add(1)
		go func(img string) { //@~CONC-01
			defer wg.Done()
			c, err := r.repo.LatestCommit(ctx, img)
			if err != nil {
				errs <- err
				return
			}
			out[img] = c //@CONC-03
		}(img)
	}
	wg.Wait()
	close(errs)
	if err := <-errs; err != nil {
		return nil, err
	}
	return out, nil
}
'''))

case('go-18-broker-inflight-map-without-lock', 'https://github.com/fhmq/hmq/pull/108',
     'the broker client keeps its in-flight QoS messages in a map written by the reader goroutine and the retry goroutine without any lock',
     path='broker/client.go', **mod('broker', ['time'], '''
type inflightElem struct {
	at     time.Time
	packet []byte
	try    int
}
''', '''
type client struct {
	id string
}
''', '''
type client struct {
	id       string
	inflight map[uint16]*inflightElem
}

// called from the connection's read goroutine
func (c *client) trackPublish(id uint16, packet []byte) {
	c.inflight[id] = &inflightElem{at: time.Now(), packet: packet} //@CONC-03
}

// called from the retry goroutine every second
func (c *client) retryInflight(resend func([]byte)) {
	for id, e := range c.inflight {
		if time.Since(e.at) > 20*time.Second {
			if e.try >= 3 {
				delete(c.inflight, id) //@CONC-03
				continue
			}
			e.try++
			resend(e.packet)
		}
	}
}
'''))

case('go-19-chat-bot-goroutine-per-update', 'https://github.com/SamSaffron/term-llm/pull/262',
     'the bot starts one goroutine per incoming update with no bound; a flood of updates turns into as many goroutines waiting on the model',
     path='bot/telegram.go', **mod('bot', ['context', 'log'], '''
type Bot struct {
	api     API
	handler func(context.Context, Update) error
}
''', '''
func (b *Bot) Run(ctx context.Context) error {
	for upd := range b.api.Updates(ctx) {
		if err := b.handler(ctx, upd); err != nil {
			log.Printf("update %d: %v", upd.ID, err)
		}
	}
	return ctx.Err()
}
''', '''
func (b *Bot) Run(ctx context.Context) error {
	for upd := range b.api.Updates(ctx) {
		upd := upd
		go func() { //@CONC-02,~CONC-01,~CONC-06
			if err := b.handler(ctx, upd); err != nil {
				log.Printf("update %d: %v", upd.ID, err)
			}
		}()
	}
	return ctx.Err()
}
'''))

case('go-20-analytics-send-goroutine-per-batch', 'https://github.com/segmentio/analytics-go/pull/97',
     'the analytics client flushes each batch in its own goroutine; nothing limits how many flushes run when the endpoint is slow',
     path='analytics/flush.go', **mod('analytics', ['sync', 'time'], '''
type Client struct {
	batches  chan []Message
	wg       sync.WaitGroup
	endpoint string
	interval time.Duration
}
''', '''
func (c *Client) loop() {
	for batch := range c.batches {
		c.send(batch)
	}
}
''', '''
func (c *Client) loop() {
	for batch := range c.batches {
		c.wg.Add(1)
		go c.sendAsync(batch) //@CONC-02,~CONC-01,~CONC-06
	}
	c.wg.Wait()
}

func (c *Client) sendAsync(batch []Message) {
	defer c.wg.Done()
	c.send(batch)
}
'''))

# ---------------------------------------------------------------- MEM-02
case('go-21-sync-storage-returns-pooled-bytes', 'https://github.com/mozilla-services/go-syncstorage/pull/148',
     'the record encoder borrows a bytes.Buffer from a sync.Pool, returns buf.Bytes() to the caller and puts the buffer back; the caller\'s slice is overwritten by the next encode',
     path='syncstorage/encode.go', **mod('syncstorage', ['bytes', 'encoding/json', 'sync'], '''
var bufPool = sync.Pool{New: func() interface{} { return new(bytes.Buffer) }}
''', '''
func encodeBSO(b BSO) ([]byte, error) {
	return json.Marshal(b)
}
''', '''
func encodeBSO(b BSO) ([]byte, error) {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer bufPool.Put(buf)
	if err := json.NewEncoder(buf).Encode(b); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil //@MEM-02
}
'''))

case('go-22-flow-collector-sends-pooled-record', 'https://github.com/xxddpac/go-flow/pull/6',
     'the traffic collector takes a record from a sync.Pool, sends the pointer to the Kafka channel and puts it back right away; the consumer reads a record that the next packet already reuses',
     path='flow/collector.go', **mod('flow', ['sync', 'time'], '''
type Traffic struct {
	Src, Dst string
	Bytes    int
	At       time.Time
}

var trafficPool = sync.Pool{New: func() interface{} { return new(Traffic) }}
''', '''
func (c *Collector) onPacket(src, dst string, n int) {
	c.out <- &Traffic{Src: src, Dst: dst, Bytes: n, At: time.Now()}
}
''', '''
func (c *Collector) onPacket(src, dst string, n int) {
	t := trafficPool.Get().(*Traffic)
	t.Src, t.Dst, t.Bytes, t.At = src, dst, n, time.Now()
	c.out <- t //@MEM-02
	trafficPool.Put(t)
}
'''))

# ---------------------------------------------------------------- HTTP-01
case('go-23-api-middleware-closes-request-body-and-audits-async', 'https://github.com/decred/politeia/pull/260',
     'a new middleware closes the request body itself in a defer and starts an unbounded audit goroutine that holds the request after the handler returns',
     files=[
         f('politeiawww/middleware.go', new=gofile('main', ['net/http', 'time'], '''
// closeBodyAndAudit wraps every route of the API.
func (p *politeiawww) closeBodyAndAudit(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		defer r.Body.Close() //@HTTP-01
		defer func() {
			go p.audit.Record(r, time.Since(start)) //@HTTP-01,~CONC-01,~CONC-02,~CONC-06
		}()
		next(w, r)
	}
}
''')),
         f('politeiawww/routes.go', **mod('main', ['net/http'], '', '''
func (p *politeiawww) setupRoutes(mux *http.ServeMux) {
	mux.HandleFunc("/v1/proposals/new", p.handleNewProposal)
	mux.HandleFunc("/v1/proposals/vetted", p.handleVetted)
}
''', '''
func (p *politeiawww) setupRoutes(mux *http.ServeMux) {
	mux.HandleFunc("/v1/proposals/new", p.closeBodyAndAudit(p.handleNewProposal))
	mux.HandleFunc("/v1/proposals/vetted", p.closeBodyAndAudit(p.handleVetted))
}
''')),
     ])

# ---------------------------------------------------------------- ERR-01
case('go-24-deploy-config-error-discarded', 'https://github.com/block/ftl/pull/1829',
     'the deployment command loads its module config and discards the error with _; a missing file leaves cfg nil and the next line panics',
     path='cmd/deploy/main.go', **mod('main', ['fmt', 'os'], '''
type moduleConfig struct {
	Name     string
	Replicas int
}
''', '''
func run(dir string) error {
	cfg, err := loadModuleConfig(dir)
	if err != nil {
		return fmt.Errorf("load module config in %s: %w", dir, err)
	}
	fmt.Fprintf(os.Stdout, "deploying %s with %d replicas\\n", cfg.Name, cfg.Replicas)
	return deploy(cfg)
}
''', '''
func run(dir string, replicas int) error {
	cfg, _ := loadModuleConfig(dir) //@ERR-01
	if replicas > 0 {
		cfg.Replicas = replicas
	}
	fmt.Fprintf(os.Stdout, "deploying %s with %d replicas\\n", cfg.Name, cfg.Replicas)
	return deploy(cfg)
}
'''))

case('go-25-workflow-replayer-ignores-close-and-flush-errors', 'https://github.com/temporalio/features/pull/617',
     'the history exporter writes to a buffered file writer and throws away the errors of Flush and Sync with _ =, so a full disk reports success',
     path='harness/export.go', **mod('harness', ['bufio', 'encoding/json', 'os'], '''
type Event struct {
	ID   int64  `json:"id"`
	Type string `json:"type"`
}
''', '''
func exportHistory(path string, events []Event) error {
	return writeJSONLines(path, events)
}
''', '''
func exportHistory(path string, events []Event) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	for _, ev := range events {
		if err := enc.Encode(ev); err != nil {
			return err
		}
	}
	_ = w.Flush() //@ERR-01
	_ = f.Sync() //@ERR-01
	return nil
}
'''))

# ---------------------------------------------------------------- TMO-01
case('go-26-receipt-verifier-uses-default-client', 'https://github.com/awa/go-iap/pull/66',
     'the receipt verifier is built with http.DefaultClient, which has no timeout; a stalled store endpoint blocks every verification',
     path='appstore/validator.go', **mod('appstore', ['bytes', 'encoding/json', 'net/http'], '''
const (
	sandboxURL    = "https://sandbox.itunes.apple.com/verifyReceipt"
	productionURL = "https://buy.itunes.apple.com/verifyReceipt"
)
''', '''
type Client struct {
	url string
}

func New() *Client {
	return &Client{url: productionURL}
}
''', '''
type Client struct {
	url    string
	httpCl *http.Client
}

func New() *Client {
	return &Client{url: productionURL, httpCl: http.DefaultClient} //@TMO-01
}

func (c *Client) Verify(req IAPRequest, out *IAPResponse) error {
	body, err := json.Marshal(req)
	if err != nil {
		return err
	}
	resp, err := c.httpCl.Post(c.url, "application/json; charset=utf-8", bytes.NewReader(body))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(out)
}
'''))

case('go-27-error-reporter-transport-client-no-timeout', 'https://github.com/getsentry/raven-go/pull/250',
     'the error-report transport builds its own http.Client with a custom TLS config and no Timeout; a hanging collector blocks the reporting goroutine forever',
     path='raven/transport.go', **mod('raven', ['crypto/tls', 'crypto/x509', 'net/http'], '''
type HTTPTransport struct {
	*http.Client
}
''', '''
func newTransport() Transport {
	return &HTTPTransport{Client: http.DefaultClient}
}
''', '''
func newTransport(roots *x509.CertPool) Transport {
	t := &HTTPTransport{}
	t.Client = &http.Client{ //@TMO-01
		Transport: &http.Transport{
			Proxy:           http.ProxyFromEnvironment,
			TLSClientConfig: &tls.Config{RootCAs: roots},
		},
	}
	return t
}
'''))

# ---------------------------------------------------------------- TMO-02
case('go-28-admin-api-background-context', 'https://github.com/grafana/pyroscope/issues/2821',
     'the admin handler that lists tenants runs the bucket scan with context.Background(), so a client that goes away does not stop it',
     path='pkg/operations/admin.go', **mod('operations', ['context', 'encoding/json', 'net/http'], '''
type Admin struct {
	bucket Bucket
}
''', '''
func (a *Admin) TenantsHandler(w http.ResponseWriter, r *http.Request) {
	tenants, err := a.bucket.ListTenants(r.Context())
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	_ = json.NewEncoder(w).Encode(tenants)
}
''', '''
func (a *Admin) TenantsHandler(w http.ResponseWriter, r *http.Request) {
	prefix := r.URL.Query().Get("prefix")
	tenants, err := a.bucket.ListTenants(context.Background(), prefix) //@TMO-02
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(tenants) //@~ERR-01
}
'''))

case('go-29-report-handler-todo-context-to-store', 'https://github.com/weaveworks/scope/pull/3380',
     'the topology handler builds a report through a helper in another file that calls the store with context.TODO() instead of the request context it was given',
     files=[
         f('app/report.go', new=gofile('app', ['context', 'time'], '''
// latestReport fetches the merged report for the last window.
func latestReport(ctx context.Context, c Collector, window time.Duration) (Report, error) {
	_ = ctx
	return c.Report(context.TODO(), time.Now().Add(-window)) //@TMO-02
}
''')),
         f('app/api_topology.go', **mod('app', ['encoding/json', 'net/http', 'time'], '''
const defaultWindow = 15 * time.Second
''', '''
func handleTopology(c Collector) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		rpt, err := c.Report(r.Context(), time.Now().Add(-defaultWindow))
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		_ = json.NewEncoder(w).Encode(render(rpt))
	}
}
''', '''
func handleTopology(c Collector) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		rpt, err := latestReport(r.Context(), c, defaultWindow)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		_ = json.NewEncoder(w).Encode(render(rpt)) //@~ERR-01
	}
}
''')),
     ])

case('go-30-transfer-dedupe-query-without-context', 'https://github.com/artie-labs/transfer/pull/1238',
     'a dedupe step that receives ctx runs its lookup with db.Query instead of QueryContext; the rows are closed, but the query ignores the caller\'s deadline',
     path='lib/destination/dedupe.go', **mod('destination', ['context', 'database/sql', 'fmt'], '''
type Deduper struct {
	db    *sql.DB
	table string
}
''', '''
func (d *Deduper) Duplicates(ctx context.Context, key string) ([]string, error) {
	return nil, nil
}
''', '''
func (d *Deduper) Duplicates(ctx context.Context, key string) ([]string, error) {
	q := fmt.Sprintf("SELECT %s FROM %s GROUP BY %s HAVING COUNT(*) > 1", key, d.table, key)
	rows, err := d.db.Query(q) //@TMO-02,~TMO-01
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var dups []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		dups = append(dups, v)
	}
	return dups, rows.Err()
}
'''))

# ---------------------------------------------------------------- RES-04
case('go-31-request-lib-transport-per-call', 'https://github.com/franela/goreq/pull/50',
     'every Do call builds a new http.Transport and http.Client, so no connection is reused and each call leaves an idle pool behind',
     path='goreq/request.go', **mod('goreq', ['net', 'net/http', 'time'], '''
type Request struct {
	Method  string
	URI     string
	Timeout time.Duration
}
''', '''
func (r Request) Do() (*http.Response, error) {
	req, err := http.NewRequest(r.Method, r.URI, nil)
	if err != nil {
		return nil, err
	}
	return defaultClient.Do(req)
}
''', '''
func (r Request) Do() (*http.Response, error) {
	req, err := http.NewRequest(r.Method, r.URI, nil)
	if err != nil {
		return nil, err
	}
	transport := &http.Transport{ //@RES-04
		Dial:                (&net.Dialer{Timeout: r.Timeout}).Dial,
		TLSHandshakeTimeout: r.Timeout,
	}
	client := &http.Client{Transport: transport, Timeout: r.Timeout}
	return client.Do(req)
}
'''))

case('go-32-token-fetch-client-closure-per-call', 'https://github.com/docker/docker-agent/pull/3633',
     'the token source keeps a closure that builds a fresh http.Client with its own transport on every fetch; each fetch strands an idle connection',
     path='pkg/auth/token.go', **mod('auth', ['encoding/json', 'net/http', 'time'], '''
type tokenResponse struct {
	Token     string `json:"token"`
	ExpiresIn int    `json:"expires_in"`
}
''', '''
type TokenSource struct {
	url    string
	client *http.Client
}
''', '''
type TokenSource struct {
	url    string
	client func() *http.Client
}

func NewTokenSource(url string) *TokenSource {
	return &TokenSource{url: url, client: func() *http.Client {
		return &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{MaxIdleConns: 4}} //@RES-04
	}}
}

func (t *TokenSource) Fetch() (string, error) {
	resp, err := t.client().Get(t.url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var tr tokenResponse
	if err := json.NewDecoder(resp.Body).Decode(&tr); err != nil {
		return "", err
	}
	return tr.Token, nil
}
'''))

case('go-33-workflow-dispatch-dials-grpc-per-call', 'https://github.com/autokitteh/autokitteh/pull/729',
     'dispatching an event dials a new gRPC connection on every call and never closes it',
     path='internal/dispatch/client.go', **mod('dispatch', ['context', '\t"google.golang.org/grpc"', '\t"google.golang.org/grpc/credentials/insecure"'], '''
type Dispatcher struct {
	addr string
}
''', '''
func (d *Dispatcher) Dispatch(ctx context.Context, ev *Event) error {
	return nil
}
''', '''
func (d *Dispatcher) Dispatch(ctx context.Context, ev *Event) error {
	conn, err := grpc.DialContext(ctx, d.addr, grpc.WithTransportCredentials(insecure.NewCredentials())) //@RES-04|RES-01
	if err != nil {
		return err
	}
	_, err = NewDispatchServiceClient(conn).Dispatch(ctx, &DispatchRequest{Event: ev})
	return err
}
'''))

# ---------------------------------------------------------------- RES-01 files
case('go-34-debug-printer-opens-source-without-close', 'https://github.com/tylerwince/godbg/issues/1',
     'the debug printer reads the caller\'s source line from the file on every call and never closes it',
     path='godbg/dbg.go', **mod('godbg', ['bufio', 'fmt', 'os', 'runtime'], '', '''
func Dbg(v interface{}) {
	_, file, line, _ := runtime.Caller(1)
	fmt.Fprintf(os.Stderr, "[%s:%d] %#v\\n", file, line, v)
}
''', '''
func Dbg(v interface{}) {
	_, file, line, _ := runtime.Caller(1)
	fmt.Fprintf(os.Stderr, "[%s:%d] %s = %#v\\n", file, line, expression(file, line), v)
}

func expression(file string, line int) string {
	f, err := os.Open(file) //@RES-01
	if err != nil {
		return "?"
	}
	sc := bufio.NewScanner(f)
	for i := 1; sc.Scan(); i++ {
		if i == line {
			return sc.Text()
		}
	}
	return "?"
}
'''))

case('go-35-roachprod-update-chmod-before-defer', 'https://github.com/cockroachdb/cockroach/issues/164231',
     'the self-update writes the new binary; a chmod step is inserted before the deferred Close, so a chmod error returns with the file open',
     path='pkg/cmd/roachprod/cli/update.go', **mod('cli', ['fmt', 'io', 'os'], '', '''
func writeBinary(toFile string, src io.Reader) error {
	f, err := os.Create(toFile)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(f, src)
	return err
}
''', '''
func writeBinary(toFile string, src io.Reader) error {
	// The binary must be executable before it replaces the running one.
	f, err := os.Create(toFile) //@RES-01
	if err != nil {
		return err
	}
	if err := f.Chmod(0o755); err != nil {
		return fmt.Errorf("unable to chmod destination file %q: %w", toFile, err)
	}
	defer f.Close()
	_, err = io.Copy(f, src)
	return err
}
'''))

case('go-36-static-file-handler-open-without-close', 'https://github.com/labstack/echo/issues/238',
     'a static-file route opens the file through http.Dir and streams it, but never closes it; on Windows the file cannot even be deleted afterwards',
     path='static.go', crlf=True, **mod('echo', ['io', 'net/http', 'path'], '''
type Context struct {
	Response http.ResponseWriter
	Request  *http.Request
}
''', '''
func serveFile(dir, file string, c *Context) error {
	http.ServeFile(c.Response, c.Request, path.Join(dir, file))
	return nil
}
''', '''
func serveFile(dir, file string, c *Context) error {
	fs := http.Dir(dir)
	f, err := fs.Open(file) //@RES-01
	if err != nil {
		return NewHTTPError(http.StatusNotFound)
	}
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	if fi.IsDir() {
		return NewHTTPError(http.StatusForbidden)
	}
	c.Response.Header().Set("Content-Type", contentType(file))
	_, err = io.Copy(c.Response, f)
	return err
}
'''))

# ---------------------------------------------------------------- LOG-01 / LOG-02 / LOG-03
case('go-37-stream-process-logs-every-message', 'https://github.com/osamaninox/trail-replay/issues/20',
     'the replication stream processor logs every decoded message with its whole tuple at info level inside the receive loop',
     path='cmd/stream-process/process.go', **mod('main', ['context', 'log'], '''
type Message struct {
	LSN      uint64
	Relation string
	Tuple    map[string]interface{}
}
''', '''
func process(ctx context.Context, in <-chan Message, sink Sink) error {
	n := 0
	for msg := range in {
		if err := sink.Apply(ctx, msg); err != nil {
			return err
		}
		n++
	}
	log.Printf("applied %d messages", n)
	return nil
}
''', '''
func process(ctx context.Context, in <-chan Message, sink Sink) error {
	n := 0
	for msg := range in {
		log.Printf("message lsn=%d relation=%s tuple=%+v", msg.LSN, msg.Relation, msg.Tuple) //@LOG-01,~LOG-03
		if err := sink.Apply(ctx, msg); err != nil {
			return err
		}
		n++
	}
	log.Printf("applied %d messages", n)
	return nil
}
'''))

case('go-38-conflation-logs-each-way-with-zap', 'https://github.com/ngageoint/hootenanny/issues/1124',
     'a map conflation pass logs every way it merges with a structured logger at info level; the loop runs over millions of ways',
     path='conflate/merge.go', **mod('conflate', ['\t"go.uber.org/zap"'], '''
type Way struct {
	ID    int64
	Nodes []int64
	Tags  map[string]string
}
''', '''
func (m *Merger) MergeAll(ways []Way) int {
	merged := 0
	for _, w := range ways {
		if m.mergeOne(w) {
			merged++
		}
	}
	m.log.Info("merge done", zap.Int("ways", len(ways)), zap.Int("merged", merged))
	return merged
}
''', '''
func (m *Merger) MergeAll(ways []Way) int {
	merged := 0
	for _, w := range ways {
		if m.mergeOne(w) {
			merged++
			m.log.Info("merged way", zap.Int64("id", w.ID), zap.Any("tags", w.Tags)) //@LOG-01
		} else {
			m.log.Warn("way not merged", zap.Int64("id", w.ID), zap.Int("nodes", len(w.Nodes))) //@LOG-01
		}
	}
	m.log.Info("merge done", zap.Int("ways", len(ways)), zap.Int("merged", merged))
	return merged
}
'''))

case('go-39-pricing-debug-sprintf-in-message', 'https://github.com/apache/openwhisk/pull/2784',
     'the activation path adds a debug line whose message is built with fmt.Sprintf from the whole activation record, formatted even when debug is off',
     path='invoker/activation.go', **mod('invoker', ['context', 'fmt', 'log/slog'], '''
type Activation struct {
	ID      string
	Action  string
	Params  map[string]string
	Limits  Limits
}
''', '''
func (i *Invoker) Run(ctx context.Context, a Activation) error {
	return i.container.Run(ctx, a)
}
''', '''
func (i *Invoker) Run(ctx context.Context, a Activation) error {
	i.log.Debug(fmt.Sprintf("running activation %+v with limits %s", a, i.limits.Explain(a))) //@LOG-02
	return i.container.Run(ctx, a)
}
'''))

# ---------------------------------------------------------------- RES-02 more
case('go-40-event-queue-flush-success-path-open', 'https://github.com/DevCycleHQ/go-server-sdk/pull/120',
     'the event queue flush closes the body only when the API answers with an error status; a successful flush leaves the body open',
     path='event_queue.go', **mod('devcycle', ['bytes', 'fmt', 'io', 'net/http'], '''
type EventQueue struct {
	client *http.Client
	url    string
}
''', '''
func (q *EventQueue) flush(payload []byte) error {
	return nil
}
''', '''
func (q *EventQueue) flush(payload []byte) error {
	req, err := http.NewRequest(http.MethodPost, q.url+"/v1/events/batch", bytes.NewReader(payload))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := q.client.Do(req) //@RES-02
	if err != nil {
		return err
	}
	if resp.StatusCode >= 400 {
		body, _ := io.ReadAll(resp.Body) //@~ERR-01
		resp.Body.Close()
		return fmt.Errorf("flush events: %d %s", resp.StatusCode, body)
	}
	return nil
}
'''))

case('go-41-http-test-dsl-response-kept-open', 'https://github.com/Eun/go-hit/issues/39',
     'the request step of an HTTP testing library (library code, not a test) stores the response for later expectations and never closes its body',
     path='hit/do.go', **mod('hit', ['net/http'], '''
type Hit struct {
	client   *http.Client
	request  *http.Request
	response *http.Response
	steps    []func(*Hit) error
}
''', '''
func (h *Hit) do() error {
	return nil
}
''', '''
func (h *Hit) do() error {
	res, err := h.client.Do(h.request) //@RES-02
	if err != nil {
		return err
	}
	h.response = res
	for _, step := range h.steps {
		if err := step(h); err != nil {
			return err
		}
	}
	return nil
}
'''))

case('go-42-kv-update-view-commit-error-dropped', 'https://github.com/tidwall/buntdb/issues/69',
     'a settings store writes through a managed transaction helper but ignores the error of the final Commit and reports success',
     path='settings/store.go', **mod('settings', ['database/sql', 'fmt'], '''
type Store struct {
	db *sql.DB
}
''', '''
func (s *Store) Put(key, value string) error {
	_, err := s.db.Exec("REPLACE INTO settings (k, v) VALUES (?, ?)", key, value)
	return err
}
''', '''
func (s *Store) PutAll(values map[string]string) error {
	tx, err := s.db.Begin() //@~TMO-01,~TMO-02
	if err != nil {
		return err
	}
	for k, v := range values {
		if _, err := tx.Exec("REPLACE INTO settings (k, v) VALUES (?, ?)", k, v); err != nil { //@~TMO-01,~TMO-02
			tx.Rollback()
			return fmt.Errorf("put %s: %w", k, err)
		}
	}
	_ = tx.Commit() //@TX-02|ERR-01
	return nil
}
'''))

# ---------------------------------------------------------------- CONC-06 / CONC-05 (Go form)
case('go-43-stream-consumer-wait-error-dropped', 'https://github.com/stoewer/go-nakadi/issues/66',
     'a batch consumer fans work out with errgroup and calls Wait without looking at its error, so failed partitions are committed as done',
     path='nakadi/consume.go', **mod('nakadi', ['context', '\t"golang.org/x/sync/errgroup"'], '''
type Consumer struct {
	partitions []string
	handle     func(context.Context, string) error
	commit     func(context.Context) error
}
''', '''
func (c *Consumer) Round(ctx context.Context) error {
	for _, p := range c.partitions {
		if err := c.handle(ctx, p); err != nil {
			return err
		}
	}
	return c.commit(ctx)
}
''', '''
func (c *Consumer) Round(ctx context.Context) error {
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(4)
	for _, p := range c.partitions {
		p := p
		g.Go(func() error { return c.handle(gctx, p) })
	}
	g.Wait() //@CONC-06|ERR-01
	return c.commit(ctx)
}
'''))

case('go-44-poller-sleeps-ignoring-context', 'https://github.com/redhat-appstudio/managed-gitops/pull/36',
     'a status poller that receives ctx waits between attempts with time.Sleep, so a cancelled request keeps polling until the attempts run out',
     path='backend/poll.go', **mod('backend', ['context', 'errors', 'time'], '''
var errNotReady = errors.New("not ready")
''', '''
func waitSynced(ctx context.Context, check func(context.Context) error) error {
	return check(ctx)
}
''', '''
func waitSynced(ctx context.Context, check func(context.Context) error) error {
	for attempt := 0; attempt < 30; attempt++ {
		err := check(ctx)
		if !errors.Is(err, errNotReady) {
			return err
		}
		time.Sleep(2 * time.Second) //@CONC-05|TMO-02
	}
	return errNotReady
}
'''))

# ---------------------------------------------------------------- MEM-01
case('go-45-samplerate-keeps-uintptr-to-go-buffer', 'https://github.com/dh1tw/gosamplerate/pull/4',
     'a cgo wrapper stores the address of Go slices as uintptr in a C struct for a later call and slices a fixed frame length out of the C output pointer',
     path='samplerate/convert.go', **mod('samplerate', ['fmt', 'unsafe'], '''
// #cgo LDFLAGS: -lsamplerate
// #include <samplerate.h>
// #include <stdlib.h>
import "C"
''', '''
func Simple(in []float32, ratio float64, channels int) ([]float32, error) {
	out := make([]float32, int(float64(len(in))*ratio)+channels)
	n, err := simpleC(in, out, ratio, channels)
	if err != nil {
		return nil, err
	}
	return out[:n], nil
}
''', '''
const maxFrame = 4096

var savedIn uintptr

func Simple(in []float32, ratio float64, channels int) ([]float32, error) {
	data := (*C.SRC_DATA)(C.malloc(C.sizeof_SRC_DATA))
	defer C.free(unsafe.Pointer(data)) //@~MEM-01
	savedIn = uintptr(unsafe.Pointer(&in[0])) //@MEM-01
	data.data_in = (*C.float)(unsafe.Pointer(savedIn)) //@~MEM-01
	data.input_frames = C.long(len(in) / channels)
	data.output_frames = C.long(maxFrame / channels)
	data.data_out = (*C.float)(C.malloc(C.size_t(maxFrame) * 4))
	defer C.free(unsafe.Pointer(data.data_out)) //@~MEM-01
	data.src_ratio = C.double(ratio)
	if rc := C.src_simple(data, C.SRC_SINC_FASTEST, C.int(channels)); rc != 0 {
		return nil, fmt.Errorf("samplerate: error %d", rc)
	}
	out := unsafe.Slice((*float32)(unsafe.Pointer(data.data_out)), maxFrame) //@MEM-01
	return append([]float32(nil), out...), nil
}
''', new_imports=['fmt', 'unsafe']))

# ================================================================ clean look-alikes (Go)
case('go-ok-01-agent-probe-defer-after-check', 'https://github.com/outbrain-inc/orchestrator-agent/pull/2',
     'the fixed shape of go-01: the probe gains its path parameter and defers Body.Close on the line after the error check',
     files=[
         f('agent/probe.go', **mod('agent', ['encoding/json', 'fmt', 'net/http'], '''
type Probe struct {
	client  *http.Client
	baseURL string
}
''', '''
func (p *Probe) Status() (*AgentStatus, error) {
	resp, err := p.client.Get(p.baseURL + "/api/status")
	if err != nil {
		return nil, fmt.Errorf("agent status: %w", err)
	}
	defer resp.Body.Close()
	var st AgentStatus
	return &st, json.NewDecoder(resp.Body).Decode(&st)
}
''', '''
func (p *Probe) Status(path string) (*AgentStatus, error) {
	if path == "" {
		path = "/api/status"
	}
	resp, err := p.client.Get(p.baseURL + path)
	if err != nil {
		return nil, fmt.Errorf("agent status: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("agent status: %s", resp.Status)
	}
	var st AgentStatus
	return &st, json.NewDecoder(resp.Body).Decode(&st)
}
''')),
         f('config/agent.yaml', old='''agent:
  base_url: http://localhost:3002
''', new='''agent:
  base_url: http://localhost:3002
  status_path: /api/status
'''),
     ])

case('go-ok-02-health-loop-body-in-named-function', 'https://github.com/eduardonunesp/sslb/pull/21',
     'the fixed shape of go-05: the endless health loop calls a named function per probe, which defers its own close',
     path='lb/health.go', **mod('lb', ['context', 'io', 'log', 'net/http', 'time'], '''
type Backend struct {
	URL   string
	alive bool
}
''', '''
func (b *Backend) watch(ctx context.Context, client *http.Client, every time.Duration) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-time.After(every):
		}
		b.alive = probe(client, b.URL)
	}
}
''', '''
func (b *Backend) watch(ctx context.Context, client *http.Client, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		b.alive = b.probeOnce(ctx, client)
	}
}

func (b *Backend) probeOnce(ctx context.Context, client *http.Client) bool {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, b.URL+"/healthz", nil)
	if err != nil {
		return false
	}
	resp, err := client.Do(req)
	if err != nil {
		log.Printf("backend %s down: %v", b.URL, err)
		return false
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10)) // drain so the connection is reused
	return resp.StatusCode == http.StatusOK
}
'''))

case('go-ok-03-generic-timeout-runner-defers-cancel', 'https://github.com/slok/goresilience/pull/22',
     'the fixed shape of go-07: the generic runner defers cancel on the next line and its worker goroutine recovers into an error',
     path='resilience/timeout.go', new=gofile('resilience', ['context', 'errors', 'fmt', 'time'], '''
var ErrTimeout = errors.New("resilience: timed out")

func Timeout[T any](ctx context.Context, d time.Duration, fn func(context.Context) (T, error)) (T, error) {
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	type result struct {
		v   T
		err error
	}
	done := make(chan result, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				var zero T
				done <- result{zero, fmt.Errorf("resilience: panic: %v", p)}
			}
		}()
		v, err := fn(ctx)
		done <- result{v, err}
	}()
	select {
	case r := <-done:
		return r.v, r.err
	case <-ctx.Done():
		var zero T
		return zero, ErrTimeout
	}
}
'''))

case('go-ok-04-sqlx-select-defers-close-before-columns', 'https://github.com/ulule/makroud/pull/100',
     'the fixed shape of go-10: the generic select helper defers rows.Close right after the error check, before the column check',
     files=[
         f('store/exec.go', **mod('store', ['context', 'fmt', '\t"github.com/jmoiron/sqlx"'], '''
type Queryer interface {
	QueryxContext(ctx context.Context, query string, args ...interface{}) (*sqlx.Rows, error)
}
''', '''
func SelectAll[T any](ctx context.Context, q Queryer, query string, args ...interface{}) ([]T, error) {
	rows, err := q.QueryxContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		var v T
		if err := rows.StructScan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
''', '''
func SelectAll[T any](ctx context.Context, q Queryer, query string, args ...interface{}) ([]T, error) {
	rows, err := q.QueryxContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, fmt.Errorf("columns of %q: %w", query, err)
	}
	if len(cols) == 0 {
		return nil, fmt.Errorf("query %q returns no columns", query)
	}
	var out []T
	for rows.Next() {
		var v T
		if err := rows.StructScan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
''')),
         f('go.mod', old=GOMOD_OLD % 'store', new=GOMOD_NEW % 'store'),
     ])

case('go-ok-05-order-error-deferred-rollback', 'https://github.com/cerc-io/go-ethereum/pull/63',
     'the fixed shape of go-12: the transaction is rolled back by a defer placed right after Begin, so the added lookup can return early safely, and Commit\'s error is returned',
     path='sa/orders.go', **mod('sa', ['context', 'database/sql', 'fmt'], '''
type Store struct {
	db *sql.DB
}
''', '''
func (s *Store) SetOrderError(ctx context.Context, id int64, msg string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, "UPDATE orders SET error = ? WHERE id = ?", msg, id); err != nil {
		return err
	}
	return tx.Commit()
}
''', '''
func (s *Store) SetOrderError(ctx context.Context, id int64, msg string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback() // a no-op returning sql.ErrTxDone once Commit has succeeded
	if _, err := tx.ExecContext(ctx, "UPDATE orders SET error = ? WHERE id = ?", msg, id); err != nil {
		return err
	}
	var regID int64
	if err := tx.QueryRowContext(ctx, "SELECT registration_id FROM orders WHERE id = ?", id).Scan(&regID); err != nil {
		return fmt.Errorf("order %d: %w", id, err)
	}
	if _, err := tx.ExecContext(ctx, "UPDATE registrations SET failed_orders = failed_orders + 1 WHERE id = ?", regID); err != nil {
		return err
	}
	return tx.Commit()
}
'''))

case('go-ok-06-scheduler-loop-recovers-per-run', 'https://github.com/mcdays94/nas-doctor/pull/327',
     'the fixed shape of go-15: the ticker goroutine is started through a helper that recovers, and each run recovers on its own so the loop goes on',
     files=[
         f('internal/safego/safego.go', new=gofile('safego', ['log/slog', 'runtime/debug'], '''
// Go starts fn in a goroutine that logs and survives a panic.
func Go(name string, fn func()) {
	go func() {
		defer Recover(name)
		fn()
	}()
}

// Recover is deferred by long-lived loops and one-shot goroutines alike.
func Recover(name string) {
	if p := recover(); p != nil {
		slog.Error("goroutine panicked", "name", name, "panic", p, "stack", string(debug.Stack()))
		panics.WithLabelValues(name).Inc()
	}
}
''')),
         f('internal/scheduler/scheduler.go', **mod('scheduler', ['log/slog', 'time', '\t"example.com/nas/internal/safego"'], '''
type Scheduler struct {
	interval time.Duration
	stop     chan struct{}
	collect  func() error
}
''', '''
func (s *Scheduler) RunOnce() {
	if err := s.collect(); err != nil {
		slog.Warn("collection failed", "err", err)
	}
}
''', '''
func (s *Scheduler) RunOnce() {
	defer safego.Recover("smart-collect")
	if err := s.collect(); err != nil {
		slog.Warn("collection failed", "err", err)
	}
}

func (s *Scheduler) Start() {
	ticker := time.NewTicker(s.interval)
	safego.Go("smart-collect-loop", func() {
		defer ticker.Stop()
		for {
			select {
			case <-ticker.C:
				s.RunOnce()
			case <-s.stop:
				return
			}
		}
	})
}
''')),
     ])

case('go-ok-07-git-mapping-results-under-mutex', 'https://github.com/werf/werf/pull/2642',
     'the fixed shape of go-17: parallel lookups run in an errgroup with a limit, and the shared map is written under a mutex',
     path='pkg/gitmapping/resolve.go', **mod('gitmapping', ['context', 'sync', '\t"golang.org/x/sync/errgroup"'], '''
type Resolver struct {
	repo Repo
}
''', '''
func (r *Resolver) Commits(ctx context.Context, images []string) (map[string]string, error) {
	out := map[string]string{}
	for _, img := range images {
		c, err := r.repo.LatestCommit(ctx, img)
		if err != nil {
			return nil, err
		}
		out[img] = c
	}
	return out, nil
}
''', '''
func (r *Resolver) Commits(ctx context.Context, images []string) (map[string]string, error) {
	var mu sync.Mutex
	out := map[string]string{}
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(8)
	for _, img := range images {
		img := img
		g.Go(func() error {
			c, err := r.repo.LatestCommit(gctx, img)
			if err != nil {
				return err
			}
			mu.Lock()
			out[img] = c
			mu.Unlock()
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	return out, nil
}
'''))

case('go-ok-08-chat-bot-bounded-slots-with-recover', 'https://github.com/SamSaffron/term-llm/pull/262',
     'the fixed shape of go-19: a semaphore channel bounds in-flight handlers (acquired before the goroutine starts, honouring ctx), and each handler recovers',
     path='bot/telegram.go', **mod('bot', ['context', 'log'], '''
type Bot struct {
	api     API
	slots   chan struct{}
	handler func(context.Context, Update) error
}
''', '''
func (b *Bot) Run(ctx context.Context) error {
	for upd := range b.api.Updates(ctx) {
		if err := b.handler(ctx, upd); err != nil {
			log.Printf("update %d: %v", upd.ID, err)
		}
	}
	return ctx.Err()
}
''', '''
func (b *Bot) Run(ctx context.Context) error {
	for upd := range b.api.Updates(ctx) {
		select {
		case b.slots <- struct{}{}:
		case <-ctx.Done():
			return ctx.Err()
		}
		upd := upd
		go func() {
			defer func() { <-b.slots }()
			defer func() {
				if p := recover(); p != nil {
					log.Printf("update %d: panic: %v", upd.ID, p)
					handlerPanics.Inc()
				}
			}()
			if err := b.handler(ctx, upd); err != nil {
				log.Printf("update %d: %v", upd.ID, err)
			}
		}()
	}
	return ctx.Err()
}
'''))

case('go-ok-09-sync-storage-clones-before-put', 'https://github.com/mozilla-services/go-syncstorage/pull/148',
     'the fixed shape of go-21: the encoder copies the pooled buffer\'s bytes before the deferred Put returns the buffer',
     path='syncstorage/encode.go', **mod('syncstorage', ['bytes', 'encoding/json', 'sync'], '''
var bufPool = sync.Pool{New: func() interface{} { return new(bytes.Buffer) }}
''', '''
func encodeBSO(b BSO) ([]byte, error) {
	return json.Marshal(b)
}
''', '''
func encodeBSO(b BSO) ([]byte, error) {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer bufPool.Put(buf)
	if err := json.NewEncoder(buf).Encode(b); err != nil {
		return nil, err
	}
	return bytes.Clone(buf.Bytes()), nil
}
'''))

case('go-ok-10-request-lib-shared-client-built-once', 'https://github.com/franela/goreq/pull/50',
     'the fixed shape of go-31: one transport and client are built at package init with timeouts and reused by every call',
     path='goreq/request.go', **mod('goreq', ['net', 'net/http', 'time'], '''
type Request struct {
	Method string
	URI    string
}
''', '''
func (r Request) Do() (*http.Response, error) {
	req, err := http.NewRequest(r.Method, r.URI, nil)
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req)
}
''', '''
var defaultClient = &http.Client{
	Timeout: 30 * time.Second,
	Transport: &http.Transport{
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
		TLSHandshakeTimeout: 5 * time.Second,
		MaxIdleConnsPerHost: 16,
	},
}

func (r Request) Do() (*http.Response, error) {
	req, err := http.NewRequest(r.Method, r.URI, nil)
	if err != nil {
		return nil, err
	}
	return defaultClient.Do(req) // the caller closes the body
}
'''))

case('go-ok-11-vendored-client-bump-with-go-mod', 'https://github.com/grpc/grpc-go/pull/1424',
     'a dependency bump: go.mod, modules.txt and a vendored file change; the vendored code holds shapes that would be findings in the service, but nobody reviews vendored code against the checklist',
     files=[
         f('go.mod', old=GOMOD_OLD % 'edge', new=GOMOD_NEW % 'edge'),
         f('vendor/modules.txt', old='''# golang.org/x/sync v0.6.0
## explicit; go 1.18
golang.org/x/sync/errgroup
''', new='''# golang.org/x/sync v0.7.0
## explicit; go 1.18
golang.org/x/sync/errgroup
'''),
         f('vendor/golang.org/x/sync/errgroup/go.go', old=gofile('errgroup', ['context', 'sync'], '''
func (g *Group) Go(f func() error) {
	if g.sem != nil {
		g.sem <- token{}
	}
	g.wg.Add(1)
	go func() {
		defer g.done()
		if err := f(); err != nil {
			g.errOnce.Do(func() {
				g.err = err
				if g.cancel != nil {
					g.cancel(g.err)
				}
			})
		}
	}()
}
'''), new=gofile('errgroup', ['context', 'sync'], '''
func (g *Group) Go(f func() error) {
	if g.sem != nil {
		g.sem <- token{}
	}
	g.wg.Add(1)
	go func() {
		defer g.done()
		if err := f(); err != nil {
			g.errOnce.Do(func() {
				g.err = err
				if g.cancel != nil {
					g.cancel(g.err)
				}
			})
		}
	}()
}

// TryGo calls the given function in a new goroutine only if the number of
// active goroutines in the group is currently below the configured limit.
func (g *Group) TryGo(f func() error) bool {
	if g.sem != nil {
		select {
		case g.sem <- token{}:
		default:
			return false
		}
	}
	g.wg.Add(1)
	go func() {
		defer g.done()
		if err := f(); err != nil {
			g.errOnce.Do(func() { g.err = err })
		}
	}()
	return true
}
''')),
     ])

case('go-ok-12-generated-queries-close-rows', 'https://github.com/artie-labs/transfer/pull/1238',
     'regenerated query code (sqlc-style, "DO NOT EDIT") switches to QueryContext; a handwritten caller passes the request context',
     files=[
         f('internal/db/queries.sql.go', old='''// Code generated by sqlc. DO NOT EDIT.

package db

import (
	"context"
)

const listUsers = `SELECT id, email FROM users WHERE org_id = $1`

func (q *Queries) ListUsers(ctx context.Context, orgID int64) ([]User, error) {
	rows, err := q.db.QueryContext(ctx, listUsers, orgID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var items []User
	for rows.Next() {
		var i User
		if err := rows.Scan(&i.ID, &i.Email); err != nil {
			return nil, err
		}
		items = append(items, i)
	}
	return items, rows.Err()
}
''', new='''// Code generated by sqlc. DO NOT EDIT.

package db

import (
	"context"
)

const listUsers = `SELECT id, email, name FROM users WHERE org_id = $1 ORDER BY id`

func (q *Queries) ListUsers(ctx context.Context, orgID int64) ([]User, error) {
	rows, err := q.db.QueryContext(ctx, listUsers, orgID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var items []User
	for rows.Next() {
		var i User
		if err := rows.Scan(&i.ID, &i.Email, &i.Name); err != nil {
			return nil, err
		}
		items = append(items, i)
	}
	if err := rows.Close(); err != nil {
		return nil, err
	}
	return items, rows.Err()
}
'''),
         f('internal/api/users.go', **mod('api', ['encoding/json', 'net/http', 'strconv'], '', '''
func (s *Server) listUsers(w http.ResponseWriter, r *http.Request) {
	org, _ := strconv.ParseInt(r.PathValue("org"), 10, 64)
	users, err := s.q.ListUsers(r.Context(), org)
	if err != nil {
		http.Error(w, "list users", http.StatusInternalServerError)
		return
	}
	_ = json.NewEncoder(w).Encode(users)
}
''', '''
func (s *Server) listUsers(w http.ResponseWriter, r *http.Request) {
	org, err := strconv.ParseInt(r.PathValue("org"), 10, 64)
	if err != nil {
		http.Error(w, "bad org id", http.StatusBadRequest)
		return
	}
	users, err := s.q.ListUsers(r.Context(), org)
	if err != nil {
		http.Error(w, "list users", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	if err := json.NewEncoder(w).Encode(users); err != nil {
		s.log.WarnContext(r.Context(), "encode users", "err", err)
	}
}
''')),
     ])

case('go-ok-13-audit-middleware-non-blocking-queue', 'https://github.com/decred/politeia/pull/260',
     'the shape HTTP-01 asks for: the middleware leaves the request body to the server and hands the audit record to a bounded channel without waiting',
     path='politeiawww/middleware.go', new=gofile('main', ['net/http', 'time'], '''
// auditing wraps every route; fixed workers drain p.auditCh.
func (p *politeiawww) auditing(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		next(w, r)
		select {
		case p.auditCh <- auditRecord{Path: r.URL.Path, Took: time.Since(start)}:
		default:
			auditDropped.Inc()
		}
	}
}
'''))

case('go-ok-14-async-index-without-cancel', 'https://github.com/e2b-dev/infra/pull/927',
     'work that must outlive the request takes context.WithoutCancel(r.Context()) plus its own timeout, deferred cancel and a recovering helper',
     path='api/sandbox_events.go', crlf=True, **mod('api', ['context', 'log/slog', 'net/http', 'time'], '''
type Handler struct {
	store  EventStore
	logger *slog.Logger
}
''', '''
func (h *Handler) PostEvent(w http.ResponseWriter, r *http.Request) {
	ev, err := decodeEvent(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	if err := h.store.Save(r.Context(), ev); err != nil {
		http.Error(w, "save", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusAccepted)
}
''', '''
func (h *Handler) PostEvent(w http.ResponseWriter, r *http.Request) {
	ev, err := decodeEvent(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	if err := h.store.Save(r.Context(), ev); err != nil {
		http.Error(w, "save", http.StatusInternalServerError)
		return
	}
	bg := context.WithoutCancel(r.Context()) // keeps trace ids, drops the client's cancellation
	safeGo(h.logger, "index-event", func() {
		ctx, cancel := context.WithTimeout(bg, 10*time.Second)
		defer cancel()
		if err := h.store.Index(ctx, ev.ID); err != nil {
			h.logger.WarnContext(ctx, "index event", "id", ev.ID, "err", err)
		}
	})
	w.WriteHeader(http.StatusAccepted)
}
'''))
