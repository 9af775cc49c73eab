"""Round-86 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- CONC-01 / ERR-01: element walk of a DICOM library (dicom), new file
DICOMWALK = template('dicom-element-stream', r'''
// ElementStream hands every element of a parsed dataset to the caller over a channel, the elements of sequence items
// included, depth first. The walk stops as soon as ctx is done, so a caller that gives up on the first bad element no
// longer leaves the feeding goroutine blocked on its next send.
func ElementStream(ctx context.Context, ds *Dataset) <-chan *Element {
    out := make(chan *Element)
    go func() { //@{1}CONC-01
02|        defer func() {
02|            if r := recover(); r != nil {
02|                log.Printf("dicom: element walk stopped: %v", r)
02|            }
02|        }()
        defer close(out)
        for _, elem := range ds.Elements {
            if !sendElement(ctx, out, elem) {
                return
            }
        }
    }()
    return out
}

// sendElement sends elem and, for a sequence, the elements of each of its items. It reports false once ctx is done.
func sendElement(ctx context.Context, out chan<- *Element, elem *Element) bool {
    select {
    case out <- elem:
    case <-ctx.Done():
        return false
    }
    if elem.Value.ValueType() != Sequences {
        return true
    }
    for _, item := range elem.Value.GetValue().([]*SequenceItemValue) {
        for _, child := range item.elements {
            if !sendElement(ctx, out, child) {
                return false
            }
        }
    }
    return true
}

// InspectFile parses the file at path and calls inspect on each of its elements until inspect fails; the walk
// behind the channel ends with this call.
func InspectFile(ctx context.Context, path string, inspect func(*Element) error) error {
    ctx, cancel := context.WithCancel(ctx)
    defer cancel()

01|    ds, err := ParseFile(path, nil)
01|    if err != nil {
01|        return fmt.Errorf("parse %s: %w", path, err)
01|    }
2|    ds, _ := ParseFile(path, nil) //@ERR-01
    for elem := range ElementStream(ctx, &ds) {
        if err := inspect(elem); err != nil {
            return err
        }
    }
    return nil
}
''')
cases_of(case, GH + 'suyashkumar/dicom/issues/183', 'element_stream.go',
         GV('dicom', {0: ['context', 'fmt', 'log'], 1: ['context', 'fmt'], 2: ['context', 'log']})(DICOMWALK), [
             (1, 'go-00-dicom-new-element-stream-goroutine-without-recover',
              'a new element walk feeds its channel from a goroutine without a recover, so a malformed sequence item '
              'that panics while being walked takes down the whole archive service that inspects the upload', 'new'),
             (2, 'go-00-dicom-new-element-stream-parse-error-dropped',
              'a new file inspection drops the error of parsing the file, so an unreadable upload is walked as an '
              'empty dataset and passes every check', 'new'),
             (0, 'go-ok-00-dicom-new-element-stream',
              'clean: a new element walk that recovers in its feeding goroutine, stops with the context and reports '
              'parse errors', 'new'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-02: FHIR REST client (go-fhir)
GOFHIR = template('go-fhir-client', r'''
const defaultTimeout = 30 * time.Second

// Client talks to one FHIR server with a bearer token.
type Client struct {
    baseURL    string
    token      string
    httpClient *http.Client
}

// NewClient returns a client for the FHIR server at baseURL. Requests go through the proxy named by the environment,
// as most hospital networks require.
func NewClient(baseURL, token string) *Client {
    transport := http.DefaultTransport.(*http.Transport).Clone()
    transport.Proxy = http.ProxyFromEnvironment
    return &Client{
        baseURL:    strings.TrimSuffix(baseURL, "/"),
        token:      token,
02|        httpClient: &http.Client{Transport: transport, Timeout: defaultTimeout},
1|        httpClient: &http.Client{Transport: transport}, //@TMO-01
    }
}

// SetTimeout bounds every later request of the client, reading the answer included.
func (c *Client) SetTimeout(timeout time.Duration) {
    c.httpClient.Timeout = timeout
}

// Search runs a search on one resource type and decodes the bundle of the first page.
func (c *Client) Search(ctx context.Context, resourceType string, params url.Values) (*Bundle, error) {
    endpoint := c.baseURL + "/" + resourceType + "?" + params.Encode()
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, endpoint, nil)
    if err != nil {
        return nil, err
    }
    req.Header.Set("Accept", "application/fhir+json")
    req.Header.Set("Authorization", "Bearer "+c.token)

    resp, err := c.httpClient.Do(req)
    if err != nil { //@{2}RES-02
        return nil, err
    }
01|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return nil, fmt.Errorf("search %s: %s", resourceType, resp.Status)
    }
2|    defer resp.Body.Close()

    var bundle Bundle
    if err := json.NewDecoder(resp.Body).Decode(&bundle); err != nil {
        return nil, fmt.Errorf("decode %s bundle: %w", resourceType, err)
    }
    return &bundle, nil
}
''')
cases_of(case, GH + 'Squirrel-Entreprise/go-fhir/pull/4', 'client.go',
         G('fhir', ['context', 'encoding/json', 'fmt', 'net/http', 'net/url', 'strings', 'time'])(GOFHIR), [
             (1, 'go-00-go-fhir-client-without-timeout',
              'an edit builds the FHIR client without a timeout while moving it onto a proxy-aware transport, so a '
              'FHIR server that stops answering hangs every search of the caller for good', 'edit'),
             (2, 'go-00-go-fhir-search-body-not-closed-on-error-status',
              'an edit closes the search response only after the status check, so every failed search (an expired '
              'token answers 401) keeps its connection open', 'edit'),
             (0, 'go-ok-00-go-fhir-client-with-timeout',
              'clean: the fix gives the client its default timeout back', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-03 / RES-04: DICOMweb client (gonetdicom)
GONETDICOM = template('gonetdicom-dicomweb-client', r'''
// Client queries and retrieves studies from one DICOMweb server. Many PACS only accept clients that present the
// hospital's certificate, hence the TLS configuration.
type Client struct {
    baseURL         string
    http            *http.Client
    queryTimeout    time.Duration
    retrieveTimeout time.Duration
}

// NewClient returns a client for the DICOMweb server at baseURL.
func NewClient(baseURL string, tlsConfig *tls.Config, queryTimeout, retrieveTimeout time.Duration) *Client {
    return &Client{
        baseURL:         baseURL,
        http:            &http.Client{Transport: &http.Transport{TLSClientConfig: tlsConfig}, Timeout: retrieveTimeout},
        queryTimeout:    queryTimeout,
        retrieveTimeout: retrieveTimeout,
    }
}

// QueryStudies runs a QIDO-RS search for studies; a search is bounded by the query timeout, much shorter than the
// one a retrieval gets.
func (c *Client) QueryStudies(ctx context.Context, params url.Values) ([]map[string]Attribute, error) {
02|    ctx, cancel := context.WithTimeout(ctx, c.queryTimeout)
02|    defer cancel()
1|    ctx, _ = context.WithTimeout(ctx, c.queryTimeout) //@TMO-03
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.baseURL+"/studies?"+params.Encode(), nil)
    if err != nil {
        return nil, err
    }
    req.Header.Set("Accept", "application/dicom+json")
    resp, err := c.http.Do(req)
    if err != nil {
        return nil, err
    }
    defer resp.Body.Close()
    if resp.StatusCode == http.StatusNoContent {
        return nil, nil
    }
    if resp.StatusCode != http.StatusOK {
        return nil, fmt.Errorf("qido-rs: %s", resp.Status)
    }
    var studies []map[string]Attribute
    if err := json.NewDecoder(resp.Body).Decode(&studies); err != nil {
        return nil, fmt.Errorf("decode studies: %w", err)
    }
    return studies, nil
}

// RetrieveInstance fetches one instance as a multipart stream; the caller closes it.
func (c *Client) RetrieveInstance(ctx context.Context, study, series, instance string) (io.ReadCloser, error) {
    endpoint := fmt.Sprintf("%s/studies/%s/series/%s/instances/%s", c.baseURL, study, series, instance)
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, endpoint, nil)
    if err != nil {
        return nil, err
    }
    req.Header.Set("Accept", `multipart/related; type="application/dicom"`)
01|    resp, err := c.http.Do(req)
2|    transport := &http.Transport{TLSClientConfig: c.http.Transport.(*http.Transport).TLSClientConfig}
2|    retrieveClient := &http.Client{Transport: transport, Timeout: c.retrieveTimeout} //@RES-04
2|    resp, err := retrieveClient.Do(req)
    if err != nil {
        return nil, err
    }
    if resp.StatusCode != http.StatusOK {
        resp.Body.Close()
        return nil, fmt.Errorf("wado-rs %s: %s", instance, resp.Status)
    }
    return resp.Body, nil
}
''')
cases_of(case, GH + 'rronan/gonetdicom/pull/7', 'dicomweb/client.go',
         G('dicomweb', ['context', 'crypto/tls', 'encoding/json', 'fmt', 'io', 'net/http', 'net/url', 'time'])(GONETDICOM), [
             (1, 'go-00-gonetdicom-query-timeout-cancel-discarded',
              'an edit bounds each study search with a timeout context whose cancel function is thrown away, so '
              'every search keeps its timer and context alive until the timeout fires', 'edit'),
             (2, 'go-00-gonetdicom-retrieve-client-per-instance',
              'an edit builds a new transport and client for every retrieved instance, so a series of a thousand '
              'slices makes a thousand TLS handshakes with the PACS and keeps none of the connections', 'edit'),
             (0, 'go-ok-00-gonetdicom-query-timeout-cancelled',
              'clean: the fix cancels the search\'s timeout context when the search returns', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / RES-01: DICOM objects read from a storage bucket (go-dicom)
GODICOM = template('go-dicom-bucket-reader', r'''
// Store reads the DICOM objects of a study from a Cloud Storage bucket.
type Store struct {
    bucket  *storage.BucketHandle
    retries int
}

// ReadStudy parses every object under the study's prefix. Reads from the bucket fail now and then with an I/O error;
// such an object is read again, up to the store's number of retries, instead of reaching the parser cut short.
func (s *Store) ReadStudy(ctx context.Context, prefix string) ([]*dicom.DataSet, error) {
    var datasets []*dicom.DataSet
    it := s.bucket.Objects(ctx, &storage.Query{Prefix: prefix})
    for {
        attrs, err := it.Next()
        if err == iterator.Done {
            break
        }
        if err != nil {
            return nil, fmt.Errorf("list %s: %w", prefix, err)
        }
        ds, err := s.readWithRetries(ctx, attrs.Name)
        if err != nil {
            return nil, err
        }
        datasets = append(datasets, ds)
    }
    return datasets, nil
}

func (s *Store) readWithRetries(ctx context.Context, name string) (*dicom.DataSet, error) {
    var lastErr error
    for attempt := 0; attempt <= s.retries; attempt++ {
        ds, err := s.readObject(ctx, name)
        if err == nil {
            return ds, nil
        }
        lastErr = err
    }
    return nil, lastErr
}

func (s *Store) readObject(ctx context.Context, name string) (*dicom.DataSet, error) {
    r, err := s.bucket.Object(name).NewReader(ctx)
    if err != nil { //@{2}RES-01
        return nil, fmt.Errorf("open %s: %w", name, err)
    }
01|    defer r.Close()
02|    data, err := io.ReadAll(r)
02|    if err != nil {
02|        return nil, fmt.Errorf("read %s: %w", name, err)
02|    }
1|    data, _ := io.ReadAll(r) //@ERR-01
    ds, err := dicom.ReadDataSetInBytes(data, dicom.ReadOptions{DropPixelData: true})
    if err != nil {
        return nil, fmt.Errorf("parse %s: %w", name, err)
    }
    return ds, nil
}
''')
cases_of(case, GH + 'grailbio/go-dicom/issues/15', 'store/bucket.go',
         G('store', ['context', 'fmt', 'io', '', 'cloud.google.com/go/storage', 'github.com/grailbio/go-dicom',
                     'google.golang.org/api/iterator'])(GODICOM), [
             (1, 'go-00-go-dicom-bucket-read-error-dropped',
              'an edit drops the error of reading an object from the bucket, so a read cut short by a storage I/O '
              'error reaches the parser as a truncated file and fails the whole study instead of being retried', 'edit'),
             (2, 'go-00-go-dicom-bucket-reader-never-closed',
              'an edit no longer closes the bucket reader of each object, so a study of thousands of objects keeps '
              'thousands of storage connections open until the reader is collected', 'edit'),
             (0, 'go-ok-00-go-dicom-bucket-read-error-checked',
              'clean: the fix returns the read error so that the object is read again', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / CONC-02: identification server of a format identification tool (siegfried)
SIEGFRIED = template('siegfried-identify-server', r'''
// identifyServer answers the identify requests of the HTTP mode. Requests are served concurrently, each on its own
// goroutine, and all of them count the formats they found in one table for the /stats page.
type identifyServer struct {
    sf      *siegfried.Siegfried
    workers int
    mu      sync.Mutex
    counts  map[string]int
}

func (s *identifyServer) record(ids []core.Identification) {
02|    s.mu.Lock()
02|    defer s.mu.Unlock()
    for _, id := range ids {
        s.counts[id.String()]++ //@{1}CONC-03
    }
}

type dirResult struct {
    path string
    ids  []core.Identification
    err  error
}

// identifyDir identifies every file under root and keeps the results in walk order.
func (s *identifyServer) identifyDir(root string) ([]dirResult, error) {
    paths, err := listFiles(root)
    if err != nil {
        return nil, err
    }
    results := make([]dirResult, len(paths))
    var wg sync.WaitGroup
01|    jobs := make(chan int)
01|    for w := 0; w < s.workers; w++ {
01|        wg.Add(1)
01|        go func() {
01|            defer wg.Done()
01|            for i := range jobs {
01|                results[i] = s.identifyFile(paths[i])
01|            }
01|        }()
01|    }
01|    for i := range paths {
01|        jobs <- i
01|    }
01|    close(jobs)
2|    for i := range paths {
2|        wg.Add(1)
2|        go func(i int) { //@CONC-02
2|            defer wg.Done()
2|            results[i] = s.identifyFile(paths[i])
2|        }(i)
2|    }
    wg.Wait()
    return results, nil
}

// identifyFile identifies one file; a panic of a matcher on a damaged file becomes that file's error.
func (s *identifyServer) identifyFile(path string) (res dirResult) {
    res.path = path
    defer func() {
        if r := recover(); r != nil {
            res.err = fmt.Errorf("identify %s: %v", path, r)
        }
    }()
    f, err := os.Open(path)
    if err != nil {
        res.err = err
        return res
    }
    defer f.Close()
    res.ids, res.err = s.sf.Identify(f, path, "")
    if res.err == nil {
        s.record(res.ids)
    }
    return res
}
''')
cases_of(case, GH + 'richardlehane/siegfried/issues/172', 'cmd/sf/server.go',
         G('main', ['fmt', 'os', 'sync', '', 'github.com/richardlehane/siegfried',
                    'github.com/richardlehane/siegfried/pkg/core'])(SIEGFRIED), [
             (1, 'go-00-siegfried-format-counts-written-without-lock',
              'an edit counts the identified formats without the server\'s lock, so two identify requests finishing '
              'at once crash the server with a concurrent map write in the middle of an archive\'s ingest', 'edit'),
             (2, 'go-00-siegfried-goroutine-per-file',
              'an edit identifies a directory with one goroutine per file instead of the configured workers, so a '
              'transfer of a hundred thousand files opens them all at once and the server runs out of descriptors',
              'edit'),
             (0, 'go-ok-00-siegfried-format-counts-locked',
              'clean: the fix counts the formats under the server\'s lock', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-01 / RES-03: C-STORE spool of a DICOM network library (go-netdicom), renamed file
NETDICOM = template('go-netdicom-spool', r'''
// receivedInstance is one SOP instance a C-STORE request brought in, kept in memory until the association ends.
type receivedInstance struct {
    sopClassUID    string
    sopInstanceUID string
    data           []byte
}

// spoolInstances writes the instances of one association to the spool directory, a file per SOP instance, before
// the provider reports the association's stores as done.
func (p *Provider) spoolInstances(assoc string, instances []receivedInstance) error {
    dir := filepath.Join(p.spoolDir, assoc)
    if err := os.MkdirAll(dir, 0o750); err != nil {
        return err
    }
    for _, inst := range instances {
        path := filepath.Join(dir, inst.sopInstanceUID+".dcm")
01|        if err := os.WriteFile(path, inst.data, 0o640); err != nil {
01|            return fmt.Errorf("spool %s: %w", inst.sopInstanceUID, err)
01|        }
1|        log.Printf("spooled %s (%s, %d bytes) for association %s", inst.sopInstanceUID, inst.sopClassUID, len(inst.data), assoc) //@LOG-01
2|        f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o640)
2|        if err != nil {
2|            return fmt.Errorf("spool %s: %w", inst.sopInstanceUID, err)
2|        }
2|        defer f.Close() //@RES-03
2|        if _, err := f.Write(inst.data); err != nil {
2|            return fmt.Errorf("spool %s: %w", inst.sopInstanceUID, err)
2|        }
2|        if err := f.Sync(); err != nil {
2|            return fmt.Errorf("sync %s: %w", inst.sopInstanceUID, err)
2|        }
    }
    return nil
}

// dropSpool removes what an aborted association left in the spool.
func (p *Provider) dropSpool(assoc string) error {
    return os.RemoveAll(filepath.Join(p.spoolDir, assoc))
}
''')
cases_of(case, GH + 'grailbio/go-netdicom/issues/1', 'spool.go',
         GV('netdicom', {0: ['fmt', 'os', 'path/filepath'], 1: ['fmt', 'log', 'os', 'path/filepath'],
                         2: ['fmt', 'os', 'path/filepath']})(NETDICOM), [
             (1, 'go-00-go-netdicom-renamed-spool-logs-every-instance',
              'a PR renames the C-STORE file and logs every spooled instance, so a CT study of two thousand slices '
              'writes two thousand log lines per association', 'rename'),
             (2, 'go-00-go-netdicom-renamed-spool-defer-close-in-loop',
              'a PR renames the C-STORE file and syncs each spooled instance with its close deferred inside the loop, '
              'so every file of the association stays open until the last instance is written', 'rename'),
             (0, 'go-ok-00-go-netdicom-renamed-spool',
              'clean: the rename alone; each instance is written in one call', 'rename'),
         ], rename_from='cstore.go')


# ---------------------------------------------------------------- ERR-01 / TX-02: claims export worker of a Medicare data API (bcda-app)
BCDA = template('bcda-worker-export', r'''
// writeBBDataToFile writes the Explanation of Benefit resources of each beneficiary of the job to w. A beneficiary
// whose Blue Button ID cannot be found is counted as failed and skipped: asking Blue Button for a patient with an
// empty ID fails anyway and only adds load on the API.
func writeBBDataToFile(ctx context.Context, bb client.APIClient, job *models.JobEnqueueArgs, beneficiaries []*models.CCLFBeneficiary, w *bufio.Writer) (int, error) {
    failed := 0
    for _, beneficiary := range beneficiaries {
02|        blueButtonID, err := bb.GetBlueButtonID(beneficiary.HICN)
02|        if err != nil {
02|            log.Errorf("job %d: no Blue Button ID for beneficiary %d: %s", job.ID, beneficiary.ID, err)
02|            failed++
02|            continue
02|        }
1|        blueButtonID, _ := bb.GetBlueButtonID(beneficiary.HICN) //@ERR-01
        data, err := bb.GetExplanationOfBenefit(blueButtonID, strconv.Itoa(job.ID), job.ACOID, job.Since)
        if err != nil {
            log.Errorf("job %d: explanation of benefit of beneficiary %d: %s", job.ID, beneficiary.ID, err)
            failed++
            continue
        }
        if err := fhirBundleToResourceNDJSON(w, data); err != nil {
            return failed, err
        }
    }
    return failed, w.Flush()
}

// recordJobKey stores the encryption key of a finished file and counts the file as done, both or neither.
func recordJobKey(ctx context.Context, db *sql.DB, jobID int, fileName string, encryptedKey []byte) error {
    tx, err := db.BeginTx(ctx, nil)
    if err != nil {
        return err
    }
    defer tx.Rollback()

    if _, err := tx.ExecContext(ctx, `INSERT INTO job_keys (job_id, file_name, encrypted_key) VALUES ($1, $2, $3)`,
        jobID, fileName, encryptedKey); err != nil {
        return err
    }
    if _, err := tx.ExecContext(ctx, `UPDATE jobs SET completed_job_count = completed_job_count + 1 WHERE id = $1`,
        jobID); err != nil {
        return err
    }
01|    return tx.Commit()
2|    tx.Commit() //@TX-02
2|    return nil
}
''')
cases_of(case, GH + 'CMSgov/bcda-app/pull/289', 'bcdaworker/main.go',
         G('main', ['bufio', 'context', 'database/sql', 'strconv', '', 'github.com/CMSgov/bcda-app/bcda/client',
                    'github.com/CMSgov/bcda-app/bcda/models', 'log github.com/sirupsen/logrus'])(BCDA), [
             (1, 'go-00-bcda-blue-button-id-error-dropped',
              'an edit drops the error of looking up a beneficiary\'s Blue Button ID, so the worker asks Blue Button '
              'for claims of an empty patient ID and the failure is never counted against the job', 'edit'),
             (2, 'go-00-bcda-job-key-commit-unchecked',
              'an edit commits a finished file\'s key without looking at the commit\'s result, so a failed commit '
              'reports the file as done while its key is lost and the ACO can never decrypt it', 'edit'),
             (0, 'go-ok-00-bcda-blue-button-id-checked',
              'clean: the fix skips and counts a beneficiary whose Blue Button ID cannot be found', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / CONC-03: packet decoding of a medical-device discovery tool (tapirx)
TAPIRX = template('tapirx-capture', r'''
// stats are the counters the -stats flag prints; every packet goroutine updates them.
type stats struct {
    mu       sync.Mutex
    panics   int
    lastSeen map[string]time.Time
}

func (st *stats) countPanic() {
    st.mu.Lock()
    defer st.mu.Unlock()
    st.panics++
}

func (st *stats) sawAsset(ip string, at time.Time) {
    st.mu.Lock()
    defer st.mu.Unlock()
    st.lastSeen[ip] = at
}

// capture decodes each packet in its own goroutine, so a slow HL7 or DICOM decode does not hold up the capture loop.
func capture(src *gopacket.PacketSource, decoders []Decoder, assets *AssetCSVWriter, st *stats) {
    for packet := range src.Packets() {
        packet := packet
        go func() { //@{1}CONC-01
02|            defer func() {
02|                if r := recover(); r != nil {
02|                    st.countPanic()
02|                    log.Printf("decoding packet of %v: %v", packet.NetworkLayer().NetworkFlow(), r)
02|                }
02|            }()
            handlePacket(packet, decoders, assets, st)
        }()
    }
}

func handlePacket(packet gopacket.Packet, decoders []Decoder, assets *AssetCSVWriter, st *stats) {
    app := packet.ApplicationLayer()
    if app == nil {
        return
    }
    for _, decoder := range decoders {
        asset, err := decoder.DecodePayload(app.Payload())
        if err != nil || asset == nil {
            continue
        }
        asset.IPv4Address = packet.NetworkLayer().NetworkFlow().Src().String()
01|        st.sawAsset(asset.IPv4Address, packet.Metadata().Timestamp)
2|        st.lastSeen[asset.IPv4Address] = packet.Metadata().Timestamp //@CONC-03
        assets.Append(asset)
        return
    }
}
''')
cases_of(case, GH + 'virtalabs/tapirx/issues/12', 'packet.go',
         GV('main', {0: ['log', 'sync', 'time', '', 'github.com/google/gopacket'],
                     1: ['sync', 'time', '', 'github.com/google/gopacket'],
                     2: ['log', 'sync', 'time', '', 'github.com/google/gopacket']})(TAPIRX), [
             (1, 'go-00-tapirx-packet-goroutine-without-recover',
              'an edit decodes each captured packet in a goroutine without a recover, so one malformed HL7 message on '
              'the hospital network panics and stops the whole device discovery', 'edit'),
             (2, 'go-00-tapirx-last-seen-written-without-lock',
              'an edit records when a device was last seen straight into the shared map, so two packet goroutines '
              'identifying devices at once crash the capture with a concurrent map write', 'edit'),
             (0, 'go-ok-00-tapirx-packet-goroutine-recovered',
              'clean: the fix recovers and counts a panic of a packet\'s decoding', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / TMO-02: export of published keys of an exposure notification server (exposure-notifications-server)
ENSERVER = template('exposure-notifications-iterate', r'''
// IterateExposures calls f for each exposure that matches the criteria, in key order. The export worker reads
// hundreds of thousands of keys this way within a batch's deadline.
func (db *PublishDB) IterateExposures(ctx context.Context, criteria IterateExposuresCriteria, f func(*model.Exposure) error) (string, error) {
    conn, err := db.db.Pool.Acquire(ctx)
    if err != nil {
        return "", fmt.Errorf("acquiring connection: %w", err)
    }
    defer conn.Release()

    query, args, err := generateExposureQuery(criteria)
    if err != nil {
        return "", fmt.Errorf("generating where: %w", err)
    }
01|    rows, err := conn.Query(ctx, query, args...)
2|    rows, err := conn.Query(context.Background(), query, args...) //@TMO-02
    if err != nil {
        return "", err
    }
    defer rows.Close()

    var lastKey string
    for rows.Next() {
        var exposure model.Exposure
        var encodedKey string
        if err := rows.Scan(&encodedKey, &exposure.TransmissionRisk, &exposure.AppPackageName, &exposure.Regions, //@{1}ERR-01
            &exposure.IntervalNumber, &exposure.IntervalCount, &exposure.CreatedAt, &exposure.LocalProvenance); err != nil {
02|            return lastKey, fmt.Errorf("failed to parse exposure: %w", err)
1|            continue
        }
        exposure.ExposureKey, err = base64util.DecodeString(encodedKey)
        if err != nil {
            return lastKey, fmt.Errorf("decoding exposure key: %w", err)
        }
        if err := f(&exposure); err != nil {
            return lastKey, err
        }
        lastKey = encodedKey
    }
    return "", rows.Err()
}
''')
cases_of(case, GH + 'google/exposure-notifications-server/pull/900', 'internal/publish/database/exposure.go',
         G('database', ['context', 'fmt', '', 'github.com/google/exposure-notifications-server/internal/base64util',
                        'github.com/google/exposure-notifications-server/internal/publish/model'])(ENSERVER), [
             (1, 'go-00-exposure-notifications-iterate-skips-unreadable-exposure',
              'an edit skips an exposure that fails to scan without a word, so a schema mismatch after a migration '
              'exports empty key files that look complete', 'edit'),
             (2, 'go-00-exposure-notifications-iterate-without-context',
              'an edit runs the exposure query on a background context, so an export batch past its deadline or '
              'stopped by the scheduler keeps reading keys from the database', 'edit'),
             (0, 'go-ok-00-exposure-notifications-iterate-scan-error-returned',
              'clean: the fix returns the scan error with the last key read', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-03 / LOG-01: maintenance-mode middleware of a verification server (exposure-notifications-verification-server), new file
ENVERIFY = template('verification-maintenance-middleware', r'''
// ProcessMaintenance refuses every request of a realm in maintenance mode with 429 and the maintenance page (or its
// JSON error for API calls), so that a health authority can rotate its keys while no codes are issued.
func ProcessMaintenance(h *render.Renderer, db *database.Database) mux.MiddlewareFunc {
    return func(next http.Handler) http.Handler {
        return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
            ctx := r.Context()
02|            logger := logging.FromContext(ctx).Named("middleware.ProcessMaintenance")

            realmID := controller.RealmIDFromContext(ctx)
            if realmID == 0 {
                next.ServeHTTP(w, r)
                return
            }
            realm, err := db.FindRealmCached(ctx, realmID)
            if err != nil {
02|                logger.Errorw("failed to load realm", "realm", realmID, "error", err)
1|                log.Printf("maintenance check: loading realm %d: %v", realmID, err) //@LOG-03
                controller.InternalError(w, r, h, err)
                return
            }
            if !realm.MaintenanceMode {
                next.ServeHTTP(w, r)
                return
            }

01|            stats.Record(ctx, mMaintenanceRefused.M(1))
2|            logger.Warnw("refusing request, realm in maintenance mode", "realm", realm.ID, "path", r.URL.Path) //@LOG-01
            w.Header().Set("Retry-After", "300")
            if controller.IsJSONContentType(r) {
                h.RenderJSON(w, http.StatusTooManyRequests, api.Errorf("realm is in maintenance mode").WithCode(api.ErrMaintenanceMode))
                return
            }
            h.RenderHTML(w, http.StatusTooManyRequests, "maintenance", map[string]interface{}{"realm": realm})
        })
    }
}
''')
ENVERIFY_IMPORTS = ['net/http', '', 'github.com/google/exposure-notifications-server/pkg/logging',
                    'github.com/google/exposure-notifications-verification-server/pkg/api',
                    'github.com/google/exposure-notifications-verification-server/pkg/controller',
                    'github.com/google/exposure-notifications-verification-server/pkg/database',
                    'github.com/google/exposure-notifications-verification-server/pkg/render',
                    'github.com/gorilla/mux', 'go.opencensus.io/stats']
cases_of(case, GH + 'google/exposure-notifications-verification-server/pull/2340',
         'pkg/controller/middleware/maintenance.go',
         GV('middleware', {0: ENVERIFY_IMPORTS,
                           1: ['log'] + [i for i in ENVERIFY_IMPORTS if not i.endswith('/pkg/logging')],
                           2: [i for i in ENVERIFY_IMPORTS if i != 'go.opencensus.io/stats']})(ENVERIFY), [
             (1, 'go-00-verification-new-maintenance-middleware-global-logger',
              'a new maintenance middleware logs a failed realm lookup with the process-wide logger, so the line '
              'carries no request id and cannot be tied to the request that failed', 'new'),
             (2, 'go-00-verification-new-maintenance-middleware-warns-every-request',
              'a new maintenance middleware writes a warning for every request it refuses, so a realm in maintenance '
              'under its normal app traffic floods the log with one line per phone', 'new'),
             (0, 'go-ok-00-verification-new-maintenance-middleware',
              'clean: a new maintenance middleware that counts refused requests in a metric and logs failures with '
              'the request\'s logger', 'new'),
         ])
