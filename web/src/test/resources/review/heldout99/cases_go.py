"""Round-99 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- TMO-01 / RES-02: GTFS feed download of a transit data library (transitland-lib)
TLFETCH = template('transitland-feed-download', r'''
// HTTPFetcher downloads static GTFS archives and GTFS-RT messages for the fetch commands. One fetcher is shared by
// every worker of a fetch run, so its client carries the limits of the whole run.
type HTTPFetcher struct {
    client    *http.Client
    userAgent string
    maxSize   int64
}

// NewHTTPFetcher builds the fetcher a fetch run shares. Some agency hosts accept the connection and then send the
// archive at a few bytes a second; the run's timeout bounds each download as a whole.
func NewHTTPFetcher(timeout time.Duration, maxSize int64) *HTTPFetcher {
    transport := &http.Transport{
        Proxy:                 http.ProxyFromEnvironment,
        TLSHandshakeTimeout:   10 * time.Second,
        ResponseHeaderTimeout: 30 * time.Second,
        IdleConnTimeout:       90 * time.Second,
        MaxIdleConnsPerHost:   2,
    }
    return &HTTPFetcher{
02|        client:    &http.Client{Transport: transport, Timeout: timeout},
1|        client:    &http.Client{Transport: transport}, //@TMO-01
        userAgent: "transitland/" + tlversion.Tag,
        maxSize:   maxSize,
    }
}

// Download copies the body at address to w and returns what the fetch result records about it.
func (h *HTTPFetcher) Download(ctx context.Context, address string, w io.Writer) (FetchResponse, error) {
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, address, nil)
    if err != nil {
        return FetchResponse{}, fmt.Errorf("invalid url %q: %w", address, err)
    }
    req.Header.Set("User-Agent", h.userAgent)
    resp, err := h.client.Do(req)
    if err != nil { //@{2}RES-02
        return FetchResponse{}, fmt.Errorf("request failed: %w", err)
    }
01|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
2|        _ = resp.Body.Close() // error bodies are short; nothing to keep
        return FetchResponse{ResponseCode: resp.StatusCode}, fmt.Errorf("response status code: %d", resp.StatusCode)
    }
    sum := sha1.New()
    n, err := io.Copy(io.MultiWriter(w, sum), io.LimitReader(resp.Body, h.maxSize+1))
    if err != nil {
        return FetchResponse{ResponseCode: resp.StatusCode}, fmt.Errorf("reading response: %w", err)
    }
    if n > h.maxSize {
        return FetchResponse{ResponseCode: resp.StatusCode}, fmt.Errorf("response larger than %d bytes", h.maxSize)
    }
    return FetchResponse{
        ResponseCode: resp.StatusCode,
        ResponseSize: n,
        ResponseSHA1: hex.EncodeToString(sum.Sum(nil)),
    }, nil
}
''')
cases_of(case, GH + 'interline-io/transitland-lib/pull/329', 'request/http.go',
         G('request', ['context', 'crypto/sha1', 'encoding/hex', 'fmt', 'io', 'net/http', 'time', '',
                       'github.com/interline-io/transitland-lib/internal/tlversion'])(TLFETCH), [
             (1, 'go-00-transitland-fetcher-client-without-timeout',
              'an edit drops the overall timeout of the client every feed download shares, so an agency host that '
              'trickles an archive holds a fetch worker for as long as it likes', 'edit'),
             (2, 'go-00-transitland-download-body-closed-on-error-status-only',
              'an edit closes the download response only when the status is not 200, so every successful feed fetch '
              'leaves its body and connection open', 'edit'),
             (0, 'go-ok-00-transitland-fetcher-client-with-timeout',
              'clean: the fix gives the shared download client the run\'s overall timeout', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / TMO-03: offers call of a Google Flights client (google-flights-api)
FLIGHTS = template('google-flights-offers', r'''
const offersURL = "https://www.google.com/_/TravelFrontendUi/data/travel.frontend.flights.FlightsFrontendService/GetShoppingResults"

// GetOffers asks Google Flights for the offers of one itinerary and returns them with the price range Google
// reports. ctx is the caller's: a search page that gives up on the answer must not leave the call running.
func (s *Session) GetOffers(ctx context.Context, args Args) ([]FullOffer, *PriceRange, error) {
    if err := args.Validate(); err != nil {
        return nil, nil, err
    }
01|    ctx, cancel := context.WithTimeout(ctx, s.callTimeout)
01|    defer cancel()
2|    ctx, _ = context.WithTimeout(ctx, s.callTimeout) //@TMO-03
    if err := s.limiter.Wait(ctx); err != nil {
        return nil, nil, fmt.Errorf("waiting for the request budget: %w", err)
    }
    body, err := s.offersBody(args)
    if err != nil {
        return nil, nil, err
    }
02|    req, err := http.NewRequestWithContext(ctx, http.MethodPost, offersURL, bytes.NewReader(body))
1|    req, err := http.NewRequest(http.MethodPost, offersURL, bytes.NewReader(body)) //@TMO-02
    if err != nil {
        return nil, nil, err
    }
    req.Header.Set("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
    for _, c := range s.cookies {
        req.AddCookie(c)
    }
    resp, err := s.client.Do(req)
    if err != nil {
        return nil, nil, fmt.Errorf("offers request: %w", err)
    }
    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return nil, nil, fmt.Errorf("offers request: unexpected status %s", resp.Status)
    }
    raw, err := io.ReadAll(io.LimitReader(resp.Body, 8<<20))
    if err != nil {
        return nil, nil, fmt.Errorf("reading offers: %w", err)
    }
    return decodeOffers(raw, args.Currency)
}
''')
cases_of(case, GH + 'krisukox/google-flights-api/pull/24', 'flights/offers.go',
         G('flights', ['bytes', 'context', 'fmt', 'io', 'net/http'])(FLIGHTS), [
             (1, 'go-00-google-flights-new-offers-request-without-context',
              'a new offers call builds its request without the caller\'s context, so a search the user abandoned '
              'still waits on Google for as long as the client allows', 'new'),
             (2, 'go-00-google-flights-new-offers-timeout-cancel-discarded',
              'a new offers call derives a timeout context and throws its cancel away, so every call leaves a timer '
              'and a context alive until the timeout fires', 'new'),
             (0, 'go-ok-00-google-flights-new-offers',
              'clean: a new offers call bounded by the caller\'s context, with its timeout cancelled on return', 'new'),
         ])


# ---------------------------------------------------------------- OPS-01 / CONC-01: live aircraft map server of a flight tracker (airtrack), CRLF file
AIRTRACK = template('airtrack-aircraft-map', r'''
// AircraftMap serves the live map of the aircraft the tracker follows, from the projects' shared sightings.
type AircraftMap struct {
    cfg      *config.MapSettings
    projects []*Project
    server   *http.Server
    wg       sync.WaitGroup
}

// Serve starts the map server in the background; Stop ends it.
func (m *AircraftMap) Serve() error {
    mux := http.NewServeMux()
    mux.HandleFunc("/data/aircraft.json", m.aircraftJSON)
    mux.HandleFunc("/data/receiver.json", m.receiverJSON)
    mux.Handle("/", http.FileServer(http.FS(mapAssets)))
    m.server = &http.Server{
        Addr:              fmt.Sprintf("%s:%d", m.cfg.Interface, m.cfg.Port),
        Handler:           mux,
        ReadHeaderTimeout: 5 * time.Second,
    }
    m.wg.Add(1)
    go func() { //@{2}CONC-01
        defer m.wg.Done()
01|        defer func() {
01|            if r := recover(); r != nil {
01|                log.Errorf("aircraft map server stopped by a panic: %v\n%s", r, debug.Stack())
01|            }
01|        }()
        log.Infof("aircraft map listening on %s", m.server.Addr)
        if err := m.server.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
            log.Errorf("aircraft map server: %s", err)
        }
    }()
    return nil
}

// Stop stops accepting connections and lets the map requests in flight finish before it returns, so a restart
// of the tracker never cuts a browser off in the middle of a JSON document.
func (m *AircraftMap) Stop() error {
    if m.server == nil {
        return nil
    }
02|    ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
02|    defer cancel()
02|    err := m.server.Shutdown(ctx)
1|    err := m.server.Close() //@OPS-01
    m.wg.Wait()
    return err
}
''')
cases_of(case, GH + 'afk11/airtrack/pull/29', 'pkg/tracker/aircraft_map.go',
         GV('tracker', {0: ['context', 'errors', 'fmt', 'net/http', 'runtime/debug', 'sync', 'time', '',
                            'github.com/afk11/airtrack/pkg/config', 'github.com/sirupsen/logrus'],
                        1: ['errors', 'fmt', 'net/http', 'runtime/debug', 'sync', 'time', '',
                            'github.com/afk11/airtrack/pkg/config', 'github.com/sirupsen/logrus'],
                        2: ['context', 'errors', 'fmt', 'net/http', 'sync', 'time', '',
                            'github.com/afk11/airtrack/pkg/config', 'github.com/sirupsen/logrus']})(
             AIRTRACK.replace('log.', 'logrus.')), [
             (1, 'go-00-airtrack-map-stop-closes-without-drain',
              'an edit stops the aircraft map by closing its server, so the requests in flight are cut off instead '
              'of being allowed to finish', 'edit'),
             (2, 'go-00-airtrack-map-server-goroutine-without-recover',
              'an edit drops the recover of the map server goroutine, so a panic in a handler the server does not '
              'catch takes the whole tracker down', 'edit'),
             (0, 'go-ok-00-airtrack-map-stop-drains',
              'clean: the fix shuts the map server down and waits for the requests in flight', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-02 / RES-03: trip file download of a taxi data importer (pdk), renamed file
TAXI = template('pdk-taxi-fetch', r'''
// fetch downloads every trip file named on urls into m.Dir with m.Concurrency workers, and sends the path of each
// finished file on done. The host serves each month of yellow cab trips as one file of a few gigabytes and starts
// refusing clients that open more than a handful of downloads at once.
func (m *Main) fetch(urls <-chan string, done chan<- string) {
    var wg sync.WaitGroup
02|    for i := 0; i < m.Concurrency; i++ {
02|        wg.Add(1)
02|        go func() {
02|            defer wg.Done()
02|            for url := range urls {
02|                m.fetchWithRetry(url, done)
02|            }
02|        }()
02|    }
1|    for u := range urls {
1|        wg.Add(1)
1|        go func(u string) { //@CONC-02
1|            defer wg.Done()
1|            m.fetchWithRetry(u, done)
1|        }(u)
1|    }
    wg.Wait()
    close(done)
}

// combine appends the finished parts of one month, in order, to the file the importer reads.
func combine(parts []string, out io.Writer) error {
    for _, part := range parts {
        f, err := os.Open(part)
        if err != nil {
            return fmt.Errorf("opening part %s: %w", part, err)
        }
2|        defer f.Close() //@RES-03
        if _, err := io.Copy(out, f); err != nil {
01|            _ = f.Close()
            return fmt.Errorf("copying part %s: %w", part, err)
        }
01|        if err := f.Close(); err != nil {
01|            return fmt.Errorf("closing part %s: %w", part, err)
01|        }
    }
    return nil
}
''')
cases_of(case, GH + 'FeatureBaseDB/pdk/pull/20', 'usecase/taxi/fetch.go',
         G('taxi', ['fmt', 'io', 'os', 'sync'])(TAXI), [
             (1, 'go-00-pdk-renamed-taxi-fetch-goroutine-per-file',
              'a PR moves the taxi download code to its own file and starts a goroutine per trip file, so a year of '
              'months opens every download at once against a host that throttles parallel clients', 'rename'),
             (2, 'go-00-pdk-renamed-taxi-combine-defers-close-in-loop',
              'a PR moves the taxi download code to its own file and defers the close of each part it appends, so '
              'combining a month holds every part file open until the last one is copied', 'rename'),
             (0, 'go-ok-00-pdk-renamed-taxi-fetch',
              'clean: the move alone; a fixed number of download workers and each part closed once copied', 'rename'),
         ], rename_from='usecase/taxi/main_fetch.go')


# ---------------------------------------------------------------- CONC-03 / LOG-01: client sleep monitor of an ADS-B receiver (stratux)
STRATUX = template('stratux-sleep-monitor', r'''
var netMutex *sync.Mutex                   // Guards outSockets, dhcpLeases and pingResponse.
var pingResponse map[string]time.Time // Last time each client IP answered the UDP echo.

// sleepMonitor listens for the echo a client sends back, so that sendToAllConnectedClients can tell an iPad whose
// screen went off (and whose queue only grows) from one that is listening. It runs on its own goroutine; the
// traffic and ownship senders read pingResponse many times a second.
func sleepMonitor() {
    addr := net.UDPAddr{Port: 50503, IP: net.ParseIP("0.0.0.0")}
    conn, err := net.ListenUDP("udp", &addr)
    if err != nil {
        log.Printf("sleepMonitor(): error listening on port 50503: %s\n", err.Error())
        return
    }
    defer conn.Close()
    buf := make([]byte, 1024)
    for {
        _, from, err := conn.ReadFrom(buf)
        if err != nil {
            continue
        }
        ip := strings.Split(from.String(), ":")[0]
02|        netMutex.Lock()
        pingResponse[ip] = stratuxClock.Time //@{1}CONC-03
02|        netMutex.Unlock()
2|        log.Printf("sleepMonitor(): echo from %s at %s\n", ip, stratuxClock.Time.Format(time.RFC3339Nano)) //@LOG-01
    }
}

// isSleeping reports whether the client at ip has not answered the echo for longer than the grace period.
func isSleeping(ip string) bool {
    netMutex.Lock()
    last, ok := pingResponse[ip]
    netMutex.Unlock()
    return ok && stratuxClock.Since(last) > 5*time.Second
}
''')
cases_of(case, GH + 'cyoung/stratux/issues/568', 'main/network.go',
         G('main', ['log', 'net', 'strings', 'sync', 'time'])(STRATUX), [
             (1, 'go-00-stratux-ping-response-written-without-lock',
              'an edit records each client\'s echo without taking the network lock, so the listener writes the map '
              'while the senders read it and the receiver dies of a concurrent map access', 'edit'),
             (2, 'go-00-stratux-echo-logged-per-packet',
              'an edit logs every echo a client sends, so each connected tablet adds a log line per packet for the '
              'whole flight', 'edit'),
             (0, 'go-ok-00-stratux-ping-response-locked',
              'clean: the fix records each echo under the network lock', 'fix'),
         ])
