"""Round-124 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- TMO-02 / ERR-01: PostGIS source of a vector tile server (tilenol)
TILENOLPG = template('tilenol-postgis-source', r'''
// PostGISSource serves the features of one layer from a PostGIS table. Each tile request runs one query; the
// request's context is passed down so that a tile the map client gave up on (panning, zooming) stops its query.
type PostGISSource struct {
    db           *sql.DB
    Layer        string
    Table        string
    GeomColumn   string
    QueryTimeout time.Duration
}

// ErrRequestCanceled is returned when the client went away before the tile was built; the handler answers it
// without logging a server error.
var ErrRequestCanceled = errors.New("postgis: tile request canceled")

// GetFeatures returns the features of the layer inside the tile's bounds.
func (p *PostGISSource) GetFeatures(ctx context.Context, req *TileRequest) (*geojson.FeatureCollection, error) {
    query, args := p.buildQuery(req)
02|    queryCtx, cancel := context.WithTimeout(ctx, p.QueryTimeout)
02|    defer cancel()
02|    rows, err := p.db.QueryContext(queryCtx, query, args...)
1|    rows, err := p.db.Query(query, args...) //@TMO-02
    if err != nil {
        if errors.Is(ctx.Err(), context.Canceled) {
            return nil, ErrRequestCanceled
        }
        return nil, fmt.Errorf("querying layer %s: %w", p.Layer, err)
    }
    defer rows.Close()

    fc := geojson.NewFeatureCollection()
    for rows.Next() {
        var id int64
        var geomWKB []byte
        var props []byte
        if err := rows.Scan(&id, &geomWKB, &props); err != nil { //@{2}ERR-01
01|            return nil, fmt.Errorf("scanning feature of layer %s: %w", p.Layer, err)
2|            continue
        }
        geom, err := wkb.Unmarshal(geomWKB)
        if err != nil {
            return nil, fmt.Errorf("decoding geometry of feature %d: %w", id, err)
        }
        feature := geojson.NewFeature(geom)
        feature.ID = id
        if err := json.Unmarshal(props, &feature.Properties); err != nil {
            return nil, fmt.Errorf("decoding properties of feature %d: %w", id, err)
        }
        fc.Append(feature)
    }
    if err := rows.Err(); err != nil {
        return nil, fmt.Errorf("reading layer %s: %w", p.Layer, err)
    }
    return fc, nil
}

func (p *PostGISSource) buildQuery(req *TileRequest) (string, []interface{}) {
    bounds := req.MercatorBounds()
    query := fmt.Sprintf(`SELECT id, ST_AsBinary(ST_Transform(%s, 4326)), to_jsonb(t) - '%s'
        FROM %s t WHERE %s && ST_MakeEnvelope($1, $2, $3, $4, 3857)`,
        p.GeomColumn, p.GeomColumn, p.Table, p.GeomColumn)
    return query, []interface{}{bounds.Min[0], bounds.Min[1], bounds.Max[0], bounds.Max[1]}
}
''')
_TN = ['context', 'database/sql', 'encoding/json', 'errors', 'fmt', 'time', '',
       'github.com/paulmach/orb/encoding/wkb', 'github.com/paulmach/orb/geojson']
cases_of(case, GH + 'StationA/tilenol/issues/42', 'source/postgis.go', G('source', _TN)(TILENOLPG), [
    (1, 'go-00-tilenol-postgis-query-without-request-context',
     'an edit runs the layer query without the tile request\'s context, so a query the map client abandoned keeps '
     'running on the database', 'edit'),
    (2, 'go-00-tilenol-postgis-scan-error-skipped',
     'an edit skips a row whose columns fail to scan, serving a tile with features silently missing', 'edit'),
    (0, 'go-ok-00-tilenol-postgis-query-with-request-context',
     'clean: the fix runs the query on the request\'s context with a query timeout', 'fix'),
])


# ---------------------------------------------------------------- TMO-01 / RES-04: Google geocoder of a geo library (golang-geo)
GEOGOOGLE = template('golang-geo-google-geocoder', r'''
// GoogleGeocoder geocodes addresses with the Google Maps geocoding API. Callers on platforms with their own HTTP
// stack (App Engine's urlfetch, a proxy) set HttpClient; everyone else shares one client with a timeout.
type GoogleGeocoder struct {
    HttpClient *http.Client
    APIKey     string
}

02|var defaultGoogleClient = &http.Client{Timeout: 10 * time.Second}
1|var defaultGoogleClient = &http.Client{} //@TMO-01

var googleGeocodeURL = "https://maps.googleapis.com/maps/api/geocode/json"

func (g *GoogleGeocoder) client() *http.Client {
    if g.HttpClient != nil {
        return g.HttpClient
    }
01|    return defaultGoogleClient
2|    return &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 4}} //@RES-04
}

type googleGeocodeResponse struct {
    Status  string `json:"status"`
    Results []struct {
        Geometry struct {
            Location struct {
                Lat float64 `json:"lat"`
                Lng float64 `json:"lng"`
            } `json:"location"`
        } `json:"geometry"`
    } `json:"results"`
}

// GeocodeContext returns the point of the first result for address.
func (g *GoogleGeocoder) GeocodeContext(ctx context.Context, address string) (*Point, error) {
    params := url.Values{"address": {address}}
    if g.APIKey != "" {
        params.Set("key", g.APIKey)
    }
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, googleGeocodeURL+"?"+params.Encode(), nil)
    if err != nil {
        return nil, err
    }
    resp, err := g.client().Do(req)
    if err != nil {
        return nil, fmt.Errorf("geocoding %q: %w", address, err)
    }
    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return nil, fmt.Errorf("geocoding %q: google answered %s", address, resp.Status)
    }

    var body googleGeocodeResponse
    if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
        return nil, fmt.Errorf("decoding geocode response for %q: %w", address, err)
    }
    if body.Status != "OK" || len(body.Results) == 0 {
        return nil, fmt.Errorf("geocoding %q: status %s", address, body.Status)
    }
    loc := body.Results[0].Geometry.Location
    return &Point{lat: loc.Lat, lng: loc.Lng}, nil
}
''')
_GG = ['context', 'encoding/json', 'fmt', 'net/http', 'net/url', 'time']
cases_of(case, GH + 'kellydunn/golang-geo/pull/29', 'google_geocoder.go', G('geo', _GG)(GEOGOOGLE), [
    (1, 'go-00-golang-geo-google-client-without-timeout',
     'an edit shares a default HTTP client without a timeout, so a geocoding call to a stalled API never returns',
     'edit'),
    (2, 'go-00-golang-geo-google-client-per-call',
     'an edit builds a new HTTP client and transport for every geocoding call instead of sharing one', 'edit'),
    (0, 'go-ok-00-golang-geo-google-shared-client-with-timeout',
     'clean: the fix shares one client with a timeout and lets the caller replace it', 'fix'),
])


# ---------------------------------------------------------------- RES-02 / LOG-02: geocoding request of a small geocoding package (nf/geocode)
NFGEOCODE = template('nf-geocode-lookup', r'''
// Request is a geocoding or reverse geocoding request to a Nominatim or Google provider.
type Request struct {
    Address  string
    Location *Point
    Provider string

    // HTTPClient, when set, is used instead of the package client (App Engine, tests).
    HTTPClient *http.Client
    // Debug logs every request URL.
    Debug bool
}

var packageClient = &http.Client{Timeout: 15 * time.Second}

func (r *Request) client() *http.Client {
    if r.HTTPClient != nil {
        return r.HTTPClient
    }
    return packageClient
}

// LookupContext sends the request and decodes the provider's answer.
func (r *Request) LookupContext(ctx context.Context) (*Response, error) {
    u, err := r.url()
    if err != nil {
        return nil, err
    }
    if r.Debug {
01|        log.Printf("geocode: requesting %s", u)
2|        log.Println("geocode: requesting " + u.String()) //@LOG-02
    }
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
    if err != nil {
        return nil, err
    }
    resp, err := r.client().Do(req)
    if err != nil { //@{1}RES-02
        return nil, err
    }
02|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
1|        resp.Body.Close()
        return nil, fmt.Errorf("geocode: %s answered %s", r.Provider, resp.Status)
    }

    var g Response
    if err := json.NewDecoder(resp.Body).Decode(&g); err != nil {
        return nil, fmt.Errorf("geocode: decoding %s answer: %w", r.Provider, err)
    }
    if g.Status != "" && g.Status != "OK" {
        return nil, fmt.Errorf("geocode: %s status %s", r.Provider, g.Status)
    }
    return &g, nil
}

func (r *Request) url() (*url.URL, error) {
    base, ok := providerURLs[r.Provider]
    if !ok {
        return nil, fmt.Errorf("geocode: unknown provider %q", r.Provider)
    }
    u, err := url.Parse(base)
    if err != nil {
        return nil, err
    }
    q := u.Query()
    if r.Location != nil {
        q.Set("latlng", r.Location.String())
    } else {
        q.Set("address", r.Address)
    }
    u.RawQuery = q.Encode()
    return u, nil
}
''')
_NF = ['context', 'encoding/json', 'fmt', 'log', 'net/http', 'net/url', 'time']
cases_of(case, GH + 'nf/geocode/pull/5', 'geocode.go', G('geocode', _NF)(NFGEOCODE), [
    (1, 'go-00-nf-geocode-body-closed-on-error-status-only',
     'an edit closes the response body only when the provider answers an error status, leaking every successful '
     'lookup\'s connection', 'edit'),
    (2, 'go-00-nf-geocode-debug-url-concatenated',
     'an edit builds the debug log line by concatenating the request URL', 'edit'),
    (0, 'go-ok-00-nf-geocode-body-closed-after-error-check',
     'clean: the fix defers the close right after the error check, on every status', 'fix'),
])


# ---------------------------------------------------------------- OPS-01 / CONC-03: parallel BGZF reader of an HTS library (biogo/hts), test file beside the fix
HTSBGZF = template('hts-bgzf-reader-close', r'''
// Reader decompresses a BGZF stream with a pool of decoder goroutines that read blocks ahead of the caller.
type Reader struct {
    r         io.ReaderAt
    mu        sync.Mutex
    next      int64
    err       error
    blocks    chan *Block
    done      chan struct{}
    closeOnce sync.Once
    wg        sync.WaitGroup
}

// NewReader starts rd decoders over r.
func NewReader(r io.ReaderAt, rd int) *Reader {
    bg := &Reader{r: r, blocks: make(chan *Block, rd), done: make(chan struct{})}
    for i := 0; i < rd; i++ {
        bg.wg.Add(1)
        go bg.decode()
    }
    return bg
}

func (bg *Reader) decode() {
    defer bg.wg.Done()
    defer func() {
        if p := recover(); p != nil {
            bg.setErr(fmt.Errorf("bgzf: decoder panic: %v", p))
        }
    }()
    for {
        off, err := bg.nextBlock()
        if err != nil {
            bg.setErr(err)
            return
        }
        blk, err := readBlock(bg.r, off)
        if err != nil {
            bg.setErr(err)
            return
        }
        select {
        case bg.blocks <- blk:
        case <-bg.done:
            return
        }
    }
}

// nextBlock claims the offset of the next block for one decoder.
func (bg *Reader) nextBlock() (int64, error) {
01|    bg.mu.Lock()
01|    defer bg.mu.Unlock()
    off := bg.next //@{2}CONC-03
    size, err := blockSize(bg.r, off)
    if err != nil {
        return 0, err
    }
    bg.next = off + size
    return off, nil
}

func (bg *Reader) setErr(err error) {
    bg.mu.Lock()
    defer bg.mu.Unlock()
    if bg.err == nil && !errors.Is(err, io.EOF) {
        bg.err = err
    }
}

// Close stops the decoders and waits until none of them still reads from the underlying file, so the caller may
// close that file as soon as Close returns.
func (bg *Reader) Close() error {
    bg.closeOnce.Do(func() { close(bg.done) }) //@{1}OPS-01
02|    bg.wg.Wait()
    bg.mu.Lock()
    defer bg.mu.Unlock()
    return bg.err
}
''')
HTSBGZFTEST = r'''package bgzf

import (
	"os"
	"testing"
)

// TestCloseWaitsForDecoders closes the file right after the reader: with decoders still reading, the race detector
// (go test -race) reports the file's use after Close.
func TestCloseWaitsForDecoders(t *testing.T) {
	for i := 0; i < 50; i++ {
		f, err := os.Open("testdata/reads.bam")
		if err != nil {
			t.Fatal(err)
		}
		bg := NewReader(f, 4)
		if err := bg.Close(); err != nil {
			t.Fatalf("close: %v", err)
		}
		if err := f.Close(); err != nil {
			t.Fatalf("closing file: %v", err)
		}
	}
}
'''
_HTS = ['errors', 'fmt', 'io', 'sync']
cases_of(case, GH + 'biogo/hts/issues/96', 'bgzf/reader.go', G('bgzf', _HTS)(HTSBGZF), [
    (1, 'go-00-hts-bgzf-close-returns-before-decoders-stop',
     'an edit lets Close return as soon as it signals the decoders, while they may still read the file the caller '
     'closes next', 'edit'),
    (2, 'go-00-hts-bgzf-next-block-claimed-unlocked',
     'an edit claims the next block offset without the reader\'s lock, so two decoders can take the same block',
     'edit'),
    (0, 'go-ok-00-hts-bgzf-close-waits-for-decoders',
     'clean: the fix waits for every decoder in Close and adds a race test beside it', 'fix',
     [f('bgzf/reader_close_test.go', new=HTSBGZFTEST)]),
])


# ---------------------------------------------------------------- TMO-02 / CONC-02: PBF decoder of an OSM library (osmpbf)
OSMPBF = template('osmpbf-decoder-start', r'''
// Decoder reads an OSM PBF file and decodes its blobs on n goroutines. Start takes the caller's context: cancelling
// it stops the reader and the decoders, so a caller that stops calling Decode leaves no goroutine behind.
type Decoder struct {
    r       io.Reader
    cancel  context.CancelFunc
    jobs    chan blobJob
    results chan decodedBlob
    errMu   sync.Mutex
    err     error
}

// Start begins decoding on n goroutines.
func (dec *Decoder) Start(ctx context.Context, n int) error {
    if n < 1 {
        n = 1
    }
02|    ctx, dec.cancel = context.WithCancel(ctx)
1|    ctx, dec.cancel = context.WithCancel(context.Background()) //@TMO-02
    dec.jobs = make(chan blobJob, n*2)
    dec.results = make(chan decodedBlob, n*2)
02|    for i := 0; i < n; i++ {
02|        go dec.decodeLoop(ctx)
02|    }
    go dec.readLoop(ctx)
    return nil
}

// Stop cancels reading and decoding.
func (dec *Decoder) Stop() {
    if dec.cancel != nil {
        dec.cancel()
    }
}

func (dec *Decoder) readLoop(ctx context.Context) {
    defer dec.recoverInto("reader")
    defer close(dec.jobs)
    for seq := 0; ; seq++ {
        blob, err := readBlob(dec.r)
        if err != nil {
            if !errors.Is(err, io.EOF) {
                dec.setErr(err)
            }
            return
        }
02|        select {
02|        case dec.jobs <- blobJob{seq: seq, blob: blob}:
02|        case <-ctx.Done():
02|            return
02|        }
2|        go dec.decodeBlob(ctx, blobJob{seq: seq, blob: blob}) //@CONC-02
    }
}

02|func (dec *Decoder) decodeLoop(ctx context.Context) {
02|    defer dec.recoverInto("decoder")
02|    for job := range dec.jobs {
02|        dec.decodeBlob(ctx, job)
02|    }
02|}
02|
func (dec *Decoder) decodeBlob(ctx context.Context, job blobJob) {
2|    defer dec.recoverInto("decoder")
    objs, err := decodePrimitiveBlock(job.blob)
    if err != nil {
        dec.setErr(fmt.Errorf("osmpbf: blob %d: %w", job.seq, err))
        return
    }
    select {
    case dec.results <- decodedBlob{seq: job.seq, objs: objs}:
    case <-ctx.Done():
    }
}

func (dec *Decoder) recoverInto(who string) {
    if p := recover(); p != nil {
        dec.setErr(fmt.Errorf("osmpbf: %s panic: %v", who, p))
    }
}

func (dec *Decoder) setErr(err error) {
    dec.errMu.Lock()
    defer dec.errMu.Unlock()
    if dec.err == nil {
        dec.err = err
    }
}
''')
_OP = ['context', 'errors', 'fmt', 'io', 'sync']
cases_of(case, GH + 'qedus/osmpbf/issues/25', 'decode.go', G('osmpbf', _OP)(OSMPBF), [
    (1, 'go-00-osmpbf-decoder-detached-from-caller-context',
     'an edit starts the decoder on a background context, so a caller that cancels its context leaves the reader '
     'and decoders running', 'edit'),
    (2, 'go-00-osmpbf-goroutine-per-blob',
     'an edit replaces the bounded decoder pool with a goroutine per blob, so a fast reader piles up decoders without '
     'back-pressure', 'edit'),
    (0, 'go-ok-00-osmpbf-decoder-on-caller-context',
     'clean: the fix derives the decoder\'s context from the caller\'s and keeps a fixed decoder pool', 'fix'),
])


# ---------------------------------------------------------------- TIME-01 / LOG-01: mains frequency measurement of a grid monitoring provider (defluxio), CRLF file
DEFLUXIO = template('defluxio-measurement', r'''
// Measurement is one reading of the mains frequency, sent to the defluxio server. Timestamps are UTC so that
// meters in different time zones (and the server) agree on when a reading was taken.
type Measurement struct {
    MeterID   string  `json:"meter_id"`
    Timestamp string  `json:"timestamp"`
    Frequency float64 `json:"frequency"`
}

// Submitter posts the readings of one meter; the meter produces one reading a second.
type Submitter struct {
    MeterID string
    URL     string
    Client  *http.Client
    Logger  *log.Logger
    sent    uint64
}

// Submit sends one reading.
func (s *Submitter) Submit(ctx context.Context, frequency float64) error {
    m := Measurement{
        MeterID:   s.MeterID,
02|        Timestamp: time.Now().UTC().Format(time.RFC3339Nano),
1|        Timestamp: time.Now().Format("2006-01-02 15:04:05.000"), //@TIME-01
        Frequency: frequency,
    }
    body, err := json.Marshal(m)
    if err != nil {
        return err
    }
    req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.URL, bytes.NewReader(body))
    if err != nil {
        return err
    }
    req.Header.Set("Content-Type", "application/json")
    resp, err := s.Client.Do(req)
    if err != nil {
        return fmt.Errorf("submitting reading of meter %s: %w", s.MeterID, err)
    }
    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return fmt.Errorf("submitting reading of meter %s: server answered %s", s.MeterID, resp.Status)
    }
    s.sent++
2|    s.Logger.Printf("meter %s: submitted %.4f Hz (%d readings)", s.MeterID, frequency, s.sent) //@LOG-01
01|    if s.sent%3600 == 0 {
01|        s.Logger.Printf("meter %s: %d readings submitted", s.MeterID, s.sent)
01|    }
    return nil
}
''')
_DF = ['bytes', 'context', 'encoding/json', 'fmt', 'log', 'net/http', 'time']
cases_of(case, GH + 'netzsinus/defluxio-software/issues/17', 'provider/submit.go', G('provider', _DF)(DEFLUXIO), [
    (1, 'go-00-defluxio-reading-stamped-in-local-time',
     'an edit stamps each reading with the meter\'s local wall clock and no zone, so meters in CET and the UTC server '
     'disagree on when it was taken', 'edit'),
    (2, 'go-00-defluxio-logs-every-reading',
     'an edit logs a line for every reading the meter submits, once a second per meter', 'edit'),
    (0, 'go-ok-00-defluxio-reading-stamped-in-utc',
     'clean: the fix stamps readings in UTC with RFC 3339 and logs a summary once an hour', 'fix'),
], crlf=True)


# ---------------------------------------------------------------- RES-01 / ERR-01: BAM statistics of a sequence toolkit (seqkit), renamed file
SEQKITBAM = template('seqkit-bam-stats', r'''
// bamStats reads one BAM file and counts its mapped, unmapped and secondary records.
func bamStats(file string, threads int) (*bamStatRecord, error) {
    f, err := os.Open(file) //@{1}RES-01
    checkError(err)
02|    defer f.Close()

    r, err := bam.NewReader(f, threads)
    if err != nil {
        return nil, fmt.Errorf("opening BAM %s: %w", file, err)
    }
    defer r.Close()

    st := &bamStatRecord{File: file}
    for {
        rec, err := r.Read()
        if err == io.EOF {
            break
        }
        if err != nil { //@{2}ERR-01
01|            return nil, fmt.Errorf("reading %s after %d records: %w", file, st.Total, err)
2|            continue
        }
        st.Total++
        switch {
        case rec.Flags&sam.Unmapped != 0:
            st.Unmapped++
        case rec.Flags&sam.Secondary != 0:
            st.Secondary++
        default:
            st.Mapped++
        }
    }
    return st, nil
}

type bamStatRecord struct {
    File      string
    Total     int64
    Mapped    int64
    Unmapped  int64
    Secondary int64
}
''')
_SK = ['fmt', 'io', 'os', '', 'github.com/biogo/hts/bam', 'github.com/biogo/hts/sam']
cases_of(case, GH + 'shenwei356/seqkit/pull/585', 'seqkit/cmd/bam_stats.go', G('cmd', _SK)(SEQKITBAM), [
    (1, 'go-00-seqkit-renamed-bam-stats-file-left-open',
     'a move of the BAM statistics into their own file drops the close of the opened BAM file, one descriptor per '
     'file of a batch', 'rename'),
    (2, 'go-00-seqkit-renamed-bam-stats-read-error-skipped',
     'a move of the BAM statistics skips records that fail to decode, reporting counts of a truncated file as '
     'complete', 'rename'),
    (0, 'go-ok-00-seqkit-renamed-bam-stats',
     'clean: the move, with the function renamed after its file; the file is closed and read errors end the count',
     'rename'),
], rename_from='seqkit/cmd/bam_toolbox_stats.go',
   rename_old=lambda t: t.replace('func bamStats(', 'func toolboxBamStats(').replace('// bamStats reads', '// toolboxBamStats reads'))


# ---------------------------------------------------------------- TMO-01 / RES-03: tile fetcher of a static map renderer (go-staticmaps)
STATICMAPS = template('staticmaps-tile-fetcher', r'''
// TileFetcher downloads the map tiles of a static map. Tile servers such as OpenStreetMap's require an identifying
// User-Agent and block anonymous clients.
type TileFetcher struct {
    tileProvider *TileProvider
    userAgent    string
    client       *http.Client
}

// NewTileFetcher returns a fetcher with one shared HTTP client.
func NewTileFetcher(tileProvider *TileProvider) *TileFetcher {
    return &TileFetcher{
        tileProvider: tileProvider,
        userAgent:    "Mozilla/5.0+(compatible; go-staticmaps/0.1; https://github.com/flopp/go-staticmaps)",
02|        client:       &http.Client{Timeout: 30 * time.Second},
1|        client:       &http.Client{}, //@TMO-01
    }
}

// SetUserAgent overrides the User-Agent sent to the tile server.
func (t *TileFetcher) SetUserAgent(a string) {
    t.userAgent = a
}

// FetchAll downloads every tile of the list; the tiles of one map are fetched one after the other.
func (t *TileFetcher) FetchAll(ctx context.Context, tiles []*Tile) error {
    for _, tile := range tiles {
01|        img, err := t.fetch(ctx, tile)
01|        if err != nil {
01|            return err
01|        }
01|        tile.Img = img
2|        req, err := t.request(ctx, tile)
2|        if err != nil {
2|            return err
2|        }
2|        resp, err := t.client.Do(req)
2|        if err != nil {
2|            return fmt.Errorf("fetching tile %d/%d/%d: %w", tile.Zoom, tile.X, tile.Y, err)
2|        }
2|        defer resp.Body.Close() //@RES-03
2|        if resp.StatusCode != http.StatusOK {
2|            return fmt.Errorf("tile %d/%d/%d: server answered %s", tile.Zoom, tile.X, tile.Y, resp.Status)
2|        }
2|        if tile.Img, _, err = image.Decode(resp.Body); err != nil {
2|            return fmt.Errorf("decoding tile %d/%d/%d: %w", tile.Zoom, tile.X, tile.Y, err)
2|        }
    }
    return nil
}

01|// fetch downloads one tile and closes its response before the next tile is requested.
01|func (t *TileFetcher) fetch(ctx context.Context, tile *Tile) (image.Image, error) {
01|    req, err := t.request(ctx, tile)
01|    if err != nil {
01|        return nil, err
01|    }
01|    resp, err := t.client.Do(req)
01|    if err != nil {
01|        return nil, fmt.Errorf("fetching tile %d/%d/%d: %w", tile.Zoom, tile.X, tile.Y, err)
01|    }
01|    defer resp.Body.Close()
01|    if resp.StatusCode != http.StatusOK {
01|        return nil, fmt.Errorf("tile %d/%d/%d: server answered %s", tile.Zoom, tile.X, tile.Y, resp.Status)
01|    }
01|    img, _, err := image.Decode(resp.Body)
01|    if err != nil {
01|        return nil, fmt.Errorf("decoding tile %d/%d/%d: %w", tile.Zoom, tile.X, tile.Y, err)
01|    }
01|    return img, nil
01|}
01|
func (t *TileFetcher) request(ctx context.Context, tile *Tile) (*http.Request, error) {
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, t.tileProvider.getURL(tile.X, tile.Y, tile.Zoom), nil)
    if err != nil {
        return nil, err
    }
    req.Header.Set("User-Agent", t.userAgent)
    return req, nil
}
''')
_SM = ['context', 'fmt', 'image', 'net/http', 'time', '', '_ "image/jpeg"', '_ "image/png"']
cases_of(case, GH + 'flopp/go-staticmaps/pull/25', 'tile_fetcher.go', G('sm', _SM)(STATICMAPS), [
    (1, 'go-00-staticmaps-tile-client-without-timeout',
     'an edit fetches tiles with an HTTP client without a timeout, so one stalled tile server hangs the map render',
     'edit'),
    (2, 'go-00-staticmaps-tile-bodies-closed-after-loop',
     'an edit inlines the tile download into the loop and defers each body\'s close there, keeping every tile\'s '
     'connection open until the whole map is fetched', 'edit'),
    (0, 'go-ok-00-staticmaps-tile-client-with-timeout',
     'clean: the fix gives the shared client a timeout; each tile is fetched and closed in its own helper', 'fix'),
])


# ---------------------------------------------------------------- RES-02 / TMO-03: database download with retries of a GeoIP updater (geoipupdate), new file
GEOIPUPDATE = template('geoipupdate-http-client', r'''
// Client downloads GeoIP databases. Transient failures (network errors, 5xx answers) are retried with backoff;
// expected errors (an invalid license key, an unknown edition: 4xx answers) are returned at once.
type Client struct {
    httpClient     *http.Client
    baseURL        string
    accountID      int
    licenseKey     string
    maxAttempts    int
    requestTimeout time.Duration
}

// NewClient returns a client whose transport bounds the connection and the wait for response headers; the body of
// a database download is read by the caller, so the client sets no overall timeout.
func NewClient(baseURL string, accountID int, licenseKey string) *Client {
    return &Client{
        httpClient: &http.Client{Transport: &http.Transport{
            Proxy:                 http.ProxyFromEnvironment,
            DialContext:           (&net.Dialer{Timeout: 30 * time.Second}).DialContext,
            TLSHandshakeTimeout:   30 * time.Second,
            ResponseHeaderTimeout: time.Minute,
        }},
        baseURL:        baseURL,
        accountID:      accountID,
        licenseKey:     licenseKey,
        maxAttempts:    5,
        requestTimeout: time.Minute,
    }
}

// HTTPError is an answer the server gave with a status other than 200.
type HTTPError struct {
    Status int
    Body   string
}

func (e *HTTPError) Error() string {
    return fmt.Sprintf("geoipupdate: server answered %d: %s", e.Status, e.Body)
}

// Download returns the body of the edition's database; the caller closes it.
func (c *Client) Download(ctx context.Context, editionID string) (io.ReadCloser, error) {
    var lastErr error
    for attempt := 0; attempt < c.maxAttempts; attempt++ {
        if attempt > 0 {
            select {
            case <-ctx.Done():
                return nil, ctx.Err()
            case <-time.After(time.Duration(1<<attempt) * time.Second):
            }
        }
        req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.baseURL+"/geoip/databases/"+editionID+"/download", nil)
        if err != nil {
            return nil, err
        }
        req.SetBasicAuth(strconv.Itoa(c.accountID), c.licenseKey)
        resp, err := c.httpClient.Do(req) //@{1}RES-02
        if err != nil {
            lastErr = err
            continue
        }
        if resp.StatusCode == http.StatusOK {
            return resp.Body, nil
        }
        msg, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
02|        resp.Body.Close()
        lastErr = &HTTPError{Status: resp.StatusCode, Body: string(msg)}
        if resp.StatusCode < 500 {
            return nil, lastErr
        }
    }
    return nil, fmt.Errorf("downloading %s after %d attempts: %w", editionID, c.maxAttempts, lastErr)
}

// LatestMD5 asks for the MD5 of the edition's current database, to skip a download when nothing changed.
func (c *Client) LatestMD5(ctx context.Context, editionID string) (string, error) {
01|    reqCtx, cancel := context.WithTimeout(ctx, c.requestTimeout)
01|    defer cancel()
2|    reqCtx, _ := context.WithTimeout(ctx, c.requestTimeout) //@TMO-03
    req, err := http.NewRequestWithContext(reqCtx, http.MethodGet, c.baseURL+"/geoip/updates/metadata?edition_id="+editionID, nil)
    if err != nil {
        return "", err
    }
    req.SetBasicAuth(strconv.Itoa(c.accountID), c.licenseKey)
    resp, err := c.httpClient.Do(req)
    if err != nil {
        return "", err
    }
    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        msg, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
        return "", &HTTPError{Status: resp.StatusCode, Body: string(msg)}
    }
    var meta struct {
        Databases []struct {
            MD5 string `json:"md5"`
        } `json:"databases"`
    }
    if err := json.NewDecoder(resp.Body).Decode(&meta); err != nil {
        return "", fmt.Errorf("decoding metadata of %s: %w", editionID, err)
    }
    if len(meta.Databases) == 0 {
        return "", fmt.Errorf("no metadata for edition %s", editionID)
    }
    return meta.Databases[0].MD5, nil
}
''')
_GU = ['context', 'encoding/json', 'fmt', 'io', 'net', 'net/http', 'strconv', 'time']
cases_of(case, GH + 'maxmind/geoipupdate/pull/131', 'pkg/geoipupdate/client.go', G('geoipupdate', _GU)(GEOIPUPDATE), [
    (1, 'go-00-geoipupdate-new-client-retries-without-closing',
     'a new download client retries a failed answer without closing its body, leaking a connection per retry',
     'new'),
    (2, 'go-00-geoipupdate-new-client-metadata-cancel-dropped',
     'a new download client discards the cancel of the metadata request\'s timeout context', 'new'),
    (0, 'go-ok-00-geoipupdate-new-client',
     'clean: a new download client that closes every answer it retries and cancels its request contexts', 'new'),
])


# ---------------------------------------------------------------- ERR-01 / CONC-01: BAM record reader with read-ahead of a bioinformatics library (biogo)
BIOGOBAM = template('biogo-bam-record-reader', r'''
// Reader reads BAM records. A read-ahead goroutine decodes the next records while the caller handles the current
// one; a record whose sequence ends early is an error, never a short record.
type Reader struct {
    br    *bufio.Reader
    ahead chan result
    stop  chan struct{}
}

type result struct {
    rec *Record
    err error
}

// NewReader starts reading ahead from r.
func NewReader(r io.Reader, ahead int) *Reader {
    br := &Reader{br: bufio.NewReader(r), ahead: make(chan result, ahead), stop: make(chan struct{})}
01|    go br.safeReadAhead()
2|    go func() { //@CONC-01
2|        defer close(br.ahead)
2|        br.readAhead()
2|    }()
    return br
}

01|// safeReadAhead reads ahead until the end or an error; a panic while decoding (a malformed record) becomes the
01|// reader's error instead of crashing the process.
01|func (r *Reader) safeReadAhead() {
01|    defer close(r.ahead)
01|    defer func() {
01|        if p := recover(); p != nil {
01|            r.send(result{err: fmt.Errorf("bam: read-ahead panic: %v", p)})
01|        }
01|    }()
01|    r.readAhead()
01|}
01|
func (r *Reader) readAhead() {
    for {
        rec, err := r.readRecord()
        if !r.send(result{rec: rec, err: err}) || err != nil {
            return
        }
    }
}

func (r *Reader) send(res result) bool {
    select {
    case r.ahead <- res:
        return true
    case <-r.stop:
        return false
    }
}

// Read returns the next record, or io.EOF after the last one.
func (r *Reader) Read() (*Record, error) {
    res, ok := <-r.ahead
    if !ok {
        return nil, io.EOF
    }
    return res.rec, res.err
}

func (r *Reader) readRecord() (*Record, error) {
    var size int32
    if err := binary.Read(r.br, binary.LittleEndian, &size); err != nil {
        return nil, err
    }
    buf := make([]byte, size)
    n, err := io.ReadFull(r.br, buf)
    if err != nil { //@{1}ERR-01
02|        return nil, fmt.Errorf("bam: truncated record: read %d of %d bytes: %w", n, size, err)
1|        return nil, nil
    }
    return decodeRecord(buf)
}

// Close stops reading ahead.
func (r *Reader) Close() {
    close(r.stop)
}
''')
_BB = ['bufio', 'encoding/binary', 'fmt', 'io']
cases_of(case, GH + 'biogo/biogo/issues/3', 'io/seqio/bam/reader.go', G('bam', _BB)(BIOGOBAM), [
    (1, 'go-00-biogo-bam-truncated-record-dropped',
     'an edit returns no record and no error when a record is cut short, so a truncated file reads as one that ended',
     'edit'),
    (2, 'go-00-biogo-bam-read-ahead-without-recover',
     'an edit drops the recover of the read-ahead goroutine, so a malformed record panics the whole process', 'edit'),
    (0, 'go-ok-00-biogo-bam-truncated-record-reported',
     'clean: the fix reports a short read as a truncated record; the read-ahead goroutine recovers', 'fix'),
])
