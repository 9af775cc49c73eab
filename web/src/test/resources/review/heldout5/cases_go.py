"""Round-5 Go cases (authored for this corpus; see SOURCES.md). //@ITEM markers are stripped by make_cases.py."""


def gofile(pkg, imports, *parts):
    imp = ''.join('\t"%s"\n' % i for i in imports)
    return 'package %s\n\nimport (\n%s)\n\n' % (pkg, imp) + '\n\n'.join(p.strip('\n') for p in parts) + '\n'


def mod(pkg, imports, before, old_fn, new_fn, after='', new_imports=None):
    old = gofile(pkg, imports, *[p for p in (before, old_fn, after) if p])
    new = gofile(pkg, new_imports or imports, *[p for p in (before, new_fn, after) if p])
    return {'old': old, 'new': new}


PAD_A = '''
// normalizeName trims and lower-cases a name before it is used as a key.
func normalizeName(s string) string {
	s = strings.TrimSpace(s)
	return strings.ToLower(s)
}
'''

PAD_B = '''
func joinPath(base, rel string) string {
	if strings.HasSuffix(base, "/") {
		return base + strings.TrimPrefix(rel, "/")
	}
	return base + "/" + strings.TrimPrefix(rel, "/")
}
'''

PAD_C = '''
type pageInfo struct {
	Next  string
	Total int
}

func (p pageInfo) done() bool { return p.Next == "" }
'''

CASES = []


def case(name, source, desc, **kw):
    d = {'name': name, 'source': source, 'desc': desc}
    d.update(kw)
    CASES.append(d)


# ---------------------------------------------------------------- RES-02
case('go-01-apierror-wraps-body-without-close', 'https://github.com/hetznercloud/hcloud-go/issues/68',
     'a change adds an error path that reads the body into an API error and returns it; the body is never closed on that path or the success path',
     path='hcloudish/client.go', **mod('hcloudish', ['encoding/json', 'fmt', 'net/http', 'strings'], PAD_A, '''
func (c *Client) do(req *http.Request, v interface{}) error {
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(v)
}
''', '''
func (c *Client) do(req *http.Request, v interface{}) error {
	req.Header.Set("User-Agent", c.userAgent)
	resp, err := c.http.Do(req) //@RES-02
	if err != nil {
		return err
	}
	if resp.StatusCode >= 400 {
		return decodeAPIError(resp)
	}
	return json.NewDecoder(resp.Body).Decode(v)
}

func decodeAPIError(resp *http.Response) error {
	var body struct {
		Error struct {
			Code    string `json:"code"`
			Message string `json:"message"`
		} `json:"error"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	return fmt.Errorf("%s: %s", body.Error.Code, body.Error.Message)
}
''', PAD_B))

case('go-02-deleted-defer-close-in-purge', 'https://github.com/fastly/go-fastly/pull/23',
     'a cleanup of the purge call deletes its deferred Body.Close (and rewords the error); the response body of every purge stays open',
     deletion=True, path='cdn/purge.go', **mod('cdn', ['fmt', 'net/http', 'strings'], PAD_A, '''
// Purge asks the edge to drop one URL from its cache.
func (c *Client) Purge(url string) error {
	req, err := http.NewRequest("PURGE", url, nil)
	if err != nil {
		return err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("purge: %v", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("purge %s: status %d", url, resp.StatusCode)
	}
	return nil
}
''', '''
// Purge asks the edge to drop one URL from its cache.
func (c *Client) Purge(url string) error {
	req, err := http.NewRequest("PURGE", url, nil)
	if err != nil {
		return err
	}
	resp, err := c.http.Do(req) //@RES-02
	if err != nil {
		return fmt.Errorf("purge %s: %w", url, err)
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("purge %s: status %d", url, resp.StatusCode)
	}
	return nil
}
''', PAD_B))

case('go-03-search-helper-reads-all-no-close', 'https://github.com/serpapi/google-search-results-golang/pull/1',
     'a new search client reads the whole body with io.ReadAll and never closes it; the test beside it uses an httptest server',
     files=[{'path': 'search/search.go', 'new': gofile('search', ['encoding/json', 'io', 'net/http', 'net/url', 'time'], '''
type Client struct {
	base string
	http *http.Client
}

func New(base string) *Client {
	return &Client{base: base, http: &http.Client{Timeout: 20 * time.Second}}
}

// Query runs one search and returns the decoded result map.
func (c *Client) Query(params url.Values) (map[string]interface{}, error) {
	resp, err := c.http.Get(c.base + "/search?" + params.Encode()) //@RES-02
	if err != nil {
		return nil, err
	}
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	out := map[string]interface{}{}
	if err := json.Unmarshal(raw, &out); err != nil {
		return nil, err
	}
	return out, nil
}
''')},
            {'path': 'search/search_test.go', 'new': gofile('search', ['net/http', 'net/http/httptest', 'net/url', 'testing'], '''
func TestQueryDecodesResult(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`{"organic":[1,2]}`))
	}))
	defer srv.Close()
	got, err := New(srv.URL).Query(url.Values{"q": {"go"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := got["organic"]; !ok {
		t.Fatalf("no results in %v", got)
	}
}
''')}])

case('go-04-config-push-closes-only-after-ok', 'https://github.com/facebookarchive/parse/pull/5',
     'a change moves the Close below the status check; a non-201 answer returns first and leaves the body open',
     path='parseish/push.go', **mod('parseish', ['fmt', 'io', 'net/http', 'strings'], PAD_C, '''
func (c *Client) pushConfig(body io.Reader) error {
	resp, err := c.http.Post(c.url("/config"), "application/json", body)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		return fmt.Errorf("config push: %s", resp.Status)
	}
	return nil
}
''', '''
func (c *Client) pushConfig(body io.Reader) error {
	c.pushes.Inc()
	resp, err := c.http.Post(c.url("/config"), "application/json", body) //@RES-02
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusCreated {
		return fmt.Errorf("config push: %s", resp.Status)
	}
	resp.Body.Close()
	return nil
}
''', PAD_A))

case('go-05-status-poll-loop-deleted-close', 'https://github.com/supergiant/control/pull/1005',
     'a rewrite of a readiness poll deletes the Close at the end of each attempt; every poll leaves one body (and descriptor) open',
     deletion=True, path='provision/wait.go', **mod('provision', ['context', 'net/http', 'strings', 'time'], PAD_A, '''
func waitReady(ctx context.Context, c *http.Client, url string) error {
	for {
		resp, err := c.Get(url)
		if err == nil {
			ok := resp.StatusCode == http.StatusOK
			resp.Body.Close()
			if ok {
				return nil
			}
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(2 * time.Second):
		}
	}
}
''', '''
func waitReady(ctx context.Context, c *http.Client, url string) error {
	for {
		resp, err := c.Get(url) //@RES-02
		if err == nil {
			ok := resp.StatusCode == http.StatusOK
			if ok {
				return nil
			}
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(2 * time.Second):
		}
	}
}
''', PAD_B))

case('go-06-renamed-monitor-client-body-unclosed', 'https://github.com/zorkian/go-datadog-api/pull/6',
     'the request helper is moved to a new file (rename) and rewritten on the way: the decoded body is no longer closed',
     files=[dict(path='metrics/request.go', rename_from='metrics/client.go', **mod('metrics', ['encoding/json', 'fmt', 'net/http', 'strings'], PAD_A, '''
func (c *Client) doJSON(req *http.Request, out interface{}) error {
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("API error: %s", resp.Status)
	}
	return json.NewDecoder(resp.Body).Decode(out)
}
''', '''
func (c *Client) doJSON(req *http.Request, out interface{}) error {
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.http.Do(req) //@RES-02
	if err != nil {
		return err
	}
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("API error: %s", resp.Status)
	}
	return json.NewDecoder(resp.Body).Decode(out)
}
''', PAD_B))])

case('go-07-hsm-status-read-without-close', 'https://github.com/certusone/yubihsm-go/pull/20',
     'a new status probe of the HSM connector reads the body and returns; no path closes it',
     path='hsm/connector.go', **mod('hsm', ['fmt', 'io', 'net/http', 'strings'], PAD_A, '''
func (c *HTTPConnector) Request(cmd []byte) ([]byte, error) {
	resp, err := c.http.Post(c.base+"/connector/api", "application/octet-stream", bytesReader(cmd))
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}
''', '''
func (c *HTTPConnector) Request(cmd []byte) ([]byte, error) {
	resp, err := c.http.Post(c.base+"/connector/api", "application/octet-stream", bytesReader(cmd))
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// Status returns the connector's status line ("status=OK ...").
func (c *HTTPConnector) Status() (string, error) {
	resp, err := c.http.Get(c.base + "/connector/status") //@RES-02
	if err != nil {
		return "", err
	}
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return "", fmt.Errorf("read status: %w", err)
	}
	return strings.TrimSpace(string(raw)), nil
}
''', PAD_B))

case('go-08-expectation-check-returns-before-defer', 'https://github.com/quii/mockingjay-server/pull/20',
     'a change moves the deferred Close below a new status check: an unexpected status returns before the defer is registered',
     path='contract/check.go', **mod('contract', ['fmt', 'io', 'net/http', 'strings'], PAD_C, '''
func (c *Checker) check(e Endpoint) error {
	resp, err := c.http.Do(e.Request())
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	got, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	return e.Compare(resp.StatusCode, got)
}
''', '''
func (c *Checker) check(e Endpoint) error {
	c.checked++
	resp, err := c.http.Do(e.Request()) //@RES-02
	if err != nil {
		return err
	}
	if resp.StatusCode != e.Status {
		return fmt.Errorf("%s: want status %d, got %d", e.Name, e.Status, resp.StatusCode)
	}
	defer resp.Body.Close()
	got, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	return e.Compare(resp.StatusCode, got)
}
''', PAD_A))

case('go-09-redirect-lookup-status-before-defer', 'https://github.com/GolangLessons/url-shortener/issues/4',
     'a redirect lookup returns an error for every status other than 302 before it defers the Close',
     files=[{'path': 'internal/lib/api/redirect.go', 'new': gofile('api', ['errors', 'fmt', 'net/http'], '''
var ErrInvalidStatus = errors.New("invalid status code")

// Redirect returns the Location a short URL redirects to, without following it.
func Redirect(client *http.Client, url string) (string, error) {
	c := *client
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err := c.Get(url) //@RES-02
	if err != nil {
		return "", err
	}
	if resp.StatusCode != http.StatusFound {
		return "", fmt.Errorf("%w: %d", ErrInvalidStatus, resp.StatusCode)
	}
	defer resp.Body.Close()
	return resp.Header.Get("Location"), nil
}
''')},
            {'path': 'internal/lib/api/redirect_test.go', 'new': gofile('api', ['net/http', 'net/http/httptest', 'testing'], '''
func TestRedirectReturnsLocation(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "https://example.org/x", http.StatusFound)
	}))
	defer srv.Close()
	got, err := Redirect(srv.Client(), srv.URL)
	if err != nil || got != "https://example.org/x" {
		t.Fatalf("got %q, %v", got, err)
	}
}
''')}])

case('go-10-load-worker-status-only', 'https://github.com/buaazp/stress/pull/5',
     'a load-test worker records only the status code of each response; the body is never read or closed',
     path='stress/worker.go', **mod('stress', ['net/http', 'strings', 'time'], PAD_A, '''
type result struct {
	Status  int
	Elapsed time.Duration
	Error   string
}
''', '''
type result struct {
	Status  int
	Elapsed time.Duration
	Error   string
}

func (a *attacker) hit(req *http.Request) result {
	start := time.Now()
	r, err := a.client.Do(req) //@RES-02
	res := result{Elapsed: time.Since(start)}
	if err != nil {
		res.Error = err.Error()
		return res
	}
	res.Status = r.StatusCode
	return res
}
''', PAD_B))

case('go-11-promote-experiment-defer-after-decode', 'https://github.com/DataDog/datadog-agent/pull/50944',
     'a local API call defers the Close only after decoding the answer; the decode error return and the non-200 return leak the body',
     path='pkg/fleet/localapi.go', **mod('fleet', ['encoding/json', 'fmt', 'net/http', 'strings'], PAD_C, '''
func (c *localAPIClient) status() (statusResponse, error) {
	var out statusResponse
	resp, err := c.http.Get(c.addr + "/status")
	if err != nil {
		return out, err
	}
	defer resp.Body.Close()
	return out, json.NewDecoder(resp.Body).Decode(&out)
}
''', '''
func (c *localAPIClient) status() (statusResponse, error) {
	var out statusResponse
	resp, err := c.http.Get(c.addr + "/status")
	if err != nil {
		return out, err
	}
	defer resp.Body.Close()
	return out, json.NewDecoder(resp.Body).Decode(&out)
}

func (c *localAPIClient) promote(pkg string) error {
	req, err := http.NewRequest(http.MethodPost, c.addr+"/"+pkg+"/config/promote", nil)
	if err != nil {
		return err
	}
	resp, err := c.http.Do(req) //@RES-02
	if err != nil {
		return err
	}
	var answer apiResponse
	if err := json.NewDecoder(resp.Body).Decode(&answer); err != nil {
		return fmt.Errorf("decode promote answer: %w", err)
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("promote %s: %s", pkg, answer.Error)
	}
	defer resp.Body.Close()
	return nil
}
''', PAD_A))

# ---------------------------------------------------------------- RES-01
case('go-12-generated-find-rows-unclosed', 'https://github.com/swiftcarrot/queryx/issues/90',
     'a generated query method iterates the rows of QueryContext and never closes them; an error inside the scan loop returns with the connection held',
     files=[{'path': 'db/queries/user_query.go', 'new': gofile('queries', ['context', 'database/sql'], '''
type UserQuery struct {
	db    *sql.DB
	where string
	args  []interface{}
}

func (q *UserQuery) All(ctx context.Context) ([]*User, error) {
	rows, err := q.db.QueryContext(ctx, "SELECT id, name, email FROM users WHERE "+q.where, q.args...) //@RES-01
	if err != nil {
		return nil, err
	}
	var out []*User
	for rows.Next() {
		u := &User{}
		if err := rows.Scan(&u.ID, &u.Name, &u.Email); err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}
''')},
            {'path': 'db/queries/user_query_test.go', 'new': gofile('queries', ['context', 'database/sql', 'testing'], '''
func TestAllReturnsEveryUser(t *testing.T) {
	db := openTestDB(t)
	rows, err := db.Query("SELECT count(*) FROM users")
	if err != nil {
		t.Fatal(err)
	}
	var n int
	rows.Next()
	rows.Scan(&n)
	q := &UserQuery{db: db, where: "1=1"}
	got, err := q.All(context.Background())
	if err != nil || len(got) != n {
		t.Fatalf("got %d users, want %d (%v)", len(got), n, err)
	}
}

func openTestDB(t *testing.T) *sql.DB {
	db, err := sql.Open("sqlite3", ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}
''')}])

case('go-13-up-probe-query-result-dropped', 'https://github.com/prometheus/mysqld_exporter/pull/104',
     'the exporter probes the server with a query whose rows are neither read nor closed; each scrape keeps one connection busy',
     path='collector/exporter.go', **mod('collector', ['context', 'database/sql', 'strings', 'time'], PAD_A, '''
func (e *Exporter) scrape(ctx context.Context, ch chan<- Metric) {
	start := time.Now()
	if err := e.db.PingContext(ctx); err != nil {
		ch <- upMetric(0)
		return
	}
	ch <- upMetric(1)
	e.collectAll(ctx, ch)
	ch <- durationMetric(time.Since(start))
}
''', '''
func (e *Exporter) scrape(ctx context.Context, ch chan<- Metric) {
	start := time.Now()
	if _, err := e.db.QueryContext(ctx, upQuery); err != nil { //@RES-01
		ch <- upMetric(0)
		return
	}
	ch <- upMetric(1)
	e.collectAll(ctx, ch)
	ch <- durationMetric(time.Since(start))
}
''', PAD_B))

case('go-14-verifier-describe-rows-unclosed', 'https://github.com/sql-machine-learning/sqlflow/issues/173',
     'a verifier describes the columns of a query; the rows are iterated and never closed, and the type error returns inside the loop',
     path='sql/verifier.go', **mod('sqlpkg', ['database/sql', 'fmt', 'strings'], PAD_A, '''
type fieldTypes map[string]string
''', '''
type fieldTypes map[string]string

func describeQuery(db *sql.DB, slct string) (fieldTypes, error) {
	rows, err := db.Query(slct + " LIMIT 1") //@RES-01,~TMO-01,~TMO-02
	if err != nil {
		return nil, err
	}
	cols, err := rows.ColumnTypes()
	if err != nil {
		return nil, err
	}
	ft := fieldTypes{}
	for _, ct := range cols {
		if ct.DatabaseTypeName() == "" {
			return nil, fmt.Errorf("column %s has no type", ct.Name())
		}
		ft[ct.Name()] = ct.DatabaseTypeName()
	}
	return ft, nil
}
''', PAD_B))

case('go-15-upload-opens-file-never-closes', 'https://github.com/odeke-em/drive/issues/711',
     'an upload path opens the local file to stream it and never closes it',
     path='src/remote.go', **mod('drive', ['context', 'fmt', 'os', 'strings'], PAD_A, '''
func (r *Remote) upsertByComparison(ctx context.Context, args upsertOpt) (*File, error) {
	if args.src.IsDir {
		return r.mkdir(ctx, args)
	}
	return r.updateMeta(ctx, args)
}
''', '''
func (r *Remote) upsertByComparison(ctx context.Context, args upsertOpt) (*File, error) {
	if args.src.IsDir {
		return r.mkdir(ctx, args)
	}
	if !args.mask.ContentChanged() {
		return r.updateMeta(ctx, args)
	}
	body, err := os.Open(args.fsAbsPath) //@RES-01
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", args.fsAbsPath, err)
	}
	return r.uploadMedia(ctx, args, body)
}
''', PAD_B))

case('go-16-renamed-apk-index-open-leaks', 'https://github.com/chainguard-dev/go-apk/pull/166',
     'the index reader is moved to index_reader.go and now opens the cached index itself; the parse error path returns without closing it',
     files=[dict(path='pkg/apk/index_reader.go', rename_from='pkg/apk/index.go', **mod('apk', ['fmt', 'os', 'strings'], PAD_A, '''
func parseIndex(r io.Reader) (*Index, error) {
	idx := &Index{}
	if err := idx.read(r); err != nil {
		return nil, fmt.Errorf("parse index: %w", err)
	}
	return idx, nil
}
''', '''
func loadCachedIndex(path string) (*Index, error) {
	f, err := os.Open(path) //@RES-01
	if err != nil {
		return nil, err
	}
	idx := &Index{}
	if err := idx.read(f); err != nil {
		return nil, fmt.Errorf("parse index %s: %w", path, err)
	}
	return idx, f.Close()
}
''', PAD_B))])

case('go-17-backup-stat-error-leaks-file', 'https://github.com/micro-editor/micro/pull/1958',
     'a backup loader opens the file, then returns on a Stat error without closing it',
     path='internal/buffer/backup.go', **mod('buffer', ['io', 'os', 'strings'], PAD_A, '''
func readBackup(name string) ([]byte, error) {
	return os.ReadFile(name)
}
''', '''
func readBackup(name string) ([]byte, error) {
	f, err := os.Open(name) //@RES-01
	if err != nil {
		return nil, err
	}
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	buf := make([]byte, info.Size())
	_, err = io.ReadFull(f, buf)
	f.Close()
	return buf, err
}
''', PAD_B))

case('go-18-lock-file-opened-for-flock-only', 'https://github.com/moznion/go-setlock/issues/1',
     'the lock helper opens the lock file for flock and drops the handle when the lock is busy',
     files=[{'path': 'lockutil.go', 'new': gofile('setlock', ['errors', 'os', 'syscall'], '''
var ErrBusy = errors.New("lock is held by another process")

// tryLock takes an exclusive lock on path; the returned file keeps the lock until it is closed.
func tryLock(path string) (*os.File, error) {
	file, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0644) //@RES-01
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(file.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		if err == syscall.EWOULDBLOCK {
			return nil, ErrBusy
		}
		return nil, err
	}
	return file, nil
}
''')}])

case('go-19-dbg-map-dump-deleted-defer', 'https://github.com/cilium/cilium/pull/31750',
     'a debug command that dumps a map to a file loses its deferred Close in a clean-up (the error text is reworded in the same hunk)',
     deletion=True, path='cilium-dbg/cmd/map_dump.go', **mod('cmd', ['encoding/json', 'fmt', 'os', 'strings'], PAD_A, '''
func dumpMapToFile(path string, entries []mapEntry) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("cannot create %s: %s", path, err)
	}
	defer f.Close()
	enc := json.NewEncoder(f)
	enc.SetIndent("", "  ")
	return enc.Encode(entries)
}
''', '''
func dumpMapToFile(path string, entries []mapEntry) error {
	f, err := os.Create(path) //@RES-01
	if err != nil {
		return fmt.Errorf("create dump file %s: %w", path, err)
	}
	enc := json.NewEncoder(f)
	enc.SetIndent("", "  ")
	return enc.Encode(entries)
}
''', PAD_B))

case('go-20-balances-export-file-never-closed', 'https://github.com/gnolang/gno/issues/3032',
     'a new export subcommand creates the output file, writes every balance and returns; the file is never closed',
     files=[{'path': 'cmd/gnoland/balances_export.go', 'new': gofile('main', ['context', 'fmt', 'os'], '''
type exportCfg struct {
	genesisPath string
	outPath     string
}

func execBalancesExport(ctx context.Context, cfg *exportCfg) error {
	genesis, err := loadGenesis(cfg.genesisPath)
	if err != nil {
		return fmt.Errorf("load genesis: %w", err)
	}
	out, err := os.OpenFile(cfg.outPath, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644) //@RES-01
	if err != nil {
		return fmt.Errorf("open output: %w", err)
	}
	for _, b := range genesis.Balances {
		if _, err := fmt.Fprintf(out, "%s=%s\\n", b.Address, b.Amount); err != nil {
			return fmt.Errorf("write balance: %w", err)
		}
	}
	return nil
}
''')},
            {'path': 'cmd/gnoland/balances_export_test.go', 'new': gofile('main', ['context', 'os', 'path/filepath', 'testing'], '''
func TestExportWritesOneLinePerBalance(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "balances.txt")
	cfg := &exportCfg{genesisPath: writeTestGenesis(t, dir), outPath: out}
	if err := execBalancesExport(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	st, _ := f.Stat()
	if st.Size() == 0 {
		t.Fatal("empty export")
	}
}
''')}])

# ---------------------------------------------------------------- RES-03
case('go-21-token-files-defer-in-loop', 'https://github.com/k3s-io/k3s/pull/6296',
     'a change reads every token file of a directory and defers each Close inside the loop',
     path='pkg/util/token.go', **mod('util', ['bufio', 'os', 'path/filepath', 'strings'], PAD_A, '''
func readToken(path string) (string, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(string(raw)), nil
}
''', '''
func readTokens(dir string) ([]string, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.token"))
	if err != nil {
		return nil, err
	}
	var tokens []string
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		defer f.Close() //@RES-03
		sc := bufio.NewScanner(f)
		if sc.Scan() {
			tokens = append(tokens, strings.TrimSpace(sc.Text()))
		}
	}
	return tokens, nil
}
''', PAD_B))

case('go-22-plugin-universe-files-defer-in-loop', 'https://github.com/kubernetes-sigs/kubebuilder/pull/5688',
     'the plugin response handler writes every file of the universe and defers each Close inside the loop',
     files=[{'path': 'pkg/plugins/external/universe.go', 'new': gofile('external', ['fmt', 'os', 'path/filepath'], '''
// writeUniverse writes every file returned by an external plugin under root.
func writeUniverse(root string, universe map[string]string) error {
	for rel, content := range universe {
		path := filepath.Join(root, rel)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return fmt.Errorf("mkdir for %s: %w", rel, err)
		}
		f, err := os.Create(path)
		if err != nil {
			return fmt.Errorf("create %s: %w", rel, err)
		}
		defer f.Close() //@RES-03
		if _, err := f.WriteString(content); err != nil {
			return fmt.Errorf("write %s: %w", rel, err)
		}
	}
	return nil
}
''')}])

case('go-23-deleter-walk-defer-in-endless-loop', 'https://github.com/quobyte/quobyte-csi-driver/pull/58',
     'a directory deleter loops forever over a queue and defers the Close of every directory it opens; the defers never run',
     path='src/driver/deleter.go', **mod('driver', ['os', 'path/filepath', 'strings', 'time'], PAD_A, '''
func (d *deleter) next() (string, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if len(d.queue) == 0 {
		return "", false
	}
	p := d.queue[0]
	d.queue = d.queue[1:]
	return p, true
}
''', '''
func (d *deleter) next() (string, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if len(d.queue) == 0 {
		return "", false
	}
	p := d.queue[0]
	d.queue = d.queue[1:]
	return p, true
}

func (d *deleter) walkAndQueue() {
	for {
		p, ok := d.next()
		if !ok {
			time.Sleep(time.Minute)
			continue
		}
		dir, err := os.Open(p)
		if err != nil {
			continue
		}
		defer dir.Close() //@RES-03
		names, _ := dir.Readdirnames(-1) //@~ERR-01
		for _, n := range names {
			d.enqueue(filepath.Join(p, n))
		}
	}
}
''', PAD_B))

case('go-24-attachments-defer-close-in-loop', 'https://github.com/wneessen/go-mail/pull/122',
     'a change writes every attachment of a message through a file it opens and defers the Close inside the loop over attachments',
     path='msgwriter.go', **mod('mail', ['io', 'os', 'strings'], PAD_A, '''
func (mw *msgWriter) writeBody(body string) {
	mw.writeString(body)
}
''', '''
func (mw *msgWriter) writeBody(body string) {
	mw.writeString(body)
}

func (mw *msgWriter) writeAttachments(files []*File) error {
	for _, a := range files {
		mw.startPart(a.Header)
		f, err := os.Open(a.Path)
		if err != nil {
			return err
		}
		defer f.Close() //@RES-03
		if _, err := io.Copy(mw.encoder(), f); err != nil {
			return err
		}
	}
	return nil
}
''', PAD_B))

case('go-25-zone-reload-defer-per-origin', 'https://github.com/coredns/coredns/pull/5687',
     'the zone reloader opens the zone file for every origin and defers its Close inside the loop over origins',
     path='plugin/file/reload.go', **mod('file', ['os', 'strings', 'time'], PAD_A, '''
func (z *Zone) shouldReload(info os.FileInfo) bool {
	return info.ModTime().After(z.lastReload)
}
''', '''
func (z *Zone) shouldReload(info os.FileInfo) bool {
	return info.ModTime().After(z.lastReload)
}

func reloadAll(zones map[string]*Zone, origins []string) error {
	for _, origin := range origins {
		z := zones[origin]
		reader, err := os.Open(z.file)
		if err != nil {
			return err
		}
		defer reader.Close() //@RES-03
		fresh, err := Parse(reader, origin, z.file, 0)
		if err != nil {
			return err
		}
		z.replace(fresh, time.Now())
	}
	return nil
}
''', PAD_B))

# ---------------------------------------------------------------- RES-04
case('go-26-fixer-builds-client-per-phase', 'https://github.com/flynn/flynn/pull/3698',
     'the cluster fixer builds a new transport and client for each host it checks; their idle connections are never reused or closed',
     path='pkg/cluster/fixer.go', **mod('cluster', ['net/http', 'strings', 'time'], PAD_A, '''
func (f *Fixer) hostClient(addr string) *HostClient {
	return &HostClient{addr: addr, http: f.http}
}
''', '''
func (f *Fixer) hostClient(addr string) *HostClient {
	tr := &http.Transport{ //@RES-04
		MaxIdleConnsPerHost: 4,
		IdleConnTimeout:     90 * time.Second,
	}
	return &HostClient{addr: addr, http: &http.Client{Transport: tr, Timeout: 30 * time.Second}}
}
''', PAD_B))

case('go-27-ntlm-client-per-request', 'https://github.com/vadimi/go-http-ntlm/issues/9',
     'a new NTLM helper builds an http.Client with its own transport for every request it sends',
     files=[{'path': 'ntlm/request.go', 'new': gofile('ntlm', ['crypto/tls', 'net/http', 'time'], '''
type Auth struct {
	Domain, User, Password string
	Insecure               bool
}

// Do sends req with NTLM negotiation.
func (a *Auth) Do(req *http.Request) (*http.Response, error) {
	client := &http.Client{ //@RES-04
		Timeout: 30 * time.Second,
		Transport: &http.Transport{
			TLSClientConfig: &tls.Config{InsecureSkipVerify: a.Insecure},
		},
	}
	if err := a.negotiate(client, req); err != nil {
		return nil, err
	}
	return client.Do(req)
}
''')}])

case('go-28-renamed-httplib-client-per-request', 'https://github.com/go-gitea/gitea/issues/6764',
     'httplib is moved to request.go (rename) and each Response() now builds a fresh client and transport',
     files=[dict(path='modules/httplib/request.go', rename_from='modules/httplib/httplib.go', **mod('httplib', ['crypto/tls', 'net/http', 'strings', 'time'], PAD_A, '''
func (r *Request) getResponse() (*http.Response, error) {
	return r.client.Do(r.req)
}
''', '''
func (r *Request) getResponse() (*http.Response, error) {
	client := &http.Client{ //@RES-04
		Timeout: r.setting.Timeout,
		Transport: &http.Transport{
			TLSClientConfig: r.setting.TLSClientConfig,
			Proxy:           http.ProxyFromEnvironment,
		},
	}
	return client.Do(r.req)
}
''', PAD_B))])

case('go-29-put-handler-gets-client-per-request', 'https://github.com/cs3org/reva/pull/1260',
     'the PUT handler asks a helper for an HTTP client on every upload; the helper (same change) builds a new one each time',
     files=[dict(path='pkg/rhttp/client.go', **mod('rhttp', ['crypto/tls', 'net/http', 'strings', 'time'], PAD_A, '''
var sharedClient = &http.Client{Timeout: 60 * time.Second}
''', '''
var sharedClient = &http.Client{Timeout: 60 * time.Second}

// GetHTTPClient returns a client configured with the given options.
func GetHTTPClient(insecure bool, timeout time.Duration) *http.Client {
	return &http.Client{ //@~RES-04
		Timeout: timeout,
		Transport: &http.Transport{
			TLSClientConfig: &tls.Config{InsecureSkipVerify: insecure},
		},
	}
}
''')),
            dict(path='internal/http/services/owncloud/ocdav/put.go', **mod('ocdav', ['io', 'net/http', 'strings', 'time'], PAD_A, '''
func (s *svc) handlePut(w http.ResponseWriter, r *http.Request, ref string) {
	if err := s.upload(r.Context(), sharedUploadClient, ref, r.Body); err != nil {
		w.WriteHeader(http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusCreated)
}
''', '''
func (s *svc) handlePut(w http.ResponseWriter, r *http.Request, ref string) {
	client := rhttp.GetHTTPClient(s.c.Insecure, s.c.Timeout) //@RES-04
	if err := s.upload(r.Context(), client, ref, r.Body); err != nil {
		w.WriteHeader(http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusCreated)
}
''')),
            {'path': 'internal/http/services/owncloud/ocdav/put_test.go', 'new': gofile('ocdav', ['net/http', 'net/http/httptest', 'strings', 'testing'], '''
func TestPutAnswersCreated(t *testing.T) {
	s := newTestService(t)
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodPut, "/remote.php/webdav/a.txt", strings.NewReader("hello"))
	s.handlePut(rec, req, "/a.txt")
	if rec.Code != http.StatusCreated {
		t.Fatalf("status %d", rec.Code)
	}
}
''')}])

case('go-30-ingester-client-per-rpc', 'https://github.com/cortexproject/cortex/pull/48',
     'a change drops the client cache: every RPC to an ingester builds a new http.Client and transport',
     path='distributor/ingester_client.go', **mod('distributor', ['net/http', 'strings', 'time'], PAD_A, '''
func (d *Distributor) clientFor(addr string) *IngesterClient {
	d.mu.Lock()
	defer d.mu.Unlock()
	if c, ok := d.clients[addr]; ok {
		return c
	}
	c := NewIngesterClient(addr, d.http)
	d.clients[addr] = c
	return c
}
''', '''
func (d *Distributor) clientFor(addr string) *IngesterClient {
	hc := &http.Client{ //@RES-04
		Timeout:   d.cfg.RemoteTimeout,
		Transport: &http.Transport{MaxIdleConnsPerHost: 16},
	}
	return NewIngesterClient(addr, hc)
}
''', PAD_B))

# ---------------------------------------------------------------- TMO-01
case('go-31-rpc-dial-new-client-no-timeout', 'https://github.com/erigontech/erigon/pull/16788',
     'DialHTTP is changed to build its client with new(http.Client): no timeout on any RPC',
     path='rpc/http.go', **mod('rpc', ['context', 'net/http', 'strings', 'time'], PAD_A, '''
func DialHTTP(endpoint string) (*Client, error) {
	return DialHTTPWithClient(endpoint, &http.Client{Timeout: 30 * time.Second})
}
''', '''
func DialHTTP(endpoint string) (*Client, error) {
	return DialHTTPWithClient(endpoint, new(http.Client)) //@TMO-01
}
''', PAD_B))

case('go-32-graph-remote-client-no-timeout', 'https://github.com/mattermost/mattermost-plugin-mscalendar/issues/394',
     'a new remote constructor builds the Graph API client with &http.Client{} and no timeout',
     files=[{'path': 'msgraph/remote.go', 'new': gofile('msgraph', ['context', 'net/http'], '''
type client struct {
	ctx        context.Context
	httpClient *http.Client
	conf       *Config
}

// MakeClient returns a Graph API client for one user token.
func (r *impl) MakeClient(ctx context.Context, token *Token) Client {
	httpClient := &http.Client{} //@TMO-01
	httpClient.Transport = &oauthTransport{base: http.DefaultTransport, token: token}
	return &client{ctx: ctx, httpClient: httpClient, conf: r.conf}
}
''')},
            {'path': 'msgraph/remote_test.go', 'new': gofile('msgraph', ['context', 'net/http', 'testing'], '''
func TestMakeClientUsesToken(t *testing.T) {
	r := &impl{conf: &Config{}}
	c := r.MakeClient(context.Background(), &Token{AccessToken: "x"}).(*client)
	if _, ok := c.httpClient.Transport.(*oauthTransport); !ok {
		t.Fatal("token transport not installed")
	}
	_ = http.DefaultClient
}
''')}])

case('go-33-connect-client-timeout-deleted', 'https://github.com/SUSE/connect-ng/pull/87',
     'a refactor of the API client deletes the Timeout field of its http.Client: every registration call may now hang',
     deletion=True, path='internal/connect/client.go', **mod('connect', ['crypto/tls', 'net/http', 'strings', 'time'], PAD_A, '''
func newHTTPClient(insecure bool) *http.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: insecure}
	return &http.Client{
		Timeout:   60 * time.Second,
		Transport: tr,
	}
}
''', '''
func newHTTPClient(insecure bool) *http.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: insecure}
	return &http.Client{ //@TMO-01
		Transport: tr,
	}
}
''', PAD_B))

case('go-34-safebrowsing-default-client', 'https://github.com/google/safebrowsing/issues/35',
     'a new lookup API posts through http.DefaultClient (no timeout at all)',
     path='api.go', **mod('safebrowsing', ['bytes', 'net/http', 'strings'], PAD_A, '''
type netAPI struct {
	url *url.URL
}
''', '''
type netAPI struct {
	url *url.URL
}

func (a *netAPI) doRequest(ctx context.Context, path string, body []byte) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, a.url.String()+path, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-protobuf")
	return http.DefaultClient.Do(req) //@TMO-01
}
''', PAD_B))

# ---------------------------------------------------------------- TMO-03
case('go-35-cancel-only-on-success-path', 'https://github.com/trackit/trackit/pull/333',
     'a copy-pasted template cancels the timeout context only when the query succeeds; every error return leaves it alive',
     path='es/reports.go', **mod('es', ['context', 'strings', 'time'], PAD_A, '''
func (s *Store) costReport(ctx context.Context, q Query) (*Report, error) {
	res, err := s.client.Search(ctx, q.index(), q.body())
	if err != nil {
		return nil, err
	}
	return parseReport(res)
}
''', '''
func (s *Store) costReport(ctx context.Context, q Query) (*Report, error) {
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second) //@TMO-03
	res, err := s.client.Search(ctx, q.index(), q.body())
	if err != nil {
		return nil, err
	}
	cancel()
	return parseReport(res)
}
''', PAD_B))

case('go-36-bulk-hook-deleted-defer-cancel', 'https://github.com/sohlich/elogrus/pull/12',
     'a clean-up of the log hook deletes the deferred cancel of its per-entry timeout context',
     deletion=True, path='hook.go', **mod('elogrus', ['context', 'strings', 'time'], PAD_A, '''
func (h *Hook) fire(entry *Entry) error {
	ctx, cancel := context.WithTimeout(h.ctx, 5*time.Second)
	defer cancel()
	_, err := h.client.Index().Index(h.index()).BodyJson(toDoc(entry)).Do(ctx)
	return err
}
''', '''
func (h *Hook) fire(entry *Entry) error {
	ctx, cancel := context.WithTimeout(h.ctx, 5*time.Second) //@TMO-03
	_, err := h.client.Index().Index(h.index()).BodyJson(toDoc(entry)).Do(ctx)
	return err
}
''', PAD_B))

case('go-37-server-shutdown-cancel-discarded', 'https://github.com/pipe-cd/pipecd/pull/4767',
     'the server shutdown path derives a grace-period context and discards its cancel function',
     path='cmd/pipecd/server.go', **mod('main', ['context', 'strings', 'time'], PAD_A, '''
func (s *server) stop() {
	s.logger.Info("stopping servers")
	s.http.Close()
}
''', '''
func (s *server) stop() {
	s.logger.Info("stopping servers")
	ctx, _ := context.WithTimeout(context.Background(), s.gracePeriod) //@TMO-03
	if err := s.http.Shutdown(ctx); err != nil {
		s.logger.Error("failed to shut down http server", zap.Error(err))
	}
}
''', PAD_B))

case('go-38-broker-probe-cancel-dropped', 'https://github.com/knative/eventing/pull/2719',
     'a readiness probe of the broker derives a timeout context per probe and never calls its cancel function',
     files=[{'path': 'pkg/broker/probe.go', 'new': gofile('broker', ['context', 'net/http', 'time'], '''
type prober struct {
	client *http.Client
	url    string
}

func (p *prober) ready(parent context.Context) bool {
	ctx, cancel := context.WithTimeout(parent, 3*time.Second) //@TMO-03
	_ = cancel
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, p.url, nil)
	if err != nil {
		return false
	}
	resp, err := p.client.Do(req)
	if err != nil {
		return false
	}
	resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}
''')}])

case('go-39-signer-cancel-not-called', 'https://github.com/notaryproject/notary/pull/1358',
     'a change adds a deadline to the remote signing call; the cancel function is kept but only called when the call fails',
     path='signer/client/signer_trust.go', **mod('client', ['context', 'strings', 'time'], PAD_A, '''
func (rs *RemoteSigner) Sign(data []byte) ([]byte, error) {
	sig, err := rs.sClient.Sign(context.Background(), &SignatureRequest{KeyID: rs.ID(), Content: data})
	if err != nil {
		return nil, err
	}
	return sig.Content, nil
}
''', '''
func (rs *RemoteSigner) Sign(data []byte) ([]byte, error) {
	ctx, cancel := context.WithTimeout(context.Background(), rs.timeout) //@TMO-03
	sig, err := rs.sClient.Sign(ctx, &SignatureRequest{KeyID: rs.ID(), Content: data})
	if err != nil {
		cancel()
		return nil, err
	}
	return sig.Content, nil
}
''', PAD_B))

# ---------------------------------------------------------------- TMO-02
case('go-40-graphql-resolver-background-context', 'https://github.com/customeros/customeros/issues/1497',
     'a resolver change calls the service with context.Background() instead of the request context it received',
     path='graph/resolver/contact.go', **mod('resolver', ['context', 'strings'], PAD_A, '''
func (r *queryResolver) Contact(ctx context.Context, id string) (*Contact, error) {
	entity, err := r.Services.ContactService.GetByID(ctx, id)
	if err != nil {
		return nil, err
	}
	return mapContact(entity), nil
}
''', '''
func (r *queryResolver) Contact(ctx context.Context, id string) (*Contact, error) {
	entity, err := r.Services.ContactService.GetByID(context.Background(), id) //@TMO-02
	if err != nil {
		return nil, err
	}
	return mapContact(entity), nil
}
''', PAD_B))

case('go-41-gin-handler-todo-context-to-k8s', 'https://github.com/opendatahub-io/models-as-a-service/issues/46',
     'a Gin handler lists the tiers through the Kubernetes client with context.TODO(); the request cancellation never reaches the API server',
     files=[{'path': 'internal/handlers/tiers.go', 'new': gofile('handlers', ['context', 'net/http'], '''
type TierHandler struct {
	lister TierLister
}

func (h *TierHandler) List(c *gin.Context) {
	tiers, err := h.lister.List(context.TODO(), c.Query("namespace")) //@TMO-02
	if err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": err.Error()})
		return
	}
	c.JSON(http.StatusOK, tiers)
}
''')}])

# ---------------------------------------------------------------- TX-01
case('go-42-share-upload-tx-without-rollback', 'https://github.com/mtlynch/picoshare/pull/660',
     'a new multi-statement insert begins a transaction and returns on each exec error without rolling back',
     path='store/sqlite/entries.go', **mod('sqlite', ['database/sql', 'fmt', 'strings'], PAD_A, '''
func (s Store) GetEntry(id string) (Entry, error) {
	return s.getEntry(id)
}
''', '''
func (s Store) GetEntry(id string) (Entry, error) {
	return s.getEntry(id)
}

func (s Store) InsertEntry(e Entry, chunks [][]byte) error {
	tx, err := s.ctx.Begin() //@TX-01
	if err != nil {
		return err
	}
	if _, err := tx.Exec(`INSERT INTO entries (id, filename, expires) VALUES (?, ?, ?)`, e.ID, e.Filename, e.Expires); err != nil {
		return fmt.Errorf("insert entry: %w", err)
	}
	for i, c := range chunks {
		if _, err := tx.Exec(`INSERT INTO entries_data (id, chunk_index, chunk) VALUES (?, ?, ?)`, e.ID, i, c); err != nil {
			return fmt.Errorf("insert chunk %d: %w", i, err)
		}
	}
	return tx.Commit()
}
''', PAD_B))

case('go-43-group-target-insert-tx-returns', 'https://github.com/OpenEugene/openboard/issues/124',
     'a change adds a role update inside the user transaction; its error path returns with the transaction open',
     path='back/internal/usersvc/usersqlite/qryuser.go', **mod('usersqlite', ['context', 'database/sql', 'strings'], PAD_A, '''
func (s *UserDB) upsertUser(ctx context.Context, u User) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, upsertUserSQL, u.ID, u.Email); err != nil {
		return err
	}
	return tx.Commit()
}
''', '''
func (s *UserDB) upsertUser(ctx context.Context, u User) error {
	u.Email = strings.ToLower(u.Email)
	tx, err := s.db.BeginTx(ctx, nil) //@TX-01
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, upsertUserSQL, u.ID, u.Email); err != nil {
		tx.Rollback()
		return err
	}
	if _, err := tx.ExecContext(ctx, setRolesSQL, u.ID, strings.Join(u.Roles, ",")); err != nil {
		return err
	}
	return tx.Commit()
}
''', PAD_B))

# ---------------------------------------------------------------- TX-02
case('go-44-transaction-manager-commit-unchecked', 'https://github.com/Code-Hex/sqlx-transactionmanager/pull/4',
     'the transaction manager commits the outermost transaction and returns nil, dropping the error of Commit',
     path='txmanager.go', **mod('txmanager', ['database/sql', 'strings'], PAD_A, '''
func (t *Txm) Commit() error {
	t.depth--
	if t.depth > 0 {
		return nil
	}
	return t.tx.Commit()
}
''', '''
func (t *Txm) Commit() error {
	t.depth--
	if t.depth > 0 {
		return nil
	}
	t.tx.Commit() //@TX-02|ERR-01
	t.tx = nil
	return nil
}
''', PAD_B))

case('go-45-state-store-commit-error-dropped', 'https://github.com/hashicorp/nomad/pull/9483',
     'a namespace upsert in the state store commits the transaction and returns nil without looking at the commit error',
     path='nomad/state/namespaces.go', **mod('state', ['fmt', 'strings'], PAD_A, '''
func (s *StateStore) UpsertNamespaces(index uint64, namespaces []*Namespace) error {
	txn := s.db.WriteTxn(index)
	defer txn.Abort()
	for _, ns := range namespaces {
		if err := s.upsertNamespaceImpl(index, txn, ns); err != nil {
			return err
		}
	}
	return txn.Commit()
}
''', '''
func (s *StateStore) UpsertNamespaces(index uint64, namespaces []*Namespace) error {
	txn := s.db.WriteTxn(index)
	defer txn.Abort()
	for _, ns := range namespaces {
		if err := s.upsertNamespaceImpl(index, txn, ns); err != nil {
			return err
		}
	}
	if err := txn.Insert("index", &IndexEntry{"namespaces", index}); err != nil {
		return fmt.Errorf("index update failed: %v", err)
	}
	txn.Commit() //@TX-02|ERR-01
	return nil
}
''', PAD_B))

case('go-46-tree-tx-commit-and-rollback-dropped', 'https://github.com/google/trillian/pull/371',
     'a new tree transaction wrapper ignores the errors of both Commit and Rollback, so a failed flush looks like success',
     files=[{'path': 'storage/mysql/tree_tx.go', 'new': gofile('mysql', ['database/sql', 'sync'], '''
type treeTX struct {
	mu     sync.Mutex
	tx     *sql.Tx
	closed bool
}

func (t *treeTX) Commit() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if err := t.flushSubtrees(); err != nil {
		t.tx.Rollback() //@~ERR-01
		return err
	}
	t.closed = true
	t.tx.Commit() //@TX-02|ERR-01
	return nil
}
''')}])

# ---------------------------------------------------------------- CONC-01 / CONC-07
case('go-47-errgroup-wrapper-without-recover', 'https://github.com/golang/sync/pull/12',
     'a small group helper starts each task with go and records its error; a panic in any task ends the process',
     files=[{'path': 'internal/group/group.go', 'new': gofile('group', ['sync'], '''
type Group struct {
	wg   sync.WaitGroup
	once sync.Once
	err  error
}

func (g *Group) Go(f func() error) {
	g.wg.Add(1)
	go func() { //@CONC-01
		defer g.wg.Done()
		if err := f(); err != nil {
			g.once.Do(func() { g.err = err })
		}
	}()
}

func (g *Group) Wait() error {
	g.wg.Wait()
	return g.err
}
''')}])

case('go-48-peer-reactor-receive-goroutine', 'https://github.com/tendermint/tendermint/issues/306',
     'each new peer gets a receive goroutine started on a named method; nothing on it recovers a panic from a malformed message',
     path='p2p/switch.go', **mod('p2p', ['strings', 'sync'], PAD_A, '''
func (sw *Switch) addPeer(p *Peer) error {
	sw.mu.Lock()
	defer sw.mu.Unlock()
	sw.peers[p.ID()] = p
	return nil
}
''', '''
func (sw *Switch) addPeer(p *Peer) error {
	sw.mu.Lock()
	defer sw.mu.Unlock()
	sw.peers[p.ID()] = p
	go sw.recvRoutine(p) //@CONC-01
	return nil
}
''', PAD_B))

case('go-49-cpu-sampler-ticker-returns-on-error', 'https://github.com/runabol/tork/pull/465',
     'a CPU usage collector started on a goroutine returns from its ticker loop on the first failed sample, and does not recover a panic',
     path='internal/worker/usage.go', **mod('worker', ['context', 'strings', 'time'], PAD_A, '''
func (w *Worker) Start(ctx context.Context) error {
	if err := w.register(ctx); err != nil {
		return err
	}
	return w.consume(ctx)
}
''', '''
func (w *Worker) Start(ctx context.Context) error {
	if err := w.register(ctx); err != nil {
		return err
	}
	go w.collectUsage(ctx) //@CONC-07|CONC-01
	return w.consume(ctx)
}

func (w *Worker) collectUsage(ctx context.Context) {
	t := time.NewTicker(10 * time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			pct, err := cpuPercent()
			if err != nil {
				return
			}
			w.usage.Store(pct)
		}
	}
}
''', PAD_B))

# ---------------------------------------------------------------- LOG-01
case('go-50-bmp-log-per-parsed-message', 'https://github.com/sbezverk/gobmp/pull/111',
     'the BMP parser logs an info line with the hex dump of every message it parses, inside the receive loop',
     path='pkg/parser/parser.go', **mod('parser', ['encoding/hex', 'strings'], PAD_A, '''
func (p *parser) run() {
	for {
		select {
		case msg := <-p.queue:
			p.parse(msg)
		case <-p.stop:
			return
		}
	}
}
''', '''
func (p *parser) run() {
	for {
		select {
		case msg := <-p.queue:
			glog.Infof("parsing message: %s", hex.EncodeToString(msg)) //@LOG-01
			p.parse(msg)
		case <-p.stop:
			return
		}
	}
}
''', PAD_B))

case('go-51-metric-handler-prints-every-write-error', 'https://github.com/grafana-cold-storage/metrictank/issues/124',
     'the message handler prints an error line for every point it fails to write, inside the per-message loop',
     path='metric_tank/handler.go', **mod('main', ['fmt', 'strings'], PAD_A, '''
func (h *Handler) HandleMessage(m *Message) error {
	points, err := decode(m.Body)
	if err != nil {
		return err
	}
	for _, p := range points {
		h.metrics.Add(p)
	}
	return nil
}
''', '''
func (h *Handler) HandleMessage(m *Message) error {
	points, err := decode(m.Body)
	if err != nil {
		return err
	}
	for _, p := range points {
		if err := h.metrics.Add(p); err != nil {
			fmt.Println("ERROR, unable to add point:", p.Name, err) //@LOG-01
		}
	}
	return nil
}
''', PAD_B))

# ================================================================ clean look-alikes (Go)
case('go-ok-01-tx-owned-by-caller-not-rolled-back-here', 'https://github.com/canonical/lxd/pull/521',
     'a helper runs its statements on a transaction the caller passed in; the caller that began it rolls back or commits, so no Rollback here is right',
     path='lxd/db/profiles.go', **mod('db', ['database/sql', 'fmt', 'strings'], PAD_A, '''
func profileCreate(db *sql.DB, p Profile) error {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := insertProfile(tx, p); err != nil {
		return err
	}
	return tx.Commit()
}
''', '''
func profileCreate(db *sql.DB, p Profile) error {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := insertProfile(tx, p); err != nil {
		return err
	}
	if err := insertProfileDevices(tx, p.Name, p.Devices); err != nil {
		return fmt.Errorf("devices of %s: %w", p.Name, err)
	}
	return tx.Commit()
}

// insertProfileDevices runs inside the caller's transaction; the caller ends it.
func insertProfileDevices(tx *sql.Tx, profile string, devices map[string]Device) error {
	for name, d := range devices {
		if _, err := tx.Exec(`INSERT INTO profiles_devices (profile, name, type) VALUES (?, ?, ?)`, profile, name, d.Type); err != nil {
			return err
		}
	}
	return nil
}
''', PAD_B))

case('go-ok-02-with-tx-helper-rolls-back-and-commits', 'https://github.com/bvinc/go-sqlite-lite/issues/14',
     'writes go through a WithTx helper (same change) that rolls back when the callback fails and returns the error of Commit',
     files=[{'path': 'sqlite/withtx.go', 'new': gofile('sqlite', ['fmt'], '''
// WithTx runs f inside a transaction: rolled back if f fails, committed otherwise.
func (c *Conn) WithTx(f func() error) error {
	if err := c.Begin(); err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := f(); err != nil {
		if rbErr := c.Rollback(); rbErr != nil {
			return fmt.Errorf("%v (rollback also failed: %v)", err, rbErr)
		}
		return err
	}
	if err := c.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

func (s *Store) RenameAll(pairs map[string]string) error {
	return s.conn.WithTx(func() error {
		for from, to := range pairs {
			if err := s.conn.Exec(`UPDATE files SET name = ? WHERE name = ?`, to, from); err != nil {
				return err
			}
		}
		return nil
	})
}
''')}])

case('go-ok-03-deferred-rollback-after-commit-ignored', 'https://github.com/mtlynch/picoshare/pull/662',
     'a deferred Rollback runs after a successful Commit; its ErrTxDone error is ignored on purpose, and Commit\'s own error is returned',
     path='store/sqlite/guest_links.go', **mod('sqlite', ['database/sql', 'errors', 'log', 'strings'], PAD_A, '''
func (s Store) DeleteGuestLink(id string) error {
	_, err := s.ctx.Exec(`DELETE FROM guest_links WHERE id = ?`, id)
	return err
}
''', '''
func (s Store) DeleteGuestLink(id string) error {
	tx, err := s.ctx.Begin()
	if err != nil {
		return err
	}
	defer func() {
		if err := tx.Rollback(); err != nil && !errors.Is(err, sql.ErrTxDone) {
			log.Printf("rollback of guest link delete failed: %v", err)
		}
	}()
	if _, err := tx.Exec(`UPDATE entries SET guest_link_id = NULL WHERE guest_link_id = ?`, id); err != nil {
		return err
	}
	if _, err := tx.Exec(`DELETE FROM guest_links WHERE id = ?`, id); err != nil {
		return err
	}
	return tx.Commit()
}
''', PAD_B))

case('go-ok-04-global-client-built-in-init', 'https://github.com/mreiferson/go-httpclient/issues/17',
     'one client with connect, header and overall timeouts is built in init() and reused by every request',
     files=[{'path': 'fetch/client.go', 'new': gofile('fetch', ['net', 'net/http', 'time'], '''
var globalClient *http.Client

func init() {
	tr := &http.Transport{
		DialContext:           (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
		ResponseHeaderTimeout: 10 * time.Second,
		MaxIdleConnsPerHost:   8,
	}
	globalClient = &http.Client{Transport: tr, Timeout: 30 * time.Second}
}

func fetchStatus(url string) (int, error) {
	resp, err := globalClient.Get(url)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}
''')}])

case('go-ok-05-attachment-closure-per-iteration', 'https://github.com/wneessen/go-mail/pull/122',
     'each attachment is written inside an anonymous function called per iteration, so its deferred Close runs at the end of that iteration',
     path='msgwriter.go', **mod('mail', ['io', 'os', 'strings'], PAD_A, '''
func (mw *msgWriter) writeBody(body string) {
	mw.writeString(body)
}
''', '''
func (mw *msgWriter) writeBody(body string) {
	mw.writeString(body)
}

func (mw *msgWriter) writeAttachments(files []*File) error {
	for _, a := range files {
		if err := func() error {
			mw.startPart(a.Header)
			f, err := os.Open(a.Path)
			if err != nil {
				return err
			}
			defer f.Close()
			_, err = io.Copy(mw.encoder(), f)
			return err
		}(); err != nil {
			return err
		}
	}
	return nil
}
''', PAD_B))

case('go-ok-06-request-derived-context-for-async-work', 'https://github.com/sigstore/rekor/pull/2947',
     'background indexing after the response uses context.WithoutCancel(ctx) with its own timeout and cancel: request values kept, the client going away does not abort it',
     path='pkg/api/entries.go', **mod('api', ['context', 'strings', 'time'], PAD_A, '''
func (a *API) createEntry(ctx context.Context, e Entry) (*LogEntry, error) {
	le, err := a.log.Append(ctx, e)
	if err != nil {
		return nil, err
	}
	return le, nil
}
''', '''
func (a *API) createEntry(ctx context.Context, e Entry) (*LogEntry, error) {
	le, err := a.log.Append(ctx, e)
	if err != nil {
		return nil, err
	}
	a.async.Go(func() {
		bg, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
		defer cancel()
		if err := a.index.Add(bg, le); err != nil {
			a.logger.Warn("indexing entry failed", "uuid", le.UUID, "err", err)
		}
	})
	return le, nil
}
''', PAD_B))

case('go-ok-07-apple-provider-defer-right-after-check', 'https://github.com/go-pkgz/auth/pull/88',
     'the token exchange defers the body Close right after the error check, before status and decode checks that return early',
     path='provider/apple.go', **mod('provider', ['encoding/json', 'fmt', 'net/http', 'net/url', 'strings'], PAD_A, '''
func (ah *AppleHandler) exchange(code string) (*appleToken, error) {
	return nil, fmt.Errorf("not implemented")
}
''', '''
func (ah *AppleHandler) exchange(code string) (*appleToken, error) {
	form := url.Values{"code": {code}, "grant_type": {"authorization_code"}, "client_id": {ah.clientID}}
	resp, err := ah.http.PostForm(ah.tokenURL, form)
	if err != nil {
		return nil, fmt.Errorf("token request: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("token request: %s", resp.Status)
	}
	tok := &appleToken{}
	if err := json.NewDecoder(resp.Body).Decode(tok); err != nil {
		return nil, fmt.Errorf("decode token: %w", err)
	}
	return tok, nil
}
''', PAD_B))

case('go-ok-08-policy-download-defer-moved-up-test-leaks', 'https://github.com/DataDog/datadog-agent/pull/50944',
     'production code defers the Close right after Do; the test beside it opens a response it does not close (test code, skipped by design)',
     files=[dict(path='cmd/system-probe/runtime/policies.go', **mod('runtime', ['fmt', 'io', 'net/http', 'strings'], PAD_A, '''
func downloadPolicies(c *http.Client, url string) ([]byte, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("download policies: %s", resp.Status)
	}
	return body, nil
}
''', '''
func downloadPolicies(c *http.Client, url string) ([]byte, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("download policies: %s", resp.Status)
	}
	return body, nil
}
''', PAD_B)),
            {'path': 'cmd/system-probe/runtime/policies_test.go', 'new': gofile('runtime', ['net/http', 'net/http/httptest', 'testing'], '''
func TestDownloadPoliciesStatus(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusTeapot)
	}))
	defer srv.Close()
	resp, err := http.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusTeapot {
		t.Fatalf("fixture answered %d", resp.StatusCode)
	}
	if _, err := downloadPolicies(srv.Client(), srv.URL); err == nil {
		t.Fatal("expected an error for 418")
	}
}
''')}])

case('go-ok-09-token-file-read-in-named-function', 'https://github.com/k3s-io/k3s/pull/6296',
     'the loop over token files calls a named function that opens, defers the Close and reads one file, so each file is closed before the next',
     path='pkg/util/token.go', **mod('util', ['bufio', 'os', 'path/filepath', 'strings'], PAD_A, '''
func readToken(path string) (string, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(string(raw)), nil
}
''', '''
func readTokens(dir string) ([]string, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.token"))
	if err != nil {
		return nil, err
	}
	var tokens []string
	for _, p := range paths {
		tok, err := firstLine(p)
		if err != nil {
			return nil, err
		}
		tokens = append(tokens, tok)
	}
	return tokens, nil
}

func firstLine(p string) (string, error) {
	f, err := os.Open(p)
	if err != nil {
		return "", err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Scan()
	return strings.TrimSpace(sc.Text()), sc.Err()
}
''', PAD_B))

case('go-ok-10-report-cancel-deferred-next-line', 'https://github.com/trackit/trackit/pull/333',
     'the timeout context is cancelled by a defer on the next line, so every return path releases it',
     path='es/reports.go', **mod('es', ['context', 'strings', 'time'], PAD_A, '''
func (s *Store) costReport(ctx context.Context, q Query) (*Report, error) {
	res, err := s.client.Search(ctx, q.index(), q.body())
	if err != nil {
		return nil, err
	}
	return parseReport(res)
}
''', '''
func (s *Store) costReport(ctx context.Context, q Query) (*Report, error) {
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	res, err := s.client.Search(ctx, q.index(), q.body())
	if err != nil {
		return nil, err
	}
	return parseReport(res)
}
''', PAD_B))

case('go-ok-11-api-client-created-once-in-constructor', 'https://github.com/SUSE/connect-ng/pull/42',
     'the API wrapper builds its http.Client (with timeout) once in its constructor and every call reuses it',
     path='internal/connect/api.go', **mod('connect', ['net/http', 'strings', 'time'], PAD_A, '''
type API struct {
	base string
}
''', '''
type API struct {
	base string
	http *http.Client
}

func NewAPI(base string, tr http.RoundTripper) *API {
	return &API{base: base, http: &http.Client{Transport: tr, Timeout: 60 * time.Second}}
}

func (a *API) callHTTP(req *http.Request) (*http.Response, error) {
	req.Header.Set("Accept", "application/json")
	return a.http.Do(req)
}
''', PAD_B))

case('go-ok-12-commit-error-returned', 'https://github.com/Code-Hex/sqlx-transactionmanager/pull/4',
     'the outermost Commit returns the error of tx.Commit to the caller (the fixed shape)',
     path='txmanager.go', **mod('txmanager', ['database/sql', 'strings'], PAD_A, '''
func (t *Txm) Commit() error {
	t.depth--
	if t.depth > 0 {
		return nil
	}
	t.tx.Commit()
	return nil
}
''', '''
func (t *Txm) Commit() error {
	t.depth--
	if t.depth > 0 {
		return nil
	}
	if err := t.tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	t.tx = nil
	return nil
}
''', PAD_B, new_imports=['database/sql', 'fmt', 'strings']))

case('go-ok-13-group-go-recovers-into-error', 'https://github.com/golang/sync/pull/12',
     'the group helper defers a function that recovers a panic of the task and records it as the group error with its stack',
     files=[{'path': 'internal/group/group.go', 'new': gofile('group', ['fmt', 'runtime/debug', 'sync'], '''
type Group struct {
	wg   sync.WaitGroup
	once sync.Once
	err  error
}

func (g *Group) Go(f func() error) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		defer func() {
			if p := recover(); p != nil {
				g.setErr(fmt.Errorf("task panicked: %v\\n%s", p, debug.Stack()))
			}
		}()
		if err := f(); err != nil {
			g.setErr(err)
		}
	}()
}

func (g *Group) setErr(err error) { g.once.Do(func() { g.err = err }) }

func (g *Group) Wait() error {
	g.wg.Wait()
	return g.err
}
''')}])

case('go-ok-14-parse-errors-counted-one-summary', 'https://github.com/sbezverk/gobmp/pull/111',
     'the receive loop counts failed messages and writes one summary line per minute, with the message hex only at verbosity 5 (off in production)',
     path='pkg/parser/parser.go', **mod('parser', ['encoding/hex', 'strings', 'time'], PAD_A, '''
func (p *parser) run() {
	for {
		select {
		case msg := <-p.queue:
			p.parse(msg)
		case <-p.stop:
			return
		}
	}
}
''', '''
func (p *parser) run() {
	report := time.NewTicker(time.Minute)
	defer report.Stop()
	failed := 0
	for {
		select {
		case msg := <-p.queue:
			if glog.V(5) {
				glog.Infof("message: %s", hex.EncodeToString(msg))
			}
			if err := p.parse(msg); err != nil {
				failed++
			}
		case <-report.C:
			if failed > 0 {
				glog.Warningf("%d BMP messages failed to parse in the last minute", failed)
				failed = 0
			}
		case <-p.stop:
			return
		}
	}
}
''', PAD_B))


# ---------------------------------------------------------------- test files travelling with the change
# Ordinary test code added beside the production change (several do resource handling that would be a defect in
# production code: the review skips test files by default, so none carries an expectation).
def with_test(name_prefix, path, text):
    c = [c for c in CASES if c['name'].startswith(name_prefix)][0]
    if 'files' not in c:
        f = {k: c.pop(k) for k in ('path', 'new', 'old', 'rename_from', 'full') if k in c}
        c['files'] = [f]
    c['files'].append({'path': path, 'new': text})


with_test('go-02-', 'cdn/purge_test.go', gofile('cdn', ['net/http', 'net/http/httptest', 'testing'], '''
func TestPurgeSendsPurgeMethod(t *testing.T) {
	var method string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		method = r.Method
	}))
	defer srv.Close()
	c := &Client{http: srv.Client()}
	if err := c.Purge(srv.URL + "/img/a.png"); err != nil {
		t.Fatal(err)
	}
	if method != "PURGE" {
		t.Fatalf("method %q", method)
	}
}
'''))

with_test('go-08-', 'contract/check_test.go', gofile('contract', ['io', 'net/http', 'net/http/httptest', 'testing'], '''
func TestCheckReportsWrongStatus(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNotFound)
	}))
	defer srv.Close()
	resp, err := http.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	t.Logf("fixture body: %q", body)
	c := &Checker{http: srv.Client()}
	if err := c.check(Endpoint{Name: "x", URL: srv.URL, Status: 200}); err == nil {
		t.Fatal("want an error for 404")
	}
}
'''))

with_test('go-17-', 'internal/buffer/backup_test.go', gofile('buffer', ['os', 'path/filepath', 'testing'], '''
func TestReadBackupReturnsContent(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a", "b"} {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		f.WriteString("content of " + name)
	}
	got, err := readBackup(filepath.Join(dir, "a"))
	if err != nil || string(got) != "content of a" {
		t.Fatalf("got %q, %v", got, err)
	}
}
'''))

with_test('go-35-', 'es/reports_test.go', gofile('es', ['context', 'testing', 'time'], '''
func TestCostReportHonoursParentDeadline(t *testing.T) {
	ctx, _ := context.WithTimeout(context.Background(), time.Millisecond)
	s := &Store{client: slowSearch{delay: 50 * time.Millisecond}}
	if _, err := s.costReport(ctx, Query{}); err == nil {
		t.Fatal("want a deadline error")
	}
}
'''))

with_test('go-42-', 'store/sqlite/entries_test.go', gofile('sqlite', ['testing'], '''
func TestInsertEntryStoresChunks(t *testing.T) {
	s := newTestStore(t)
	tx, err := s.ctx.Begin()
	if err != nil {
		t.Fatal(err)
	}
	tx.Exec(`DELETE FROM entries`)
	tx.Commit()
	if err := s.InsertEntry(Entry{ID: "e1", Filename: "a.txt"}, [][]byte{[]byte("ab"), []byte("cd")}); err != nil {
		t.Fatal(err)
	}
	var n int
	s.ctx.QueryRow(`SELECT count(*) FROM entries_data WHERE id = 'e1'`).Scan(&n)
	if n != 2 {
		t.Fatalf("%d chunks stored", n)
	}
}
'''))

with_test('go-47-', 'internal/group/group_test.go', gofile('group', ['errors', 'testing'], '''
func TestWaitReturnsFirstError(t *testing.T) {
	var g Group
	boom := errors.New("boom")
	g.Go(func() error { return boom })
	g.Go(func() error { return nil })
	go func() {
		_ = g.Wait()
	}()
	if err := g.Wait(); !errors.Is(err, boom) {
		t.Fatalf("got %v", err)
	}
}
'''))

with_test('go-ok-10-', 'es/reports_test.go', gofile('es', ['context', 'testing', 'time'], '''
func TestCostReportTimesOut(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
	defer cancel()
	s := &Store{client: slowSearch{delay: 50 * time.Millisecond}}
	if _, err := s.costReport(ctx, Query{}); err == nil {
		t.Fatal("want a deadline error")
	}
}
'''))
