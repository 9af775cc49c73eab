"""Round-71 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- CONC-03 / ERR-01: lookup cache of a Caddy geolocation module (caddy-geoip)
GEOIP = template('caddy-geoip-lookup-cache', r'''
// record is the part of a MaxMind city record the module exposes as placeholders.
type record struct {
    Country struct {
        ISOCode string `maxminddb:"iso_code"`
    } `maxminddb:"country"`
    City struct {
        Names map[string]string `maxminddb:"names"`
    } `maxminddb:"city"`
}

// GeoIP adds the client's country and city to every request it handles.
type GeoIP struct {
    DatabasePath string `json:"db_path,omitempty"`

    db    *maxminddb.Reader
    mu    sync.RWMutex
    cache map[string]record
}

func (g *GeoIP) lookup(ip net.IP) (record, error) {
    key := ip.String()
    g.mu.RLock()
    rec, ok := g.cache[key]
    g.mu.RUnlock()
    if ok {
        return rec, nil
    }

    var fresh record
01|    if err := g.db.Lookup(ip, &fresh); err != nil {
01|        return record{}, fmt.Errorf("geoip: lookup %s: %w", key, err)
01|    }
2|    _ = g.db.Lookup(ip, &fresh) //@ERR-01
02|    g.mu.Lock()
    g.cache[key] = fresh //@{1}CONC-03
02|    g.mu.Unlock()
    return fresh, nil
}

// ServeHTTP sets the geolocation placeholders and hands the request on.
func (g *GeoIP) ServeHTTP(w http.ResponseWriter, r *http.Request, next caddyhttp.Handler) error {
    host, _, err := net.SplitHostPort(r.RemoteAddr)
    if err != nil {
        host = r.RemoteAddr
    }
    ip := net.ParseIP(host)
    if ip == nil {
        return next.ServeHTTP(w, r)
    }
    rec, err := g.lookup(ip)
    if err != nil {
        return caddyhttp.Error(http.StatusInternalServerError, err)
    }
    repl := r.Context().Value(caddy.ReplacerCtxKey).(*caddy.Replacer)
    repl.Set("geoip.country_code", rec.Country.ISOCode)
    repl.Set("geoip.city_name", rec.City.Names["en"])
    return next.ServeHTTP(w, r)
}
''')
cases_of(case, GH + 'aablinov/caddy-geoip/pull/4', 'geoip.go',
         G('geoip', ['fmt', 'net', 'net/http', 'sync', '', 'github.com/caddyserver/caddy/v2',
                     'github.com/caddyserver/caddy/v2/modules/caddyhttp', 'github.com/oschwald/maxminddb-golang'])(GEOIP), [
             (1, 'go-00-caddy-geoip-cache-written-without-lock',
              'an edit stores each fresh lookup in the shared cache without taking the write lock, so two '
              'requests from new addresses at once crash Caddy with concurrent map writes', 'edit'),
             (2, 'go-00-caddy-geoip-lookup-error-dropped',
              'an edit drops the error of the database lookup, so a corrupt or missing record is cached and '
              'served as an empty location', 'edit'),
             (0, 'go-ok-00-caddy-geoip-cache-written-under-lock',
              'clean: the fix stores fresh lookups under the cache\'s write lock', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-01: status ping of a Minecraft server monitor's exporter (mc-monitor)
MCMONITOR = template('mc-monitor-status-ping', r'''
// pingServer opens a connection to a Java edition server, asks for its status and returns the round trip.
func pingServer(host string, port int, timeout time.Duration) (*serverStatus, time.Duration, error) {
    addr := net.JoinHostPort(host, strconv.Itoa(port))
    start := time.Now()

02|    conn, err := net.DialTimeout("tcp", addr, timeout)
1|    conn, err := net.Dial("tcp", addr) //@TMO-01
    if err != nil { //@{2}RES-01
        return nil, 0, fmt.Errorf("connect %s: %w", addr, err)
    }
01|    defer conn.Close()
    if err := conn.SetDeadline(time.Now().Add(2 * timeout)); err != nil {
        return nil, 0, err
    }

    w := bufio.NewWriter(conn)
    if err := writeHandshake(w, host, port); err != nil {
        return nil, 0, fmt.Errorf("handshake %s: %w", addr, err)
    }
    if err := writeStatusRequest(w); err != nil {
        return nil, 0, err
    }
    if err := w.Flush(); err != nil {
        return nil, 0, err
    }

    status, err := readStatusResponse(bufio.NewReader(conn))
    if err != nil {
        return nil, 0, fmt.Errorf("status %s: %w", addr, err)
    }
    return status, time.Since(start), nil
}

// Collect pings every configured server once per scrape.
func (c *statusCollector) Collect(ch chan<- prometheus.Metric) {
    for _, s := range c.servers {
        status, rtt, err := pingServer(s.Host, s.Port, c.timeout)
        if err != nil {
            ch <- prometheus.MustNewConstMetric(c.up, prometheus.GaugeValue, 0, s.Name)
            continue
        }
        ch <- prometheus.MustNewConstMetric(c.up, prometheus.GaugeValue, 1, s.Name)
        ch <- prometheus.MustNewConstMetric(c.rtt, prometheus.GaugeValue, rtt.Seconds(), s.Name)
        ch <- prometheus.MustNewConstMetric(c.online, prometheus.GaugeValue, float64(status.Players.Online), s.Name)
    }
}
''')
cases_of(case, GH + 'itzg/mc-monitor/pull/43', 'export_prometheus.go',
         G('main', ['bufio', 'fmt', 'net', 'strconv', 'time', '',
                    'github.com/prometheus/client_golang/prometheus'])(MCMONITOR), [
             (1, 'go-00-mc-monitor-ping-dial-without-timeout',
              'an edit dials each monitored server with net.Dial, so an unreachable host holds the scrape in '
              'connect for minutes and the exporter\'s metrics request hangs', 'edit'),
             (2, 'go-00-mc-monitor-ping-connection-never-closed',
              'an edit drops the deferred close of the status connection, so every scrape leaves one socket per '
              'monitored server open', 'edit'),
             (0, 'go-ok-00-mc-monitor-ping-dial-bounded',
              'clean: the fix dials with the configured timeout', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / TMO-03: query path of a Grafana data source for Snowflake (snowflake-grafana-datasource)
SNOWFLAKE = template('snowflake-datasource-query', r'''
func (td *SnowflakeDatasource) query(ctx context.Context, db *sql.DB, dataQuery backend.DataQuery) backend.DataResponse {
    var qm queryModel
    if err := json.Unmarshal(dataQuery.JSON, &qm); err != nil {
        return backend.ErrDataResponse(backend.StatusBadRequest, "invalid query: "+err.Error())
    }
    sqlText, err := expandMacros(qm.QueryText, dataQuery.TimeRange, dataQuery.Interval)
    if err != nil {
        return backend.ErrDataResponse(backend.StatusBadRequest, err.Error())
    }

0|    rows, err := db.QueryContext(ctx, sqlText)
1|    rows, err := db.QueryContext(context.Background(), sqlText) //@TMO-02
2|    qctx, _ := context.WithTimeout(ctx, td.queryTimeout) //@TMO-03
2|    rows, err := db.QueryContext(qctx, sqlText)
    if err != nil {
        return backend.ErrDataResponse(backend.StatusInternal, "query failed: "+err.Error())
    }
    defer rows.Close()

    frame, err := sqlutil.FrameFromRows(rows, qm.MaxRows)
    if err != nil {
        return backend.ErrDataResponse(backend.StatusInternal, err.Error())
    }
    frame.RefID = dataQuery.RefID
    frame.Meta = &data.FrameMeta{ExecutedQueryString: sqlText}
    return backend.DataResponse{Frames: data.Frames{frame}}
}
''')
cases_of(case, GH + 'michelin/snowflake-grafana-datasource/pull/66', 'pkg/query.go',
         G('main', ['context', 'database/sql', 'encoding/json', '',
                    'github.com/grafana/grafana-plugin-sdk-go/backend', 'github.com/grafana/grafana-plugin-sdk-go/data',
                    'github.com/grafana/grafana-plugin-sdk-go/data/sqlutil'])(SNOWFLAKE), [
             (1, 'go-00-snowflake-query-on-background-context',
              'an edit runs the panel\'s query on a background context, so a dashboard the user left keeps its '
              'warehouse query running and billed to the end', 'edit'),
             (2, 'go-00-snowflake-query-timeout-never-cancelled',
              'an edit bounds the query with a timeout context and drops its cancel, so every panel refresh '
              'leaves a timer alive until the timeout passes', 'edit'),
             (0, 'go-ok-00-snowflake-query-on-request-context',
              'clean: the fix runs the query on the request\'s context', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / TMO-01: HTTP proxying of an exporter multiplexer (exporter_exporter)
EXPEXP = template('exporter-exporter-http-proxy', r'''
// newModuleClient builds the client that fetches one module's metrics from its exporter.
func newModuleClient(cfg *moduleConfig) *http.Client {
    tr := &http.Transport{
        Proxy:               http.ProxyFromEnvironment,
        MaxIdleConnsPerHost: 4,
        TLSClientConfig:     cfg.HTTP.tlsConfig,
    }
01|    return &http.Client{Transport: tr, Timeout: cfg.Timeout}
2|    return &http.Client{Transport: tr} //@TMO-01
}

func (cfg *moduleConfig) proxyHTTP(w http.ResponseWriter, r *http.Request) {
    target := cfg.HTTP.address()
    req, err := http.NewRequestWithContext(r.Context(), http.MethodGet, target, nil)
    if err != nil {
        http.Error(w, err.Error(), http.StatusInternalServerError)
        return
    }
    req.Header.Set("Accept", r.Header.Get("Accept"))
    req.URL.RawQuery = r.URL.RawQuery

    resp, err := cfg.client.Do(req)
    if err != nil {
        http.Error(w, err.Error(), http.StatusBadGateway) //@{1}RES-02
        return
    }
02|    defer resp.Body.Close()

    for _, h := range []string{"Content-Type", "Content-Encoding"} {
        if v := resp.Header.Get(h); v != "" {
            w.Header().Set(h, v)
        }
    }
    w.WriteHeader(resp.StatusCode)
    if _, err := io.Copy(w, resp.Body); err != nil {
        log.Printf("proxy %s: copying response: %v", target, err)
    }
}
''')
cases_of(case, GH + 'QubitProducts/exporter_exporter/pull/3', 'http.go',
         G('main', ['io', 'log', 'net/http'])(EXPEXP), [
             (1, 'go-00-exporter-exporter-proxied-body-never-closed',
              'an edit copies the exporter\'s answer to the scraper and drops the deferred close of its body, so '
              'every scrape keeps a connection and a descriptor until the exporter restarts', 'edit'),
             (2, 'go-00-exporter-exporter-module-client-without-timeout',
              'an edit builds the module client without its configured timeout, so an exporter that accepts and '
              'never answers holds every scrape of that module', 'edit'),
             (0, 'go-ok-00-exporter-exporter-proxied-body-closed',
              'clean: the fix closes the proxied response body by defer', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / RES-01: query handling of Grafana's SQL data source library (sqlds)
SQLDS = template('sqlds-handle-query', r'''
// handleQuery runs one panel query against the data source's connection and turns the rows into a frame.
func (ds *SQLDatasource) handleQuery(ctx context.Context, req backend.DataQuery, db *sql.DB) (data.Frames, error) {
    q, err := GetQuery(req)
    if err != nil {
        return nil, err
    }
    rawSQL, err := Interpolate(ds.driver(), q)
    if err != nil {
        return nil, fmt.Errorf("%w: %s", ErrorBadArgumentCount, err.Error())
    }

02|    rows, err := db.QueryContext(ctx, rawSQL)
1|    rows, err := db.Query(rawSQL) //@TMO-02
    if err != nil { //@{2}RES-01
        return nil, fmt.Errorf("%w: %s", ErrorQuery, err.Error())
    }
01|    defer rows.Close()

    res, err := getFrames(rows, ds.rowLimit, ds.driver().Converters(), q.FillMissing, q)
    if err != nil {
        return nil, fmt.Errorf("%w: %s", ErrorFrameConversion, err.Error())
    }
    return res, nil
}
''')
cases_of(case, GH + 'grafana/sqlds/issues/28', 'query.go',
         G('sqlds', ['context', 'database/sql', 'fmt', '',
                     'github.com/grafana/grafana-plugin-sdk-go/backend',
                     'github.com/grafana/grafana-plugin-sdk-go/data'])(SQLDS), [
             (1, 'go-00-sqlds-query-without-request-context',
              'an edit runs the panel query with db.Query, so a dashboard the user closed or timed out keeps its '
              'query running on the database', 'edit'),
             (2, 'go-00-sqlds-rows-never-closed',
              'an edit drops the deferred close of the query\'s rows, so a frame conversion that fails keeps the '
              'connection out of the pool', 'edit'),
             (0, 'go-ok-00-sqlds-query-on-request-context',
              'clean: the fix runs the query on the request\'s context', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / ERR-01: request helper of a monitoring service's API client (mackerel-client-go)
MACKEREL = template('mackerel-client-request-json', r'''
// requestJSON sends payload as JSON to path and decodes the answer into out.
func (c *Client) requestJSON(method, path string, payload, out interface{}) error {
    var body io.Reader
    if payload != nil {
        buf, err := json.Marshal(payload)
        if err != nil {
            return err
        }
        body = bytes.NewReader(buf)
    }
    req, err := http.NewRequest(method, c.urlFor(path).String(), body)
    if err != nil {
        return err
    }
    req.Header.Set("X-Api-Key", c.APIKey)
    req.Header.Set("Content-Type", "application/json")
    req.Header.Set("User-Agent", c.UserAgent)

    resp, err := c.HTTPClient.Do(req)
    if err != nil { //@{1}RES-02
        return fmt.Errorf("mackerel: %s %s: %w", method, path, err)
    }
02|    defer closeResponse(resp)
    if resp.StatusCode >= 400 {
        return extractErrorMessage(resp)
    }
    if out == nil {
        return nil
    }
01|    return json.NewDecoder(resp.Body).Decode(out)
2|    json.NewDecoder(resp.Body).Decode(out) //@ERR-01
2|    return nil
}

// closeResponse drains what is left of the body so the connection can be reused, then closes it.
func closeResponse(resp *http.Response) {
    io.Copy(io.Discard, resp.Body)
    resp.Body.Close()
}
''')
cases_of(case, GH + 'mackerelio/mackerel-client-go/pull/110', 'request.go',
         G('mackerel', ['bytes', 'encoding/json', 'fmt', 'io', 'net/http'])(MACKEREL), [
             (1, 'go-00-mackerel-moved-request-body-never-closed',
              'a PR moves the request helper into its own file and drops the deferred close of the answer, so '
              'every API call keeps its connection out of the client\'s pool', 'rename'),
             (2, 'go-00-mackerel-moved-request-decode-error-dropped',
              'a PR moves the request helper into its own file and ignores the error of decoding the answer, so '
              'a truncated response is returned as an empty result', 'rename'),
             (0, 'go-ok-00-mackerel-moved-request-helper',
              'clean: the move alone; the answer is drained and closed by defer and its decoding error returned',
              'rename'),
         ], rename_from='mackerel.go')


# ---------------------------------------------------------------- ERR-01 / RES-04: secret read of a Terraform provider (terraform-provider-secrethub)
SECRETHUB = template('terraform-secrethub-secret-read', r'''
func resourceSecretRead(ctx context.Context, d *schema.ResourceData, m interface{}) diag.Diagnostics {
    provider := m.(*providerMeta)
01|    client := provider.client
2|    client, err := secrethub.NewClient(provider.clientOptions()...) //@RES-04
2|    if err != nil {
2|        return diag.FromErr(err)
2|    }

    path := d.Get("path").(string)
    if prefix := provider.pathPrefix; prefix != "" {
        path = prefix + "/" + path
    }
    version, err := client.Secrets().Versions().GetWithData(path)
    if err != nil {
        if api.IsErrNotFound(err) {
            d.SetId("")
            return nil
        }
        return diag.Errorf("reading secret %s: %s", path, err)
    }

02|    if err := d.Set("value", string(version.Data)); err != nil {
02|        return diag.FromErr(err)
02|    }
02|    if err := d.Set("version", version.Version); err != nil {
02|        return diag.FromErr(err)
02|    }
1|    d.Set("value", string(version.Data)) //@ERR-01
1|    d.Set("version", version.Version)
    return nil
}
''')
cases_of(case, GH + 'secrethub/terraform-provider-secrethub/pull/29', 'secrethub/resource_secret.go',
         G('secrethub', ['context', '', 'github.com/hashicorp/terraform-plugin-sdk/v2/diag',
                         'github.com/hashicorp/terraform-plugin-sdk/v2/helper/schema',
                         'github.com/secrethub/secrethub-go/internals/api', 'github.com/secrethub/secrethub-go/pkg/secrethub'])(SECRETHUB), [
             (1, 'go-00-terraform-secrethub-read-set-errors-dropped',
              'an edit writes the secret\'s value and version to the state without checking the errors of d.Set, '
              'so a value the schema refuses is silently left stale and drift goes unseen', 'edit'),
             (2, 'go-00-terraform-secrethub-read-client-per-call',
              'an edit builds a new SecretHub client on every read instead of the provider\'s configured one, so '
              'a plan over many secrets opens a new connection pool and credential exchange for each', 'edit'),
             (0, 'go-ok-00-terraform-secrethub-read-set-errors-checked',
              'clean: the fix returns the errors of d.Set as diagnostics', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / TMO-03: query fan-out of a Grafana data source for Firestore (firestore-grafana-datasource)
FIRESTORE = template('firestore-datasource-query-data', r'''
// QueryData runs the panel's queries in parallel and collects one response per query.
func (d *Datasource) QueryData(ctx context.Context, req *backend.QueryDataRequest) (*backend.QueryDataResponse, error) {
    response := backend.NewQueryDataResponse()
    var mu sync.Mutex
    var wg sync.WaitGroup
    for _, q := range req.Queries {
        wg.Add(1)
        go func(q backend.DataQuery) { //@{1}CONC-01
            defer wg.Done()
02|            defer func() {
02|                if r := recover(); r != nil {
02|                    mu.Lock()
02|                    response.Responses[q.RefID] = backend.ErrDataResponse(backend.StatusInternal, fmt.Sprintf("query panicked: %v", r))
02|                    mu.Unlock()
02|                }
02|            }()
            res := d.query(ctx, req.PluginContext, q)
            mu.Lock()
            response.Responses[q.RefID] = res
            mu.Unlock()
        }(q)
    }
    wg.Wait()
    return response, nil
}

func (d *Datasource) query(ctx context.Context, pCtx backend.PluginContext, q backend.DataQuery) backend.DataResponse {
    var qm queryModel
    if err := json.Unmarshal(q.JSON, &qm); err != nil {
        return backend.ErrDataResponse(backend.StatusBadRequest, err.Error())
    }
01|    qctx, cancel := context.WithTimeout(ctx, d.settings.Timeout)
01|    defer cancel()
2|    qctx, _ := context.WithTimeout(ctx, d.settings.Timeout) //@TMO-03

    docs, err := d.client.Collection(qm.Collection).Where(qm.Field, qm.Op, qm.Value).Limit(qm.Limit).Documents(qctx).GetAll()
    if err != nil {
        return backend.ErrDataResponse(backend.StatusInternal, err.Error())
    }
    frame := framesFromDocuments(q.RefID, docs)
    return backend.DataResponse{Frames: data.Frames{frame}}
}
''')
cases_of(case, GH + 'pgollangi/firestore-grafana-datasource/pull/15', 'pkg/plugin/datasource.go',
         G('plugin', ['context', 'encoding/json', 'fmt', 'sync', '',
                      'github.com/grafana/grafana-plugin-sdk-go/backend',
                      'github.com/grafana/grafana-plugin-sdk-go/data'])(FIRESTORE), [
             (1, 'go-00-firestore-query-goroutine-without-recover',
              'an edit runs each panel query on a bare goroutine, so one document that panics the frame '
              'conversion kills the plugin process and every dashboard using it', 'edit'),
             (2, 'go-00-firestore-query-timeout-never-cancelled',
              'an edit bounds each query with a timeout context and drops its cancel, so every refresh leaves a '
              'timer alive until the timeout passes', 'edit'),
             (0, 'go-ok-00-firestore-query-goroutine-recovers',
              'clean: the fix recovers a panicking query into an error response', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / TX-02: batch insert of a database anonymiser's PostgreSQL target (klepto)
KLEPTO = template('klepto-postgres-insert-batch', r'''
// insertBatch writes one table's anonymised rows to the target in a single transaction.
func (s *storage) insertBatch(table string, columns []string, rows [][]interface{}) error {
    tx, err := s.conn.Begin()
    if err != nil { //@{1}TX-01
        return fmt.Errorf("begin %s: %w", table, err)
    }
02|    defer tx.Rollback()

    stmt, err := tx.Prepare(pq.CopyIn(table, columns...))
    if err != nil {
        return fmt.Errorf("prepare copy into %s: %w", table, err)
    }
    for i, row := range rows {
        if _, err := stmt.Exec(row...); err != nil {
            stmt.Close()
            return fmt.Errorf("row %d of %s: %w", i, table, err)
        }
    }
    if _, err := stmt.Exec(); err != nil {
        stmt.Close()
        return fmt.Errorf("flush copy into %s: %w", table, err)
    }
    if err := stmt.Close(); err != nil {
        return err
    }
01|    return tx.Commit()
2|    tx.Commit() //@TX-02
2|    return nil
}
''')
cases_of(case, GH + 'hellofresh/klepto/pull/75', 'pkg/storages/postgres/storage.go',
         G('postgres', ['fmt', '', 'github.com/lib/pq'])(KLEPTO), [
             (1, 'go-00-klepto-insert-not-rolled-back-on-error',
              'an edit drops the deferred rollback of the batch transaction, so a row the target refuses leaves '
              'the transaction open and its connection stuck in the pool', 'edit'),
             (2, 'go-00-klepto-insert-commit-unchecked',
              'an edit calls Commit without looking at its error, so a table the target refused at commit is '
              'reported as copied', 'edit'),
             (0, 'go-ok-00-klepto-insert-rolled-back',
              'clean: the fix rolls the batch back by defer when it does not commit', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-01 / RES-03: rule loading and request inspection of a Caddy WAF module (caddy-waf)
CADDYWAF = template('caddy-waf-rules', r'''
// Rule is one inspection rule loaded from a JSON rule file.
type Rule struct {
    ID       string   `json:"id"`
    Targets  []string `json:"targets"`
    Pattern  string   `json:"pattern"`
    Score    int      `json:"score"`
    Severity string   `json:"severity"`
    re       *regexp.Regexp
}

// loadRuleFiles reads every configured rule file and compiles its patterns.
func loadRuleFiles(paths []string) ([]Rule, error) {
    var rules []Rule
    for _, p := range paths {
01|        loaded, err := readRuleFile(p)
01|        if err != nil {
01|            return nil, err
01|        }
2|        f, err := os.Open(p)
2|        if err != nil {
2|            return nil, fmt.Errorf("open rule file %s: %w", p, err)
2|        }
2|        defer f.Close() //@RES-03
2|        var loaded []Rule
2|        if err := json.NewDecoder(f).Decode(&loaded); err != nil {
2|            return nil, fmt.Errorf("decode rule file %s: %w", p, err)
2|        }
        for i := range loaded {
            re, err := regexp.Compile(loaded[i].Pattern)
            if err != nil {
                return nil, fmt.Errorf("rule %s: %w", loaded[i].ID, err)
            }
            loaded[i].re = re
        }
        rules = append(rules, loaded...)
    }
    return rules, nil
}
01|
01|func readRuleFile(p string) ([]Rule, error) {
01|    f, err := os.Open(p)
01|    if err != nil {
01|        return nil, fmt.Errorf("open rule file %s: %w", p, err)
01|    }
01|    defer f.Close()
01|    var loaded []Rule
01|    if err := json.NewDecoder(f).Decode(&loaded); err != nil {
01|        return nil, fmt.Errorf("decode rule file %s: %w", p, err)
01|    }
01|    return loaded, nil
01|}

// inspect scores the request against every rule and reports the rules that matched.
func (m *Middleware) inspect(r *http.Request) int {
    score := 0
    for _, rule := range m.rules {
        matched := rule.matches(r)
1|        m.logger.Info("rule evaluated", zap.String("rule", rule.ID), zap.Bool("matched", matched), zap.String("uri", r.RequestURI), zap.Any("headers", r.Header)) //@LOG-01
        if !matched {
            continue
        }
        score += rule.Score
        if m.severityAtLeast(rule.Severity) {
            m.logger.Warn("rule matched", zap.String("rule", rule.ID), zap.String("client", r.RemoteAddr))
        }
    }
    return score
}
''')
cases_of(case, GH + 'fabriziosalmi/caddy-waf/issues/81', 'rules.go',
         G('caddywaf', ['encoding/json', 'fmt', 'net/http', 'os', 'regexp', '', 'go.uber.org/zap'])(CADDYWAF), [
             (1, 'go-00-caddy-waf-new-rules-log-every-evaluation',
              'a new rules file logs every rule evaluated for every request at info level with its headers, so '
              'each request writes one line per rule and the log fills the disk whatever the severity setting', 'new'),
             (2, 'go-00-caddy-waf-new-rules-defer-close-in-loop',
              'a new rules file opens each rule file inside the loading loop and defers its close, so every rule '
              'file stays open until all are loaded', 'new'),
             (0, 'go-ok-00-caddy-waf-new-rules',
              'clean: a new rules file that reads each rule file in its own function and logs only the matches '
              'the severity setting asks for', 'new'),
         ])
