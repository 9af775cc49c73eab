"""Round-70 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- TMO-02 / TMO-03: vector tile handler of a map tile server (tegola)
TEGOLA = template('tegola-tile-handler', r'''
// HandleMapLayerZXY serves one vector tile of a map, or of one layer of it.
type HandleMapLayerZXY struct {
    mapName   string
    layerName string
    z, x, y   uint
    atlas     *Atlas
    timeout   time.Duration
}

// parseURI reads maps/{map}/{z}/{x}/{y}.pbf or maps/{map}/{layer}/{z}/{x}/{y}.pbf.
func (req *HandleMapLayerZXY) parseURI(r *http.Request) error {
    parts := strings.Split(strings.Trim(r.URL.Path, "/"), "/")
    if len(parts) != 5 && len(parts) != 6 {
        return fmt.Errorf("unexpected tile path %q", r.URL.Path)
    }
    req.mapName = parts[1]
    if len(parts) == 6 {
        req.layerName = parts[2]
    }
    n := len(parts)
    coords := []string{parts[n-3], parts[n-2], strings.TrimSuffix(parts[n-1], ".pbf")}
    var vals [3]uint
    for i, c := range coords {
        v, err := strconv.ParseUint(c, 10, 32)
        if err != nil {
            return fmt.Errorf("tile coordinate %q: %w", c, err)
        }
        vals[i] = uint(v)
    }
    req.z, req.x, req.y = vals[0], vals[1], vals[2]
    if req.z > 22 || req.x >= 1<<req.z || req.y >= 1<<req.z {
        return fmt.Errorf("tile %d/%d/%d is outside the grid", req.z, req.x, req.y)
    }
    return nil
}

// ServeHTTP builds the tile from the map's providers and writes it as a protobuf.
func (req HandleMapLayerZXY) ServeHTTP(w http.ResponseWriter, r *http.Request) {
    if err := req.parseURI(r); err != nil {
        http.Error(w, err.Error(), http.StatusBadRequest)
        return
    }
    m, err := req.atlas.Map(req.mapName)
    if err != nil {
        http.Error(w, err.Error(), http.StatusNotFound)
        return
    }
    if req.layerName != "" {
        m = m.FilterLayersByName(req.layerName)
    }
    tile := NewTile(req.z, req.x, req.y)

0|    ctx, cancel := context.WithTimeout(r.Context(), req.timeout)
0|    defer cancel()
2|    ctx, _ := context.WithTimeout(r.Context(), req.timeout) //@TMO-03
02|    pbyte, err := m.Encode(ctx, tile)
1|    pbyte, err := m.Encode(context.Background(), tile) //@TMO-02
    if err != nil {
        switch {
        case errors.Is(err, context.Canceled):
            // the client panned away before the tile was ready; nothing to write
            return
        case errors.Is(err, context.DeadlineExceeded):
            http.Error(w, "building the tile took too long", http.StatusGatewayTimeout)
            return
        default:
            log.Printf("map %s tile %d/%d/%d: %v", req.mapName, req.z, req.x, req.y, err)
            http.Error(w, "could not build the tile", http.StatusInternalServerError)
            return
        }
    }
    w.Header().Set("Content-Type", "application/vnd.mapbox-vector-tile")
    w.Header().Set("Content-Length", strconv.Itoa(len(pbyte)))
    w.WriteHeader(http.StatusOK)
    if _, err := w.Write(pbyte); err != nil {
        log.Printf("write tile %d/%d/%d: %v", req.z, req.x, req.y, err)
    }
}
''')
cases_of(case, GH + 'go-spatial/tegola/issues/111', 'server/handle_map_layer_zxy.go',
         G('server', ['context', 'errors', 'fmt', 'log', 'net/http', 'strconv', 'strings', 'time'])(TEGOLA), [
             (1, 'go-00-tegola-tile-built-on-background-context',
              'an edit builds the tile on a background context instead of the request\'s, so tiles the map client '
              'already panned away from are still rendered to the end and the handler\'s timeout no longer applies',
              'edit'),
             (2, 'go-00-tegola-tile-timeout-never-cancelled',
              'an edit bounds the tile build by a timeout but discards its cancel function, so every tile request '
              'leaves a timer and a context alive until the timeout passes', 'edit'),
             (0, 'go-ok-00-tegola-tile-on-request-context',
              'clean: the fix builds the tile on the request\'s context under a timeout that is cancelled', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / TMO-01: client of a FHIR server (gofhir)
GOFHIR = template('gofhir-connection', r'''
const defaultTimeout = 30 * time.Second

// Connection is a FHIR server endpoint and the credentials to reach it.
type Connection struct {
    BaseURL  string
    Username string
    Password string
    client   *http.Client
}

// New returns a connection to the FHIR server at baseurl.
func New(baseurl, username, password string) *Connection {
    return &Connection{
        BaseURL:  strings.TrimSuffix(baseurl, "/"),
        Username: username,
        Password: password,
01|        client:   &http.Client{Timeout: defaultTimeout},
2|        client:   &http.Client{}, //@TMO-01
    }
}

func (c *Connection) request(method, path string, body io.Reader) (*http.Request, error) {
    req, err := http.NewRequest(method, c.BaseURL+"/"+strings.TrimPrefix(path, "/"), body)
    if err != nil {
        return nil, err
    }
    req.Header.Set("Accept", "application/fhir+json")
    if body != nil {
        req.Header.Set("Content-Type", "application/fhir+json")
    }
    if c.Username != "" {
        req.SetBasicAuth(c.Username, c.Password)
    }
    return req, nil
}

// Query runs a search such as "Patient?family=smith" and returns the raw bundle.
func (c *Connection) Query(q string) ([]byte, error) {
    req, err := c.request(http.MethodGet, q, nil)
    if err != nil {
        return nil, err
    }
    resp, err := c.client.Do(req)
    if err != nil { //@{1}RES-02
        return nil, fmt.Errorf("fhir query %s: %w", q, err)
    }
02|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return nil, fmt.Errorf("fhir query %s: %s", q, resp.Status)
    }
    return io.ReadAll(resp.Body)
}

// GetPatient reads one Patient resource by its logical id.
func (c *Connection) GetPatient(id string) (*Patient, error) {
    b, err := c.Query("Patient/" + id)
    if err != nil {
        return nil, err
    }
    var p Patient
    if err := json.Unmarshal(b, &p); err != nil {
        return nil, fmt.Errorf("patient %s: %w", id, err)
    }
    return &p, nil
}

// Post creates a resource and returns the location the server assigned to it.
func (c *Connection) Post(resourceType string, resource []byte) (string, error) {
    req, err := c.request(http.MethodPost, resourceType, bytes.NewReader(resource))
    if err != nil {
        return "", err
    }
    resp, err := c.client.Do(req)
    if err != nil {
        return "", err
    }
    defer resp.Body.Close()
    if resp.StatusCode != http.StatusCreated {
        msg, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
        return "", fmt.Errorf("create %s: %s: %s", resourceType, resp.Status, msg)
    }
    return resp.Header.Get("Location"), nil
}
''')
cases_of(case, GH + 'dshills/gofhir/pull/1', 'connection.go',
         G('gofhir', ['bytes', 'encoding/json', 'fmt', 'io', 'net/http', 'strings', 'time'])(GOFHIR), [
             (1, 'go-00-gofhir-query-body-never-closed',
              'an edit reads the search bundle but drops the deferred close of the answer, so every query whose '
              'status is not 200 keeps its connection and the body of every other one is never released', 'edit'),
             (2, 'go-00-gofhir-client-without-timeout',
              'an edit builds the FHIR connection\'s http.Client without a timeout, so a server that accepts and '
              'never answers blocks the caller for good', 'edit'),
             (0, 'go-ok-00-gofhir-query-body-closed',
              'clean: the fix closes the query\'s answer by defer', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / RES-04: config server client of a distributed training library (KungFu)
KUNGFU = template('kungfu-config-client', r'''
// configClient asks the config server for the cluster of an elastic training job.
type configClient struct {
    url     string
    client  *http.Client
    retries int
}

func newConfigClient(url string) *configClient {
    return &configClient{url: url, client: &http.Client{Timeout: 10 * time.Second}, retries: 30}
}

// getCluster returns the cluster of the given version, waiting while the config server is not up yet.
func (cc *configClient) getCluster(ctx context.Context, version int) (*plan.Cluster, error) {
    u := fmt.Sprintf("%s?version=%d", cc.url, version)
    var lastErr error
    for i := 0; i < cc.retries; i++ {
        if i > 0 {
            select {
            case <-ctx.Done():
                return nil, ctx.Err()
            case <-time.After(time.Second):
            }
        }
        c, err := cc.tryOnce(ctx, u)
        if err != nil {
            lastErr = err
            continue
        }
        if c == nil {
            lastErr = errors.New("config server has no cluster of version " + strconv.Itoa(version))
            continue
        }
        return c, nil
    }
    return nil, fmt.Errorf("get cluster from %s after %d tries: %w", cc.url, cc.retries, lastErr)
}

func (cc *configClient) tryOnce(ctx context.Context, u string) (*plan.Cluster, error) {
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
    if err != nil {
        return nil, err
    }
01|    resp, err := cc.client.Do(req)
2|    client := &http.Client{Timeout: 10 * time.Second} //@RES-04
2|    resp, err := client.Do(req)
    if err != nil { //@{1}RES-02
        return nil, err
    }
02|    defer resp.Body.Close()
    return decodeCluster(resp)
}

func decodeCluster(resp *http.Response) (*plan.Cluster, error) {
    switch resp.StatusCode {
    case http.StatusOK:
    case http.StatusNotFound:
        return nil, nil
    default:
        return nil, fmt.Errorf("config server: %s", resp.Status)
    }
    var c plan.Cluster
    if err := json.NewDecoder(resp.Body).Decode(&c); err != nil {
        return nil, fmt.Errorf("decode cluster: %w", err)
    }
    return &c, nil
}
''')
cases_of(case, GH + 'lsds/KungFu/pull/283', 'srcs/go/kungfu/peer/config_client.go',
         G('peer', ['context', 'encoding/json', 'errors', 'fmt', 'net/http', 'strconv', 'time', '',
                    'github.com/lsds/KungFu/srcs/go/plan'])(KUNGFU), [
             (1, 'go-00-kungfu-config-answer-never-closed',
              'an edit drops the deferred close of the config server\'s answer, so every poll of an elastic job '
              'keeps one more connection open', 'edit'),
             (2, 'go-00-kungfu-config-client-per-try',
              'an edit builds a new http.Client on every try of the cluster poll instead of the shared one, so no '
              'connection is ever reused while a job waits for its config server', 'edit'),
             (0, 'go-ok-00-kungfu-config-answer-closed',
              'clean: the fix closes each answer by defer', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / TX-02: transaction bundles of a Go FHIR server (open-healthcare-prebuilt-services)
FHIRTX = template('fhir-server-go-transaction-bundle', r'''
// Processor applies transaction and batch bundles to the resource tables.
type Processor struct {
    db    *sql.DB
    store *ResourceStore
}

// ApplyTransaction applies every entry of a transaction bundle in one database transaction: all of them or none.
func (p *Processor) ApplyTransaction(ctx context.Context, b *Bundle) (*Bundle, error) {
    entries := orderByVerb(b.Entry)
    refs := newReferenceMap(entries)
    tx, err := p.db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelSerializable})
    if err != nil { //@{1}TX-01
        return nil, fmt.Errorf("begin transaction bundle: %w", err)
    }
02|    defer tx.Rollback() // a no-op once the transaction is committed
    out := &Bundle{ResourceType: "Bundle", Type: "transaction-response"}
    for i, e := range entries {
        if err := refs.resolve(e); err != nil {
            return nil, entryError(i, e, err)
        }
        res, err := p.store.Apply(ctx, tx, e)
        if err != nil {
            return nil, entryError(i, e, err)
        }
        refs.record(e, res)
        out.Entry = append(out.Entry, res.ResponseEntry())
    }
01|    if err := tx.Commit(); err != nil {
01|        return nil, fmt.Errorf("commit transaction bundle: %w", err)
01|    }
2|    tx.Commit() //@TX-02
    return out, nil
}

func entryError(i int, e BundleEntry, err error) error {
    return &OperationError{
        Status: statusOf(err),
        Detail: fmt.Sprintf("entry %d (%s %s): %v", i, e.Request.Method, e.Request.URL, err),
    }
}
''')
cases_of(case, GH + 'wso2/open-healthcare-prebuilt-services/pull/163', 'fhir-server-go/internal/bundle/transaction.go',
         G('bundle', ['context', 'database/sql', 'fmt'])(FHIRTX), [
             (1, 'go-00-fhir-server-go-transaction-not-rolled-back',
              'an edit drops the deferred rollback of a transaction bundle, so an entry that fails half way leaves '
              'its database transaction open with the rows already written and the connection held', 'edit'),
             (2, 'go-00-fhir-server-go-transaction-commit-unchecked',
              'an edit commits a transaction bundle without checking the error, so a bundle the database refused '
              'is answered as applied', 'edit'),
             (0, 'go-ok-00-fhir-server-go-transaction-rolled-back',
              'clean: the fix rolls the bundle\'s transaction back by defer on every path', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / CONC-01: parallel download of open-data update files (opensirene)
OPENSIRENE = template('opensirene-grabber', r'''
// Grabber downloads the monthly and daily SIRENE update files in parallel.
type Grabber struct {
    client  *http.Client
    dir     string
    workers int
    mu      sync.Mutex
    states  map[string]*FileState
}

// Grab downloads every file and returns the state of each, failed ones included.
func (g *Grabber) Grab(ctx context.Context, files []RemoteFile) map[string]*FileState {
    jobs := make(chan RemoteFile)
    var wg sync.WaitGroup
    for i := 0; i < g.workers; i++ {
        wg.Add(1)
        go func() { //@{2}CONC-01
            defer wg.Done()
01|            defer func() {
01|                if r := recover(); r != nil {
01|                    log.Printf("grabber: a download worker stopped: %v", r)
01|                }
01|            }()
            g.worker(ctx, jobs)
        }()
    }
    for _, f := range files {
        jobs <- f
    }
    close(jobs)
    wg.Wait()
    return g.snapshot()
}

func (g *Grabber) worker(ctx context.Context, jobs <-chan RemoteFile) {
    for rf := range jobs {
        st := &FileState{Name: rf.Name, Started: time.Now()}
        err := g.fetch(ctx, rf)
        st.Finished = time.Now()
        st.Err = err
        st.Done = err == nil
02|        g.mu.Lock()
        g.states[rf.Name] = st //@{1}CONC-03
02|        g.mu.Unlock()
        if err != nil {
            log.Printf("grabber: %s: %v", rf.Name, err)
        }
    }
}

func (g *Grabber) snapshot() map[string]*FileState {
    g.mu.Lock()
    defer g.mu.Unlock()
    out := make(map[string]*FileState, len(g.states))
    for k, v := range g.states {
        out[k] = v
    }
    return out
}

func (g *Grabber) fetch(ctx context.Context, rf RemoteFile) error {
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, rf.URL, nil)
    if err != nil {
        return err
    }
    resp, err := g.client.Do(req)
    if err != nil {
        return err
    }
    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return fmt.Errorf("download %s: %s", rf.URL, resp.Status)
    }
    out, err := os.Create(filepath.Join(g.dir, rf.Name))
    if err != nil {
        return err
    }
    if _, err := io.Copy(out, resp.Body); err != nil {
        out.Close()
        return err
    }
    return out.Close()
}
''')
cases_of(case, GH + 'jclebreton/opensirene/pull/21', 'download/grabber.go',
         G('download', ['context', 'fmt', 'io', 'log', 'net/http', 'os', 'path/filepath', 'sync', 'time'])(OPENSIRENE), [
             (1, 'go-00-opensirene-state-map-written-without-lock',
              'an edit records each file\'s state without the grabber\'s lock, so two download workers finishing '
              'together crash the import with concurrent map writes', 'edit'),
             (2, 'go-00-opensirene-worker-goroutine-without-recover',
              'an edit drops the recover of the download workers, so one file that panics the parser ends the '
              'whole import process', 'edit'),
             (0, 'go-ok-00-opensirene-state-map-under-lock',
              'clean: the fix records each state under the grabber\'s lock', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-01 / ERR-01: bulk indexing of a cultural-heritage metadata hub (hub3)
HUB3 = template('hub3-bulk-index', r'''
// BulkStats counts what one bulk request did.
type BulkStats struct {
    OrgID    string
    Received int
    Queued   int
    Removed  int
}

// indexRecords parses a bulk payload of records and queues each one for indexing or removal.
func (s *Service) indexRecords(ctx context.Context, orgID string, payload io.Reader) (*BulkStats, error) {
    stats := &BulkStats{OrgID: orgID}
    dec := json.NewDecoder(payload)
    for {
        var action bulkAction
        err := dec.Decode(&action)
        if errors.Is(err, io.EOF) {
            break
        }
        if err != nil {
            return stats, fmt.Errorf("decode bulk action %d: %w", stats.Received, err)
        }
        stats.Received++
1|        log.Printf("bulk %s: %s record %s of dataset %s", orgID, action.Action, action.HubID, action.Spec) //@LOG-01
        switch action.Action {
        case "index":
            item, err := action.toIndexItem(orgID)
            if err != nil {
                return stats, fmt.Errorf("record %s: %w", action.HubID, err)
            }
01|            if err := s.bi.Add(ctx, item); err != nil {
01|                return stats, fmt.Errorf("queue record %s: %w", action.HubID, err)
01|            }
2|            _ = s.bi.Add(ctx, item) //@ERR-01
            stats.Queued++
        case "remove":
            if err := s.removeRecord(ctx, orgID, action.HubID); err != nil {
                return stats, err
            }
            stats.Removed++
        default:
            return stats, fmt.Errorf("record %s: unknown bulk action %q", action.HubID, action.Action)
        }
    }
    log.Printf("bulk %s: %d records received, %d queued, %d removed", orgID, stats.Received, stats.Queued, stats.Removed)
    return stats, nil
}
''')
cases_of(case, GH + 'delving/hub3/pull/185', 'ikuzo/service/x/bulk/index.go',
         G('bulk', ['context', 'encoding/json', 'errors', 'fmt', 'io', 'log'])(HUB3), [
             (1, 'go-00-hub3-moved-bulk-index-logs-every-record',
              'a PR moves the bulk indexer into the service package and logs every record of a payload, so one '
              'dataset of a million records writes a million lines and floods the hub\'s log', 'rename'),
             (2, 'go-00-hub3-moved-bulk-index-queue-error-dropped',
              'a PR moves the bulk indexer into the service package and drops the error of queueing a record, so '
              'a full or closed indexer loses records while the request reports them queued', 'rename'),
             (0, 'go-ok-00-hub3-moved-bulk-index',
              'clean: the move alone; one summary line per request and every queueing error returned', 'rename'),
         ], rename_from='hub3/index/bulk.go')


# ---------------------------------------------------------------- RES-01 / RES-03: chunk files of a genomics toolkit's external sort (gonomics)
GONOMICS = template('gonomics-sort-chunks', r'''
// readHeader returns the header lines ("#" first) of a chunk file.
func readHeader(name string) ([]string, error) {
    f, err := os.Open(name)
    if err != nil { //@{1}RES-01
        return nil, err
    }
02|    defer f.Close()
    var header []string
    scanner := bufio.NewScanner(f)
    for scanner.Scan() {
        line := scanner.Text()
        if !strings.HasPrefix(line, "#") {
            break
        }
        header = append(header, line)
    }
    return header, scanner.Err()
}

// mergeChunks writes the header of the first chunk and the records of every chunk to out, removing each chunk
// once it is copied.
func mergeChunks(out io.Writer, names []string) error {
    if len(names) == 0 {
        return nil
    }
    header, err := readHeader(names[0])
    if err != nil {
        return err
    }
    for _, h := range header {
        if _, err := fmt.Fprintln(out, h); err != nil {
            return err
        }
    }
    for _, name := range names {
        f, err := os.Open(name)
        if err != nil {
            return err
        }
2|        defer f.Close() //@RES-03
        err = copyRecords(out, f)
01|        if cerr := f.Close(); err == nil {
01|            err = cerr
01|        }
        if err != nil {
            return fmt.Errorf("chunk %s: %w", name, err)
        }
        if err := os.Remove(name); err != nil {
            return err
        }
    }
    return nil
}

func copyRecords(out io.Writer, in io.Reader) error {
    scanner := bufio.NewScanner(in)
    scanner.Buffer(make([]byte, 64*1024), 16*1024*1024)
    for scanner.Scan() {
        line := scanner.Bytes()
        if len(line) == 0 || line[0] == '#' {
            continue
        }
        if _, err := out.Write(append(line, '\n')); err != nil {
            return err
        }
    }
    return scanner.Err()
}
''')
cases_of(case, GH + 'vertgenlab/gonomics/pull/485', 'vcf/sortchunks.go',
         G('vcf', ['bufio', 'fmt', 'io', 'os', 'strings'])(GONOMICS), [
             (1, 'go-00-gonomics-chunk-header-file-never-closed',
              'an edit reads the header of the first chunk without closing the file, so every external sort keeps '
              'a descriptor open and the chunk cannot be removed on Windows', 'edit'),
             (2, 'go-00-gonomics-merge-defers-close-in-loop',
              'an edit closes each chunk by a defer inside the merge loop, so every chunk stays open until the '
              'whole merge returns, removed while still open, and large sorts run out of descriptors', 'edit'),
             (0, 'go-ok-00-gonomics-chunk-header-file-closed',
              'clean: the fix closes the header\'s chunk file by defer', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / TIME-01: layer list cache of a PostGIS tile server (pg_tileserv)
TILESERV = template('pg-tileserv-layer-cache', r'''
// layerCache keeps the layer list read from the database catalog for a while, so that index requests do not query
// the catalog every time.
type layerCache struct {
    mu      sync.RWMutex
    ttl     time.Duration
    entries map[string]cachedLayers
}

type cachedLayers struct {
    layers  []Layer
    fetched time.Time
}

func newLayerCache(ttl time.Duration) *layerCache {
    return &layerCache{ttl: ttl, entries: make(map[string]cachedLayers)}
}

func (c *layerCache) get(key string) (cachedLayers, bool) {
    c.mu.RLock()
    defer c.mu.RUnlock()
    e, ok := c.entries[key]
    if !ok || time.Since(e.fetched) > c.ttl {
        return cachedLayers{}, false
    }
    return e, true
}

func (c *layerCache) put(key string, layers []Layer) cachedLayers {
    e := cachedLayers{layers: layers, fetched: time.Now()}
02|    c.mu.Lock()
02|    defer c.mu.Unlock()
    c.entries[key] = e //@{1}CONC-03
    return e
}

// serveLayerIndex answers the layer list of the database, from the cache while it is fresh.
func serveLayerIndex(cache *layerCache, load func(context.Context) ([]Layer, error)) http.HandlerFunc {
    return func(w http.ResponseWriter, r *http.Request) {
        key := r.URL.Query().Get("schema")
        e, ok := cache.get(key)
        if !ok {
            layers, err := load(r.Context())
            if err != nil {
                log.Printf("layer index: %v", err)
                http.Error(w, "could not read the layer catalog", http.StatusInternalServerError)
                return
            }
            e = cache.put(key, layers)
        }
        w.Header().Set("Content-Type", "application/json")
01|        w.Header().Set("Last-Modified", e.fetched.UTC().Format(http.TimeFormat))
2|        w.Header().Set("Last-Modified", e.fetched.Format(http.TimeFormat)) //@TIME-01
        w.Header().Set("Cache-Control", fmt.Sprintf("max-age=%d", int(cache.ttl.Seconds())))
        if err := json.NewEncoder(w).Encode(e.layers); err != nil {
            log.Printf("layer index: write: %v", err)
        }
    }
}
''')
cases_of(case, GH + 'CrunchyData/pg_tileserv/issues/89', 'layer_cache.go',
         G('main', ['context', 'encoding/json', 'fmt', 'log', 'net/http', 'sync', 'time'])(TILESERV), [
             (1, 'go-00-pg-tileserv-new-layer-cache-written-without-lock',
              'a new layer cache stores the catalog it read without taking its lock, so two index requests that '
              'miss the cache together crash the tile server with concurrent map writes', 'new'),
             (2, 'go-00-pg-tileserv-new-layer-cache-last-modified-in-local-time',
              'a new layer cache formats its Last-Modified header from a local time, so on a server outside UTC '
              'the header labelled GMT is hours off and caches keep stale layer lists', 'new'),
             (0, 'go-ok-00-pg-tileserv-new-layer-cache',
              'clean: a new layer cache written under its lock that formats its header in UTC', 'new'),
         ])


# ---------------------------------------------------------------- LOG-01 / CONC-01: judge daemon of a programming-contest system (D-judge)
DJUDGE = template('d-judge-daemon', r'''
// Run polls the contest server and judges every submission it hands out until ctx is done.
func (d *Daemon) Run(ctx context.Context) error {
    ticker := time.NewTicker(d.cfg.PollInterval)
    defer ticker.Stop()
    for {
        select {
        case <-ctx.Done():
            d.wg.Wait()
            return ctx.Err()
        case <-ticker.C:
        }
        sub, err := d.client.NextSubmission(ctx)
        if err != nil {
            d.pollErrors++
            if d.pollErrors%30 == 1 {
                log.Printf("judgedaemon: poll failed (%d in a row): %v", d.pollErrors, err)
            }
            continue
        }
        d.pollErrors = 0
1|        log.Printf("judgedaemon: polled %s, got %+v", d.cfg.Endpoint, sub) //@LOG-01
        if sub == nil {
            continue
        }
        select {
        case d.slots <- struct{}{}:
        case <-ctx.Done():
            continue
        }
        d.wg.Add(1)
01|        go d.judgeSafely(ctx, sub)
2|        go d.judge(ctx, sub) //@CONC-01
    }
}

01|// judgeSafely judges one submission and reports a panic of the judge as a system error of that submission.
01|func (d *Daemon) judgeSafely(ctx context.Context, sub *Submission) {
01|    defer func() {
01|        if r := recover(); r != nil {
01|            log.Printf("judgedaemon: judging submission %d panicked: %v", sub.ID, r)
01|            d.client.ReportSystemError(ctx, sub.ID, fmt.Sprint(r))
01|        }
01|    }()
01|    d.judge(ctx, sub)
01|}
01|
// judge compiles and runs one submission against its test cases and reports the verdict.
func (d *Daemon) judge(ctx context.Context, sub *Submission) {
    defer d.wg.Done()
    defer func() { <-d.slots }()
    box, err := d.sandbox.Prepare(ctx, sub)
    if err != nil {
        d.client.ReportSystemError(ctx, sub.ID, fmt.Sprintf("prepare sandbox: %v", err))
        return
    }
    defer box.Cleanup()
    verdict := box.Run(ctx, sub.Cases, d.cfg.TimeLimit)
    if err := d.client.ReportVerdict(ctx, sub.ID, verdict); err != nil {
        log.Printf("judgedaemon: report verdict of submission %d: %v", sub.ID, err)
    }
}
''')
cases_of(case, GH + 'VOID001/D-judge/issues/5', 'judge/daemon.go',
         G('judge', ['context', 'fmt', 'log', 'time'])(DJUDGE), [
             (1, 'go-00-d-judge-every-poll-logged',
              'an edit logs every poll of the contest server, so an idle judge writes a line per poll interval for '
              'the whole contest and fills the disk', 'edit'),
             (2, 'go-00-d-judge-submission-goroutine-without-recover',
              'an edit judges each submission on a bare goroutine and drops the recovering wrapper, so one '
              'submission that panics the sandbox ends the judge daemon for every contestant', 'edit'),
             (0, 'go-ok-00-d-judge-polls-quietly',
              'clean: the fix logs only repeated poll failures', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / ERR-01: range reads of cloud rasters for a GDAL binding (godal)
GODAL = template('godal-range-reader', r'''
// rangeReader reads byte ranges of one cloud object for GDAL's virtual file system.
type rangeReader struct {
    ctx    context.Context
    client *http.Client
    url    string
}

// Size returns the length of the object.
func (r *rangeReader) Size() (int64, error) {
    req, err := http.NewRequestWithContext(r.ctx, http.MethodHead, r.url, nil)
    if err != nil {
        return 0, err
    }
    resp, err := r.client.Do(req)
    if err != nil {
        return 0, err
    }
    resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return 0, fmt.Errorf("size of %s: %s", r.url, resp.Status)
    }
    return resp.ContentLength, nil
}

// ReadAt fetches len(p) bytes of the object starting at off.
func (r *rangeReader) ReadAt(p []byte, off int64) (int, error) {
    if len(p) == 0 {
        return 0, nil
    }
02|    req, err := http.NewRequestWithContext(r.ctx, http.MethodGet, r.url, nil)
1|    req, err := http.NewRequestWithContext(context.Background(), http.MethodGet, r.url, nil) //@TMO-02
    if err != nil {
        return 0, err
    }
    req.Header.Set("Range", fmt.Sprintf("bytes=%d-%d", off, off+int64(len(p))-1))
    resp, err := r.client.Do(req)
    if err != nil {
        return 0, err
    }
    defer resp.Body.Close()
    switch resp.StatusCode {
    case http.StatusPartialContent, http.StatusOK:
    case http.StatusRequestedRangeNotSatisfiable:
        return 0, io.EOF
    default:
        return 0, fmt.Errorf("range %d+%d of %s: %s", off, len(p), r.url, resp.Status)
    }
01|    n, err := io.ReadFull(resp.Body, p)
01|    if errors.Is(err, io.ErrUnexpectedEOF) {
01|        return n, io.EOF
01|    }
01|    return n, err
2|    n, _ := io.ReadFull(resp.Body, p) //@ERR-01
2|    return n, nil
}
''')
cases_of(case, GH + 'airbusgeo/godal/issues/57', 'osio/range_reader.go',
         GV('osio', {0: ['context', 'errors', 'fmt', 'io', 'net/http'], 1: ['context', 'errors', 'fmt', 'io', 'net/http'],
                     2: ['context', 'fmt', 'io', 'net/http']})(GODAL), [
             (1, 'go-00-godal-range-read-on-background-context',
              'an edit fetches each byte range on a background context instead of the reader\'s, so a tile request '
              'the map client cancelled still downloads every range of its raster', 'edit'),
             (2, 'go-00-godal-range-read-error-dropped',
              'an edit drops the error of reading a range\'s body, so a connection cut mid-range hands GDAL a short '
              'buffer as if it were complete and the tile is rendered from garbage', 'edit'),
             (0, 'go-ok-00-godal-range-read-on-reader-context',
              'clean: the fix fetches every range on the reader\'s context', 'fix'),
         ])
