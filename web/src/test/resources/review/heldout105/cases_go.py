"""Round-105 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- CONC-03 / LOG-01: telemetry cache of a terminal UI for OpenTelemetry (otel-tui)
OTELTUI = template('oteltui-trace-cache', r'''
// SpanData is one received span with its resource and scope.
type SpanData struct {
    Span         *ptrace.Span
    ResourceSpan *ptrace.ResourceSpans
    ScopeSpans   *ptrace.ScopeSpans
}

// TraceCache indexes the spans the OTLP receiver has accepted, by trace and by span id. The receiver's goroutines write
// it for every export request while the TUI's draw loop reads it to render the trace list and the waterfall.
type TraceCache struct {
    mu            sync.RWMutex
    traceid2spans map[string][]*SpanData
    spanid2span   map[string]*SpanData
    svc2traceids  map[string][]string
}

func NewTraceCache() *TraceCache {
    return &TraceCache{
        traceid2spans: make(map[string][]*SpanData),
        spanid2span:   make(map[string]*SpanData),
        svc2traceids:  make(map[string][]string),
    }
}

// Ingest stores one exported batch. It runs on the receiver's goroutine for every export request, thousands of spans a
// second when a load test points its exporter at the TUI, so it has to stay cheap.
func (c *TraceCache) Ingest(sname string, batch []*SpanData) int {
    added := 0
    for _, data := range batch {
2|        log.Printf("received span %q (trace %s) from %s", data.Span.Name(), data.Span.TraceID(), sname) //@LOG-01
        if c.updateCache(sname, data) {
            added++
        }
    }
    return added
}

// updateCache adds one span and reports whether its trace is new to the cache.
func (c *TraceCache) updateCache(sname string, data *SpanData) bool {
02|    c.mu.Lock()
02|    defer c.mu.Unlock()
    traceID := data.Span.TraceID().String()
    _, known := c.traceid2spans[traceID]
    c.traceid2spans[traceID] = append(c.traceid2spans[traceID], data) //@{1}CONC-03
    c.spanid2span[data.Span.SpanID().String()] = data
    if !known {
        c.svc2traceids[sname] = append(c.svc2traceids[sname], traceID)
    }
    return !known
}

// GetSpansByTraceID returns the spans of one trace, in arrival order.
func (c *TraceCache) GetSpansByTraceID(traceID string) ([]*SpanData, bool) {
    c.mu.RLock()
    defer c.mu.RUnlock()
    spans, ok := c.traceid2spans[traceID]
    return spans, ok
}

// GetSpanByID returns one span for the details pane.
func (c *TraceCache) GetSpanByID(spanID string) (*SpanData, bool) {
    c.mu.RLock()
    defer c.mu.RUnlock()
    span, ok := c.spanid2span[spanID]
    return span, ok
}
''')
_OTEL = ['sync', '', 'go.opentelemetry.io/collector/pdata/ptrace']
cases_of(case, GH + 'ymtdzzz/otel-tui/pull/443', 'tuiexporter/internal/telemetry/cache.go',
         GV('telemetry', {0: _OTEL, 1: _OTEL, 2: ['log', 'sync', '', 'go.opentelemetry.io/collector/pdata/ptrace']})(OTELTUI), [
             (1, 'go-00-oteltui-trace-cache-written-without-lock',
              'an edit drops the write lock of the span cache, so the receiver goroutines append to the trace maps '
              'while the draw loop reads them and the TUI dies on a concurrent map write', 'edit'),
             (2, 'go-00-oteltui-log-line-per-received-span',
              'an edit logs every received span on the receiver goroutine, so a load test writes a log line per span '
              'and the log grows with the traffic', 'edit'),
             (0, 'go-ok-00-oteltui-trace-cache-written-under-lock',
              'clean: the fix takes the cache\'s write lock around the map updates', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-02: self-update of a Git hooks manager (lefthook)
LEFTHOOK = template('lefthook-self-update', r'''
const (
    latestReleaseURL = "https://api.github.com/repos/evilmartians/lefthook/releases/latest"
    // downloadTimeout bounds a whole download: a 10 MB binary over a slow connection needs minutes, not seconds.
    downloadTimeout = 10 * time.Minute
)

// Updater replaces the running lefthook binary with the latest release.
type Updater struct {
    client  *http.Client
    exePath string
}

func New(exePath string) *Updater {
    return &Updater{
02|        client:  &http.Client{Timeout: downloadTimeout},
1|        client:  &http.Client{}, //@TMO-01
        exePath: exePath,
    }
}

// SelfUpdate downloads the asset of the latest release next to the binary and swaps it in.
func (u *Updater) SelfUpdate(ctx context.Context, assetURL string) error {
    tmp := u.exePath + ".new"
    if err := u.download(ctx, assetURL, tmp); err != nil {
        _ = os.Remove(tmp)
        return fmt.Errorf("download update: %w", err)
    }
    if err := os.Rename(tmp, u.exePath); err != nil {
        return fmt.Errorf("replace %s: %w", u.exePath, err)
    }
    return nil
}

func (u *Updater) download(ctx context.Context, url, dest string) error {
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
    if err != nil {
        return err
    }
    req.Header.Set("Accept", "application/octet-stream")

    resp, err := u.client.Do(req)
    if err != nil { //@{2}RES-02
        return err
    }
01|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return fmt.Errorf("GET %s: %s", url, resp.Status)
    }

    file, err := os.OpenFile(dest, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o755)
    if err != nil {
        return err
    }
    if _, err := io.Copy(file, resp.Body); err != nil {
        _ = file.Close()
        return err
    }
2|    resp.Body.Close()
    return file.Close()
}
''')
cases_of(case, GH + 'evilmartians/lefthook/pull/849', 'internal/updater/updater.go',
         G('updater', ['context', 'fmt', 'io', 'net/http', 'os', 'time'])(LEFTHOOK), [
             (1, 'go-00-lefthook-update-client-without-timeout',
              'an edit builds the self-update client without a timeout, so a release download that stalls hangs '
              '`lefthook upgrade` forever', 'edit'),
             (2, 'go-00-lefthook-update-body-closed-after-copy-only',
              'an edit closes the download\'s response body only after a successful copy, so every failed status, '
              'open or copy leaves the connection and its body open', 'edit'),
             (0, 'go-ok-00-lefthook-update-client-with-download-timeout',
              'clean: the fix gives the self-update client a timeout sized for a whole download', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / TX-02: API client with a local cache of a generated CLI (printing-press-library)
PRINTINGPRESS = template('printing-press-trendhunter-client', r'''
// Client fetches Trend Hunter pages for the CLI's commands and keeps the answers in a local SQLite cache, so that a
// command like megatrend-map, which reads thirty pages, costs one request per page a day.
type Client struct {
    baseURL  string
    http     *http.Client
    db       *sql.DB
    cacheTTL time.Duration
}

// Get returns the body of one page, from the cache when it is fresh. ctx is the cobra command's context: Ctrl+C and
// the command's --timeout cancel it.
func (c *Client) Get(ctx context.Context, path string) ([]byte, error) {
    if body, ok, err := c.cached(ctx, path); err != nil {
        return nil, err
    } else if ok {
        return body, nil
    }
02|    req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.baseURL+path, nil)
1|    req, err := http.NewRequest(http.MethodGet, c.baseURL+path, nil) //@TMO-02
    if err != nil {
        return nil, err
    }
    req.Header.Set("User-Agent", userAgent)
    resp, err := c.http.Do(req)
    if err != nil {
        return nil, fmt.Errorf("GET %s: %w", path, err)
    }
    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return nil, fmt.Errorf("GET %s: %s", path, resp.Status)
    }
    body, err := io.ReadAll(resp.Body)
    if err != nil {
        return nil, err
    }
    if err := c.store(ctx, path, body); err != nil {
        return nil, fmt.Errorf("cache %s: %w", path, err)
    }
    return body, nil
}

func (c *Client) cached(ctx context.Context, path string) ([]byte, bool, error) {
    var body []byte
    var fetchedAt int64
    err := c.db.QueryRowContext(ctx, `SELECT body, fetched_at FROM responses WHERE path = ?`, path).Scan(&body, &fetchedAt)
    if errors.Is(err, sql.ErrNoRows) {
        return nil, false, nil
    }
    if err != nil {
        return nil, false, err
    }
    return body, time.Since(time.Unix(fetchedAt, 0)) < c.cacheTTL, nil
}

// store replaces the cached answer of one path.
func (c *Client) store(ctx context.Context, path string, body []byte) error {
    tx, err := c.db.BeginTx(ctx, nil)
    if err != nil {
        return err
    }
    defer tx.Rollback()
    if _, err := tx.ExecContext(ctx, `DELETE FROM responses WHERE path = ?`, path); err != nil {
        return err
    }
    if _, err := tx.ExecContext(ctx, `INSERT INTO responses (path, body, fetched_at) VALUES (?, ?, ?)`,
        path, body, time.Now().Unix()); err != nil {
        return err
    }
01|    return tx.Commit()
2|    tx.Commit() //@TX-02
2|    return nil
}
''')
cases_of(case, GH + 'mvanhorn/printing-press-library/pull/548', 'library/marketing/trendhunter/internal/client/client.go',
         G('client', ['context', 'database/sql', 'errors', 'fmt', 'io', 'net/http', 'time'])(PRINTINGPRESS), [
             (1, 'go-00-printing-press-request-without-command-context',
              'an edit builds the page request without the command\'s context, so Ctrl+C or the --timeout flag '
              'leaves an in-flight request running until the client timeout', 'edit'),
             (2, 'go-00-printing-press-cache-commit-unchecked',
              'an edit ignores the error of committing the cache write, so a busy or full SQLite file reports '
              'success for a page that was never cached', 'edit'),
             (0, 'go-ok-00-printing-press-request-with-command-context',
              'clean: the fix builds the request with the command\'s context', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / ERR-01: list view of a terminal Azure resource browser (azbrowse)
AZBROWSE = template('azbrowse-list-expand', r'''
// ExpandCurrentSelection fetches the children of the selected resource without blocking gocui's main loop. A panic
// on a goroutine that is not guarded leaves the terminal in raw mode with the UI half drawn.
func (w *ListWidget) ExpandCurrentSelection() {
    if len(w.items) == 0 {
        return
    }
    item := w.items[w.selected]
    w.statusbar.Status(fmt.Sprintf("Requesting: %s", item.ExpandURL), true)

02|    errorhandling.SafeGo(w.gui, func() {
1|    go func() { //@CONC-01
        data, err := w.client.DoRequest(w.ctx, "GET", item.ExpandURL)
        if err != nil {
            w.statusbar.Status(fmt.Sprintf("Failed to expand %s: %v", item.Name, err), false)
            return
        }
        var resp armListResponse
01|        if err := json.Unmarshal([]byte(data), &resp); err != nil {
01|            w.statusbar.Status(fmt.Sprintf("Failed to parse response for %s: %v", item.Name, err), false)
01|            return
01|        }
2|        _ = json.Unmarshal([]byte(data), &resp) //@ERR-01
        children := make([]*TreeNode, 0, len(resp.Value))
        for _, v := range resp.Value {
            children = append(children, &TreeNode{
                Name:      v.Name,
                ID:        v.ID,
                ExpandURL: v.ID + "?api-version=" + item.APIVersion,
                Parentid:  item.ID,
            })
        }
        w.gui.Update(func(g *gocui.Gui) error {
            w.SetNodes(children)
            w.statusbar.Status(fmt.Sprintf("Fetched %d items", len(children)), false)
            return nil
        })
02|    })
1|    }()
}
''')
_AZ = ['encoding/json', 'fmt', '', 'github.com/jroimartin/gocui']
cases_of(case, GH + 'lawrencegripper/azbrowse/pull/179', 'internal/pkg/views/list.go',
         GV('views', {0: _AZ + ['github.com/lawrencegripper/azbrowse/internal/pkg/errorhandling'], 1: _AZ,
                      2: _AZ + ['github.com/lawrencegripper/azbrowse/internal/pkg/errorhandling']})(AZBROWSE), [
             (1, 'go-00-azbrowse-expand-goroutine-without-recover',
              'an edit starts the expand request on a bare goroutine instead of the guarded runner, so a panic while '
              'building the nodes kills the process with the terminal left in raw mode', 'edit'),
             (2, 'go-00-azbrowse-expand-decode-error-ignored',
              'an edit ignores the error of decoding the list response, so a throttled or HTML answer shows an empty '
              'list with no message', 'edit'),
             (0, 'go-ok-00-azbrowse-expand-goroutine-guarded',
              'clean: the fix runs the expand request through the guarded runner that restores the terminal on a '
              'panic', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / TMO-01: TUF metadata store of a release channel client (trdl), new file
TRDL = template('trdl-file-store', r'''
// remoteRequestTimeout bounds one metadata or target request.
const remoteRequestTimeout = 2 * time.Minute

// fileLocalStore keeps the TUF metadata of one repository as JSON files, one per role, under the client's home
// directory. It replaces the LevelDB store, whose table files stayed open for the whole run and hit the open-files
// limit of machines with many repositories.
type fileLocalStore struct {
    dir string
}

func newFileLocalStore(dir string) (*fileLocalStore, error) {
    if err := os.MkdirAll(dir, 0o700); err != nil {
        return nil, fmt.Errorf("unable to create metadata dir %q: %w", dir, err)
    }
    return &fileLocalStore{dir: dir}, nil
}

// GetMeta returns the metadata of every role; the TUF client calls it at the start of each update.
func (s *fileLocalStore) GetMeta() (map[string]json.RawMessage, error) {
    entries, err := os.ReadDir(s.dir)
    if err != nil {
        return nil, err
    }
    meta := make(map[string]json.RawMessage, len(entries))
    for _, entry := range entries {
        if entry.IsDir() || filepath.Ext(entry.Name()) != ".json" {
            continue
        }
        data, err := s.readRole(entry.Name())
        if err != nil {
            return nil, err
        }
        meta[entry.Name()] = data
    }
    return meta, nil
}

func (s *fileLocalStore) readRole(name string) (json.RawMessage, error) {
    f, err := os.Open(filepath.Join(s.dir, name)) //@{1}RES-01
    if err != nil {
        return nil, fmt.Errorf("unable to open %q: %w", name, err)
    }
02|    defer f.Close()
    return io.ReadAll(f)
}

// SetMeta writes one role atomically: a reader never sees half a file.
func (s *fileLocalStore) SetMeta(name string, meta json.RawMessage) error {
    tmp, err := os.CreateTemp(s.dir, name+".*.tmp")
    if err != nil {
        return err
    }
    if _, err := tmp.Write(meta); err != nil {
        _ = tmp.Close()
        _ = os.Remove(tmp.Name())
        return err
    }
    if err := tmp.Close(); err != nil {
        _ = os.Remove(tmp.Name())
        return err
    }
    return os.Rename(tmp.Name(), filepath.Join(s.dir, name))
}

// httpRemoteStore reads the repository's metadata and targets over HTTP.
type httpRemoteStore struct {
    base   *url.URL
    client *http.Client
}

func newHTTPRemoteStore(baseURL string) (*httpRemoteStore, error) {
    u, err := url.Parse(baseURL)
    if err != nil {
        return nil, fmt.Errorf("invalid repository url %q: %w", baseURL, err)
    }
    return &httpRemoteStore{
        base:   u,
01|        client: &http.Client{Timeout: remoteRequestTimeout},
2|        client: &http.Client{}, //@TMO-01
    }, nil
}

// GetMeta opens one metadata file of the remote repository; the caller closes the reader.
func (s *httpRemoteStore) GetMeta(name string) (io.ReadCloser, int64, error) {
    resp, err := s.client.Get(s.base.JoinPath(name).String())
    if err != nil {
        return nil, 0, err
    }
    if resp.StatusCode != http.StatusOK {
        resp.Body.Close()
        return nil, 0, fmt.Errorf("GET %s: %s", name, resp.Status)
    }
    return resp.Body, resp.ContentLength, nil
}
''')
cases_of(case, GH + 'werf/trdl/issues/212', 'client/pkg/tuf/file_store.go',
         G('tuf', ['encoding/json', 'fmt', 'io', 'net/http', 'net/url', 'os', 'path/filepath', 'time'])(TRDL), [
             (1, 'go-00-trdl-new-file-store-role-file-left-open',
              'a new file-based metadata store opens each role file and never closes it, so every update leaves one '
              'descriptor per role open, the leak the store was meant to end', 'new'),
             (2, 'go-00-trdl-new-remote-store-without-timeout',
              'a new remote store builds its HTTP client without a timeout, so an update from a repository that '
              'stops answering hangs the client', 'new'),
             (0, 'go-ok-00-trdl-new-file-store',
              'clean: a new file-based metadata store that closes each role file and a remote store with a request '
              'timeout', 'new'),
         ])


# ---------------------------------------------------------------- ERR-01 / RES-03: media copy of a genealogy archive CLI (glx)
GLX = template('glx-media-copy', r'''
// copyMediaFiles copies the media an import references into the archive's media folder. A GEDCOM file of a large
// family tree references thousands of scans, and unchanged files are skipped by checksum.
func copyMediaFiles(media []MediaRef, destDir string) (copied int, err error) {
    for _, m := range media {
        dest := filepath.Join(destDir, filepath.Base(m.Path))
        if m.Checksum != "" {
            src, err := os.Open(m.Path)
            if err != nil {
                return copied, fmt.Errorf("open media %s: %w", m.Path, err)
            }
2|            defer src.Close() //@RES-03
            sum, err := checksum(src)
01|            src.Close()
            if err != nil {
                return copied, err
            }
            if sum == m.Checksum && fileExists(dest) {
                continue
            }
        }
        if err := copyFile(m.Path, dest); err != nil {
            return copied, fmt.Errorf("copy media %s: %w", m.Path, err)
        }
        copied++
    }
    return copied, nil
}

// copyFile copies src to dst. The close of dst is where a full disk or an NFS server reports the failed write.
func copyFile(src, dst string) (err error) {
    in, err := os.Open(src)
    if err != nil {
        return err
    }
    defer in.Close()
    out, err := os.Create(dst)
    if err != nil {
        return err
    }
02|    defer func() {
02|        if cerr := out.Close(); cerr != nil && err == nil {
02|            err = cerr
02|        }
02|    }()
1|    defer func() { _ = out.Close() }() //@ERR-01
    _, err = io.Copy(out, in)
    return err
}

func checksum(r io.Reader) (string, error) {
    h := sha256.New()
    if _, err := io.Copy(h, r); err != nil {
        return "", err
    }
    return hex.EncodeToString(h.Sum(nil)), nil
}
''')
cases_of(case, GH + 'genealogix/glx/issues/253', 'glx/media_copy.go',
         G('main', ['crypto/sha256', 'encoding/hex', 'fmt', 'io', 'os', 'path/filepath'])(GLX), [
             (1, 'go-00-glx-media-copy-close-error-discarded',
              'an edit closes the copied media file in a defer that discards the error, so a write that fails on '
              'close leaves a truncated scan in the archive and the import reports success', 'edit'),
             (2, 'go-00-glx-media-checksum-defers-close-in-loop',
              'an edit defers the close of each source file inside the media loop, so a tree with thousands of scans '
              'holds every file open until the copy ends', 'edit'),
             (0, 'go-ok-00-glx-media-copy-close-error-returned',
              'clean: the fix returns the error of closing the copied file', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / CONC-03: dependency sync of a Go dependency pinning CLI (glock)
GLOCK = template('glock-sync-dependencies', r'''
// Running too many syncs at once exhausts the file descriptor limit: each one runs git or hg with its own pipes, and
// about ninety were enough to reach macOS's default of 256.
const maxConcurrentSyncs = 10

// syncDependencies checks out every dependency of the GLOCKFILE at its pinned revision and reports all failures at
// the end instead of stopping at the first.
func syncDependencies(deps []dependency, gopath string, out io.Writer) error {
    var (
        wg       sync.WaitGroup
01|        mu       sync.Mutex
        failures []string
    )
02|    sem := make(chan struct{}, maxConcurrentSyncs)
    for _, dep := range deps {
        dep := dep
        wg.Add(1)
02|        sem <- struct{}{}
        go func() { //@{1}CONC-02
            defer wg.Done()
02|            defer func() { <-sem }()
            if err := syncRepo(dep, gopath); err != nil {
01|                mu.Lock()
                failures = append(failures, fmt.Sprintf("%s: %v", dep.importPath, err)) //@{2}CONC-03
01|                mu.Unlock()
                return
            }
            fmt.Fprintf(out, "%-50.49s %s\n", dep.importPath, dep.revision)
        }()
    }
    wg.Wait()
    if len(failures) > 0 {
        sort.Strings(failures)
        return fmt.Errorf("failed to sync %d dependencies:\n%s", len(failures), strings.Join(failures, "\n"))
    }
    return nil
}
''')
cases_of(case, GH + 'robfig/glock/pull/34', 'sync.go',
         G('main', ['fmt', 'io', 'sort', 'strings', 'sync'])(GLOCK), [
             (1, 'go-00-glock-sync-goroutine-per-dependency',
              'an edit drops the semaphore and starts one sync per dependency at once, so a large GLOCKFILE runs '
              'hundreds of VCS processes and hits the open-files limit', 'edit'),
             (2, 'go-00-glock-sync-failures-appended-without-lock',
              'an edit appends each failure to the shared list without the mutex, so concurrent failures race and '
              'lose entries', 'edit'),
             (0, 'go-ok-00-glock-sync-bounded-by-semaphore',
              'clean: the fix bounds the concurrent syncs with a semaphore', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-03 / TIME-01: per-repository audit of a GitHub audit CLI (audit)
AUDIT = template('audit-repositories', r'''
// auditAll audits every repository of the owner. One repository's checks are bounded by perRepoTimeout so that an
// organization with a repository whose hooks endpoint hangs still gets a report; ctx is cancelled on Ctrl+C.
func auditAll(ctx context.Context, client *github.Client, repos []*github.Repository, w *csv.Writer) error {
    for _, repo := range repos {
        if err := ctx.Err(); err != nil {
            return err
        }
02|        rctx, cancel := context.WithTimeout(ctx, perRepoTimeout)
1|        rctx, _ := context.WithTimeout(ctx, perRepoTimeout) //@TMO-03
        report, err := auditRepo(rctx, client, repo)
02|        cancel()
        if err != nil {
            logrus.Warnf("auditing %s failed: %v", repo.GetFullName(), err)
            continue
        }
        row := []string{
            repo.GetFullName(),
            strconv.FormatBool(report.branchProtected),
            strconv.Itoa(len(report.hooks)),
            strings.Join(report.deployKeys, ";"),
01|            time.Now().UTC().Format(time.RFC3339),
2|            time.Now().Format("2006-01-02 15:04:05"), //@TIME-01
        }
        if err := w.Write(row); err != nil {
            return err
        }
    }
    w.Flush()
    return w.Error()
}
''')
cases_of(case, GH + 'genuinetools/audit/pull/4', 'main.go',
         G('main', ['context', 'encoding/csv', 'strconv', 'strings', 'time', '', 'github.com/google/go-github/github',
                    'github.com/sirupsen/logrus'])(AUDIT), [
             (1, 'go-00-audit-repo-timeout-cancel-discarded',
              'an edit discards the cancel of each repository\'s timeout context, so every audited repository keeps '
              'a timer and its context alive until its timeout fires', 'edit'),
             (2, 'go-00-audit-report-time-written-without-zone',
              'an edit writes each row\'s audit time in the machine\'s local zone without an offset, so reports from '
              'runners in different zones cannot be compared or merged', 'edit'),
             (0, 'go-ok-00-audit-repo-timeout-cancelled',
              'clean: the fix cancels each repository\'s timeout context as soon as its audit returns', 'fix'),
         ])


# ---------------------------------------------------------------- OPS-01 / TX-01: pull command of a GitHub-to-SQLite CLI (github-brain), CRLF file
GITHUBBRAIN = template('github-brain-pull', r'''
// runPull pulls the organization's issues, pull requests and discussions into the local database. On Ctrl+C or
// SIGTERM the pull stops after the batch it is writing, so the database is never left with half a batch.
func runPull(cfg Config) error {
    db, err := openDB(cfg.DBPath)
    if err != nil {
        return err
    }
    defer db.Close()

    ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
    defer stop()

    done := make(chan error, 1)
    go func() { done <- pullAll(ctx, db, cfg) }()

    select {
    case err := <-done:
        return err
    case <-ctx.Done():
02|        slog.Info("Interrupted, finishing the current batch")
02|        return <-done
1|        slog.Info("Interrupted, exiting")
1|        return ctx.Err() //@OPS-01
    }
}

// saveItems writes one page of items; a page is all or nothing.
func saveItems(ctx context.Context, db *sql.DB, items []Item) error {
    tx, err := db.BeginTx(ctx, nil)
    if err != nil { //@{2}TX-01
        return err
    }
01|    defer tx.Rollback()
    stmt, err := tx.PrepareContext(ctx, `INSERT OR REPLACE INTO items (id, repo, kind, title, body, updated_at) VALUES (?, ?, ?, ?, ?, ?)`)
    if err != nil {
        return err
    }
    defer stmt.Close()
    for _, it := range items {
        if _, err := stmt.ExecContext(ctx, it.ID, it.Repo, it.Kind, it.Title, it.Body, it.UpdatedAt.UTC()); err != nil {
            return fmt.Errorf("saving %s: %w", it.ID, err)
        }
    }
    return tx.Commit()
}
''')
cases_of(case, GH + 'wham/github-brain/pull/14', 'internal/pull/pull.go',
         G('pull', ['context', 'database/sql', 'fmt', 'log/slog', 'os', 'os/signal', 'syscall'])(GITHUBBRAIN), [
             (1, 'go-00-github-brain-interrupt-returns-before-batch-ends',
              'an edit returns as soon as the signal arrives, so the deferred close of the database runs while the '
              'pull goroutine is still writing a batch', 'edit'),
             (2, 'go-00-github-brain-batch-transaction-not-rolled-back',
              'an edit drops the deferred rollback of a page\'s transaction, so a failed insert leaves the '
              'transaction open and the SQLite file locked for the rest of the pull', 'edit'),
             (0, 'go-ok-00-github-brain-interrupt-waits-for-batch',
              'clean: the fix waits for the pull goroutine to finish its batch after a signal', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-07 / RES-04: scheduled sync of a Pi-hole sync tool (nebula-sync), renamed file
NEBULA = template('nebula-sync-service', r'''
// Service syncs the primary Pi-hole's configuration to every replica, once or on a cron schedule.
type Service struct {
    target  sync.Target
    cron    *string
    client  *http.Client
    timeout time.Duration
}

// Run syncs once and, with a schedule, keeps syncing until ctx ends. A failed run, even the first, is logged and the
// next scheduled run retries: a replica that is down at startup must not stop the schedule.
func (s *Service) Run(ctx context.Context) error {
    if err := s.doSync(ctx); err != nil {
        if s.cron == nil {
            return err
        }
        log.Error().Err(err).Msg("Initial sync failed, waiting for the next scheduled run")
    }
    if s.cron == nil {
        return nil
    }
    sched, err := cron.ParseStandard(*s.cron)
    if err != nil {
        return fmt.Errorf("parse cron %q: %w", *s.cron, err)
    }
    for {
        next := sched.Next(time.Now())
        select {
        case <-ctx.Done():
            return nil
        case <-time.After(time.Until(next)):
        }
        if err := s.doSync(ctx); err != nil {
02|            log.Error().Err(err).Msg("Scheduled sync failed")
1|            return fmt.Errorf("scheduled sync: %w", err) //@CONC-07
        }
    }
}

func (s *Service) doSync(ctx context.Context) error {
    log.Info().Str("primary", s.target.Primary.URL).Msg("Running sync")
01|    client := s.client
2|    client := &http.Client{Timeout: s.timeout, Transport: &http.Transport{MaxIdleConnsPerHost: 4}} //@RES-04
    if err := s.target.FullSync(ctx, client); err != nil {
        return err
    }
    log.Info().Int("replicas", len(s.target.Replicas)).Msg("Sync completed")
    return nil
}
''')
cases_of(case, GH + 'lovelaze/nebula-sync/pull/267', 'internal/service/service.go',
         G('service', ['context', 'fmt', 'net/http', 'time', '', 'github.com/lovelaze/nebula-sync/internal/sync',
                       'github.com/robfig/cron/v3', 'github.com/rs/zerolog/log'])(NEBULA), [
             (1, 'go-00-nebula-sync-renamed-service-schedule-ends-on-error',
              'a PR renames the service file and returns from the schedule loop on a failed run, so one unreachable '
              'replica ends every later sync until the container restarts', 'rename'),
             (2, 'go-00-nebula-sync-renamed-service-client-per-run',
              'a PR renames the service file and builds a new HTTP client and transport for every sync run, so each '
              'scheduled run opens fresh connections that nothing reuses or closes', 'rename'),
             (0, 'go-ok-00-nebula-sync-renamed-service',
              'clean: the rename alone; a failed scheduled run is logged and the service\'s one client is reused',
              'rename'),
         ], rename_from='internal/service/sync.go')
