"""Round-88 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
once and gives three cases: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean
look-alike (round 15's common15.variant, through round 16's common16). A case is a new file, an edit that turns the
clean file into a defect, the fix that turns the first defect into the clean file, or a move (round 16's
common16.cases_of). Names carry `00`: they are numbered in order at the end."""
from common16 import make_case, go, f, cases_of, variant  # noqa: F401
import heldoutlib  # the shared template helpers (make_cases.py put its folder on the path)

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'
TEMPLATES = heldoutlib.Templates()
template = TEMPLATES.template
G, GV = heldoutlib.go_version, heldoutlib.go_versions


# ---------------------------------------------------------------- ERR-01 / LOG-01: package loading of a language server (golang/tools)
GOPLSLOAD = template('gopls-load-packages', r'''
// loadPackages runs go/packages for the query and turns every error it reports, the list errors of a package that
// cannot be parsed at all included, into diagnostics on the file the error names. A file without a package clause
// used to show up as unrelated errors in other files of the package.
func (s *snapshot) loadPackages(ctx context.Context, query ...string) ([]*metadata, error) {
    cfg := s.config(ctx)
02|    pkgs, err := packages.Load(cfg, query...)
02|    if err != nil {
02|        return nil, fmt.Errorf("go/packages.Load %v: %w", query, err)
02|    }
1|    pkgs, _ := packages.Load(cfg, query...) //@ERR-01
    if len(pkgs) == 0 {
        return nil, fmt.Errorf("no packages returned for %v", query)
    }

    var result []*metadata
    for _, pkg := range pkgs {
        m := s.setMetadata(pkg)
        for _, perr := range pkg.Errors {
            s.addListError(m, perr)
        }
        for _, file := range pkg.CompiledGoFiles {
2|            log.Printf("lsp: loaded %s into %s", file, pkg.PkgPath) //@LOG-01
            uri := span.URIFromPath(file)
            s.ids[uri] = append(s.ids[uri], m.id)
        }
        result = append(result, m)
    }
    return result, nil
}

// addListError records an error go list reported for the package as a diagnostic of the file it names, or of the
// package's first file when it names none.
func (s *snapshot) addListError(m *metadata, perr packages.Error) {
    pos := strings.SplitN(perr.Pos, ":", 2)[0]
    if pos == "" {
        if len(m.files) == 0 {
            return
        }
        s.listErrors[m.files[0]] = append(s.listErrors[m.files[0]], perr.Msg)
        return
    }
    uri := span.URIFromPath(pos)
    s.listErrors[uri] = append(s.listErrors[uri], perr.Msg)
}
''')
_TOOLS = ['golang.org/x/tools/go/packages', 'golang.org/x/tools/internal/span']
cases_of(case, GH + 'golang/tools/pull/102', 'internal/lsp/cache/load.go',
         GV('cache', {0: ['context', 'fmt', 'strings', ''] + _TOOLS, 1: ['context', 'fmt', 'strings', ''] + _TOOLS,
                      2: ['context', 'fmt', 'log', 'strings', ''] + _TOOLS})(GOPLSLOAD), [
             (1, 'go-00-golang-tools-load-error-dropped',
              'an edit drops the error of go/packages.Load, so a workspace whose go list fails loads as no packages '
              'and the user sees "no packages returned" instead of the reason', 'edit'),
             (2, 'go-00-golang-tools-load-logs-every-file',
              'an edit logs every compiled file of every loaded package, so each reload of a large module writes '
              'thousands of lines to the language server log', 'edit'),
             (0, 'go-ok-00-golang-tools-load-error-reported',
              'clean: the fix returns the load error again', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-02: artifact download client of a repository CLI (jfrog-cli)
JFROGDL = template('jfrog-cli-download', r'''
// HttpClient downloads artifacts from one Artifactory instance.
type HttpClient struct {
    client   *http.Client
    user     string
    password string
}

// NewHttpClient returns a client that gives up on a download after timeout. A network blip half way through a large
// binary used to leave the download waiting for bytes that never came; the caller's retry loop now starts the file
// again instead.
func NewHttpClient(user, password string, timeout time.Duration) *HttpClient {
    transport := &http.Transport{
        Proxy:               http.ProxyFromEnvironment,
        TLSHandshakeTimeout: 30 * time.Second,
        MaxIdleConnsPerHost: 4,
    }
    return &HttpClient{
02|        client:   &http.Client{Transport: transport, Timeout: timeout},
1|        client:   &http.Client{Transport: transport}, //@TMO-01
        user:     user,
        password: password,
    }
}

// DownloadFile writes the artifact at url to path, through a temporary file so that a failed download leaves no
// partial artifact behind.
func (c *HttpClient) DownloadFile(url, path string) error {
    req, err := http.NewRequest(http.MethodGet, url, nil)
    if err != nil {
        return err
    }
    req.SetBasicAuth(c.user, c.password)

    resp, err := c.client.Do(req)
    if err != nil { //@{2}RES-02
        return err
    }
01|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return fmt.Errorf("download %s: %s", url, resp.Status)
    }

    out, err := os.Create(path + ".tmp")
    if err != nil {
        return err
    }
    if _, err := io.Copy(out, resp.Body); err != nil {
        out.Close()
        return fmt.Errorf("download %s: %w", url, err)
    }
2|    resp.Body.Close()
    if err := out.Close(); err != nil {
        return err
    }
    return os.Rename(path+".tmp", path)
}
''')
cases_of(case, GH + 'jfrog/jfrog-cli/issues/288', 'utils/httpclient/download.go',
         G('httpclient', ['fmt', 'io', 'net/http', 'os', 'time'])(JFROGDL), [
             (1, 'go-00-jfrog-cli-download-client-without-timeout',
              'an edit moves the download client onto its own transport and drops its timeout, so a download whose '
              'connection stalls mid-file hangs the CLI until someone kills the CI job', 'edit'),
             (2, 'go-00-jfrog-cli-download-body-closed-only-on-success',
              'an edit closes the download response only after a successful copy, so every 404 or 401 answer keeps '
              'its connection open', 'edit'),
             (0, 'go-ok-00-jfrog-cli-download-client-with-timeout',
              'clean: the fix gives the download client its timeout back', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / CONC-01: batch existence check of a large-file extension (git-lfs)
GITLFS = template('git-lfs-check-missing', r'''
// checkMissing asks the server, batch by batch, which of the pointers it lacks, with up to q.concurrency batches in
// flight. Each batch runs on its own goroutine and records the objects the server wants in the shared map.
func (q *TransferQueue) checkMissing(pointers []*Pointer) map[string]*Pointer {
    byOid := make(map[string]*Pointer, len(pointers))
    for _, p := range pointers {
        byOid[p.Oid] = p
    }

    var (
        mu      sync.Mutex
        wg      sync.WaitGroup
        missing = make(map[string]*Pointer)
        sem     = make(chan struct{}, q.concurrency)
    )
    for _, batch := range chunk(pointers, q.batchSize) {
        batch := batch
        wg.Add(1)
        sem <- struct{}{}
        go func() { //@{2}CONC-01
            defer wg.Done()
            defer func() { <-sem }()
01|            defer func() {
01|                if r := recover(); r != nil {
01|                    q.errorc <- fmt.Errorf("batch check of %d objects panicked: %v", len(batch), r)
01|                }
01|            }()

            objects, err := q.client.Batch(q.remote, "upload", batch)
            if err != nil {
                q.errorc <- err
                return
            }
02|            mu.Lock()
02|            defer mu.Unlock()
            for _, obj := range objects {
                if obj.NeedsUpload() {
                    missing[obj.Oid] = byOid[obj.Oid] //@{1}CONC-03
                }
            }
        }()
    }
    wg.Wait()
    return missing
}
''')
cases_of(case, GH + 'git-lfs/git-lfs/pull/801', 'lfs/transfer_queue.go',
         GV('lfs', {0: ['fmt', 'sync'], 1: ['fmt', 'sync'], 2: ['sync']})(GITLFS), [
             (1, 'go-00-git-lfs-missing-map-written-without-lock',
              'an edit drops the lock around the map the batch goroutines fill, so two batches answering at once '
              'crash a push with "concurrent map writes"', 'edit'),
             (2, 'go-00-git-lfs-batch-goroutine-without-recover',
              'an edit drops the recover of the batch goroutine, so a malformed batch answer that panics takes down '
              'the whole push instead of failing that batch', 'edit'),
             (0, 'go-ok-00-git-lfs-missing-map-locked',
              'clean: the fix locks the shared map again', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / RES-04: cache of a Go module proxy (go-mod-proxy), renamed file
GOMODPROXY = template('go-mod-proxy-fetcher', r'''
// Fetcher serves module files from the cache bucket and fills the cache from the upstream proxy on a miss.
type Fetcher struct {
    bucket      *storage.BucketHandle
    upstreamURL string
    httpClient  *http.Client
}

// NewFetcher returns a fetcher that fills bucket from the proxy at upstreamURL.
func NewFetcher(bucket *storage.BucketHandle, upstreamURL string) *Fetcher {
    return &Fetcher{
        bucket:      bucket,
        upstreamURL: strings.TrimSuffix(upstreamURL, "/"),
        httpClient:  &http.Client{Timeout: 2 * time.Minute},
    }
}

// Info returns the .info file of a module version, from the cache when it holds one.
func (f *Fetcher) Info(ctx context.Context, module, version string) ([]byte, error) {
    name := path.Join(module, "@v", version+".info")
    r, err := f.bucket.Object(name).NewReader(ctx)
    if err != nil { //@{1}RES-01
        return f.onCacheMiss(ctx, name, err)
    }
02|    defer r.Close()
    return io.ReadAll(r)
}

// onCacheMiss fetches name from the upstream proxy when the cache does not hold it and stores what it got.
func (f *Fetcher) onCacheMiss(ctx context.Context, name string, err error) ([]byte, error) {
    if !errors.Is(err, storage.ErrObjectNotExist) {
        return nil, fmt.Errorf("read %s from cache: %w", name, err)
    }
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, f.upstreamURL+"/"+name, nil)
    if err != nil {
        return nil, err
    }
01|    resp, err := f.httpClient.Do(req)
2|    client := &http.Client{Timeout: 2 * time.Minute} //@RES-04
2|    resp, err := client.Do(req)
    if err != nil {
        return nil, fmt.Errorf("fetch %s upstream: %w", name, err)
    }
    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return nil, fmt.Errorf("fetch %s upstream: %s", name, resp.Status)
    }
    data, err := io.ReadAll(resp.Body)
    if err != nil {
        return nil, err
    }

    w := f.bucket.Object(name).NewWriter(ctx)
    if _, err := w.Write(data); err != nil {
        w.Close()
        return nil, fmt.Errorf("cache %s: %w", name, err)
    }
    if err := w.Close(); err != nil {
        return nil, fmt.Errorf("cache %s: %w", name, err)
    }
    return data, nil
}
''')
cases_of(case, GH + 'go-mod-proxy/go-mod-proxy/pull/27', 'internal/upstream/fetcher.go',
         G('upstream', ['context', 'errors', 'fmt', 'io', 'net/http', 'path', 'strings', 'time', '',
                        'cloud.google.com/go/storage'])(GOMODPROXY), [
             (1, 'go-00-go-mod-proxy-renamed-fetcher-cache-reader-not-closed',
              'a PR renames the cache file and reads cached .info files without closing the bucket reader, so every '
              'cache hit keeps a storage connection open', 'rename'),
             (2, 'go-00-go-mod-proxy-renamed-fetcher-client-per-miss',
              'a PR renames the cache file and builds an HTTP client for every cache miss, so a cold cache opens a new '
              'connection to the upstream proxy for each module file', 'rename'),
             (0, 'go-ok-00-go-mod-proxy-renamed-fetcher',
              'clean: the rename alone; the reader is closed and the shared client is used', 'rename'),
         ], rename_from='internal/upstream/gcs.go')


# ---------------------------------------------------------------- RES-03 / ERR-01: layer unpacking of an image builder (kaniko)
KANIKO = template('kaniko-fs-from-layers', r'''
const whiteoutPrefix = ".wh."

// GetFSFromLayers unpacks the layers of an image, base layer first, into root. Each layer's reader is closed before
// the next one is opened: the registry client hands out a fixed number of concurrent blob fetches, and only a close
// gives a slot back.
func GetFSFromLayers(root string, layers []v1.Layer, opts FSOpts) ([]string, error) {
    var extracted []string
    for i, l := range layers {
        if opts.skip(i) {
            continue
        }
        r, err := l.Uncompressed()
        if err != nil {
            return nil, fmt.Errorf("layer %d: %w", i, err)
        }
1|        defer r.Close() //@RES-03
        files, err := unpackLayer(root, tar.NewReader(r))
02|        if cerr := r.Close(); cerr != nil && err == nil {
02|            err = cerr
02|        }
        if err != nil {
            return nil, fmt.Errorf("unpack layer %d: %w", i, err)
        }
        extracted = append(extracted, files...)
    }
    return extracted, nil
}

// unpackLayer writes the entries of one layer under root and returns the paths it wrote. A whiteout entry removes
// what a lower layer put at its path.
func unpackLayer(root string, tr *tar.Reader) ([]string, error) {
    var files []string
    for {
        hdr, err := tr.Next()
        if err == io.EOF {
            return files, nil
        }
        if err != nil {
            return nil, err
        }
        dest := filepath.Join(root, filepath.Clean("/"+hdr.Name))
        if base := filepath.Base(dest); strings.HasPrefix(base, whiteoutPrefix) {
            target := filepath.Join(filepath.Dir(dest), strings.TrimPrefix(base, whiteoutPrefix))
01|            if err := os.RemoveAll(target); err != nil {
01|                return nil, fmt.Errorf("whiteout %s: %w", hdr.Name, err)
01|            }
2|            os.RemoveAll(target) //@ERR-01
            continue
        }
        if err := extractFile(dest, hdr, tr); err != nil {
            return nil, err
        }
        files = append(files, dest)
    }
}
''')
cases_of(case, GH + 'chainguard-forks/kaniko/pull/477', 'pkg/util/fs_util.go',
         G('util', ['archive/tar', 'fmt', 'io', 'os', 'path/filepath', 'strings', '',
                    'v1 github.com/google/go-containerregistry/pkg/v1'])(KANIKO), [
             (1, 'go-00-kaniko-layer-reader-close-deferred-in-loop',
              'an edit defers the close of each layer reader inside the loop over the layers, so no reader is closed '
              'before the whole image is unpacked and the fifth layer waits forever for a fetch slot', 'edit'),
             (2, 'go-00-kaniko-whiteout-removal-error-dropped',
              'an edit drops the error of removing a whited-out path, so a file the image deletes can survive in the '
              'built filesystem without any message', 'edit'),
             (0, 'go-ok-00-kaniko-layer-reader-closed-each-layer',
              'clean: the fix closes each layer reader before the next layer again', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / CONC-06: module walker of a language server (terraform-ls), new file
TFWALKER = template('terraform-ls-walker', r'''
// ModuleLoader loads one module directory: the terraform version, the provider schemas and the module manifest.
type ModuleLoader interface {
    Load(ctx context.Context, dir string) error
}

// Walker finds the Terraform modules under a workspace folder and loads each of them. Stopping the walker, which the
// server does on shutdown, cancels the loads it started too, so quitting the editor no longer waits for a terraform
// process to finish.
type Walker struct {
    loader      ModuleLoader
    logger      *log.Logger
    concurrency int

    mu     sync.Mutex
    cancel context.CancelFunc
}

// NewWalker returns a walker that loads up to one module per CPU at a time.
func NewWalker(loader ModuleLoader, logger *log.Logger) *Walker {
    return &Walker{loader: loader, logger: logger, concurrency: runtime.NumCPU()}
}

// StartWalking walks root in the background; the walk and every load it starts end with ctx or with Stop.
func (w *Walker) StartWalking(ctx context.Context, root string) error {
    ctx, cancel := context.WithCancel(ctx)
    w.mu.Lock()
    w.cancel = cancel
    w.mu.Unlock()

    dirs, err := findModuleDirs(root)
    if err != nil {
        cancel()
        return fmt.Errorf("walk %s: %w", root, err)
    }

    go func() {
        defer func() {
            if r := recover(); r != nil {
                w.logger.Printf("walker: loading modules under %s stopped: %v", root, r)
            }
        }()
        defer cancel()

        var g errgroup.Group
        g.SetLimit(w.concurrency)
        for _, dir := range dirs {
            dir := dir
            g.Go(func() error {
02|                return w.loader.Load(ctx, dir)
1|                return w.loader.Load(context.Background(), dir) //@TMO-02
            })
        }
01|        if err := g.Wait(); err != nil && !errors.Is(err, context.Canceled) {
01|            w.logger.Printf("walker: loading modules under %s: %v", root, err)
01|        }
2|        g.Wait() //@CONC-06
    }()
    return nil
}

// Stop cancels the walk and the loads it started.
func (w *Walker) Stop() {
    w.mu.Lock()
    defer w.mu.Unlock()
    if w.cancel != nil {
        w.cancel()
    }
}

// findModuleDirs lists the directories under root that hold .tf files, skipping hidden folders such as .terraform.
func findModuleDirs(root string) ([]string, error) {
    seen := make(map[string]bool)
    var dirs []string
    err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
        if err != nil {
            return err
        }
        if d.IsDir() && p != root && strings.HasPrefix(d.Name(), ".") {
            return filepath.SkipDir
        }
        if dir := filepath.Dir(p); !d.IsDir() && filepath.Ext(p) == ".tf" && !seen[dir] {
            seen[dir] = true
            dirs = append(dirs, dir)
        }
        return nil
    })
    return dirs, err
}
''')
_TFW = ['context', 'errors', 'fmt', 'io/fs', 'log', 'path/filepath', 'runtime', 'strings', 'sync', '',
        'golang.org/x/sync/errgroup']
cases_of(case, GH + 'hashicorp/terraform-ls/issues/195', 'internal/walker/walker.go',
         GV('walker', {0: _TFW, 1: _TFW, 2: [i for i in _TFW if i != 'errors']})(TFWALKER), [
             (1, 'go-00-terraform-ls-new-walker-loads-on-background-context',
              'a new module walker loads each module on a background context, so stopping the walker or shutting the '
              'server down leaves the terraform processes of the loads running', 'new'),
             (2, 'go-00-terraform-ls-new-walker-load-errors-unobserved',
              'a new module walker waits for its loads without looking at their result, so a module whose schema '
              'cannot be obtained fails without a line in the log', 'new'),
             (0, 'go-ok-00-terraform-ls-new-walker',
              'clean: a new module walker whose loads end with the walk and whose failures are logged', 'new'),
         ])


# ---------------------------------------------------------------- LOG-01 / CONC-02: file runner of a type-aware linter (tsgolint), new file
TSGOLINT = template('tsgolint-runner', r'''
// Runner lints the files of a program with the enabled rules, r.workers files at a time.
type Runner struct {
    rules    []Rule
    logLevel LogLevel
    workers  int
}

// Run lints files and hands every diagnostic to report, which must be safe for concurrent use. It returns the first
// error a file's linting reported, after all files are done.
func (r *Runner) Run(ctx context.Context, program *Program, files []*SourceFile, report func(Diagnostic)) error {
    var wg sync.WaitGroup
01|    sem := make(chan struct{}, r.workers)
    errs := make(chan error, len(files))
    for _, file := range files {
        if ctx.Err() != nil {
            break
        }
        file := file
01|        sem <- struct{}{}
        wg.Add(1)
        go func() { //@{2}CONC-02
            defer wg.Done()
01|            defer func() { <-sem }()
02|            if r.logLevel == LogLevelDebug {
02|                log.Printf("linting %s", file.FileName())
02|            }
1|            log.Printf("tsgolint: linting %s", file.FileName()) //@LOG-01
            if err := r.lintFile(ctx, program, file, report); err != nil {
                errs <- fmt.Errorf("%s: %w", file.FileName(), err)
            }
        }()
    }
    wg.Wait()
    close(errs)
    return <-errs
}

// lintFile runs every rule on one file with the type checker of the file's project.
func (r *Runner) lintFile(ctx context.Context, program *Program, file *SourceFile, report func(Diagnostic)) error {
    checker, done := program.GetTypeCheckerForFile(ctx, file)
    defer done()
    for _, rule := range r.rules {
        rc := &RuleContext{Program: program, File: file, Checker: checker, Report: report}
        if err := rule.Run(rc); err != nil {
            return fmt.Errorf("rule %s: %w", rule.Name, err)
        }
    }
    return nil
}
''')
cases_of(case, GH + 'oxc-project/tsgolint/pull/148', 'internal/linter/runner.go',
         G('linter', ['context', 'fmt', 'log', 'sync'])(TSGOLINT), [
             (1, 'go-00-tsgolint-new-runner-logs-every-file',
              'a new lint runner logs the name of every file it lints whatever the log level, so linting a monorepo '
              'writes a line per file to the editor\'s output on every run', 'new'),
             (2, 'go-00-tsgolint-new-runner-goroutine-per-file',
              'a new lint runner starts a goroutine per file with no limit, so a project of fifty thousand files '
              'type-checks them all at once and runs out of memory', 'new'),
             (0, 'go-ok-00-tsgolint-new-runner',
              'clean: a new lint runner with a bounded number of workers that logs files at debug level only', 'new'),
         ])


# ---------------------------------------------------------------- TMO-03 / CONC-03: lint requests of a general language server (efm-langserver), CRLF
EFMLINT = template('efm-langserver-run-lint', r'''
// runLint lints one document with the linters configured for its language; it runs on its own goroutine for each
// request. A newer request for the same document cancels this one, and a linter that hangs is stopped after
// h.lintTimeout.
func (h *langHandler) runLint(uri DocumentURI, event eventType) {
    h.lintMu.Lock()
    if prev, ok := h.lintCancels[uri]; ok {
        prev()
    }
    ctx, cancel := context.WithCancel(context.Background())
    h.lintCancels[uri] = cancel
    h.lintMu.Unlock()

02|    ctx, stop := context.WithTimeout(ctx, h.lintTimeout)
02|    defer stop()
1|    ctx, _ = context.WithTimeout(ctx, h.lintTimeout) //@TMO-03
    diagnostics, err := h.lint(ctx, uri, event)
    if err != nil {
        if !errors.Is(err, context.Canceled) && !errors.Is(err, context.DeadlineExceeded) {
            h.logger.Println(err)
        }
        return
    }

01|    h.publishMu.Lock()
    for u := range diagnostics {
        h.lastPublishedURIs[u] = struct{}{} //@{2}CONC-03
    }
01|    h.publishMu.Unlock()
    for u, ds := range diagnostics {
        h.conn.Notify(context.Background(), "textDocument/publishDiagnostics", &PublishDiagnosticsParams{
            URI:         u,
            Diagnostics: ds,
        })
    }
}
''')
cases_of(case, GH + 'mattn/efm-langserver/pull/201', 'langserver/handle_lint.go',
         G('langserver', ['context', 'errors'])(EFMLINT), [
             (1, 'go-00-efm-langserver-lint-timeout-cancel-discarded',
              'an edit bounds each lint run with a timeout and discards its cancel, so every keystroke leaves a timer '
              'and a context behind until the timeout fires', 'edit'),
             (2, 'go-00-efm-langserver-published-uris-written-without-lock',
              'an edit records the published documents without the publish lock, so two lint goroutines finishing '
              'together crash the server on a concurrent map write', 'edit'),
             (0, 'go-ok-00-efm-langserver-lint-timeout-cancelled',
              'clean: the fix cancels the lint timeout when the run ends', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- TMO-03 / TMO-02: registry request deadline of an attestation policy provider, new file
ATTESTDEADLINE = template('attestations-deadline-round-tripper', r'''
// deadlineRoundTripper bounds each registry request, reading its body included, by timeout. The connection-phase
// timeouts of the shared transport stop counting once the headers arrive, so a stalled body read on a reused
// keep-alive connection could otherwise hang a referrers fetch until the admission deadline.
type deadlineRoundTripper struct {
    next    http.RoundTripper
    timeout time.Duration
}

func (d *deadlineRoundTripper) RoundTrip(req *http.Request) (*http.Response, error) {
01|    ctx, cancel := context.WithTimeout(req.Context(), d.timeout) //@{1}TMO-03
2|    ctx, cancel := context.WithTimeout(context.Background(), d.timeout) //@TMO-02
    resp, err := d.next.RoundTrip(req.WithContext(ctx))
    if err != nil {
02|        cancel()
        return nil, err
    }
    resp.Body = &cancelOnCloseBody{ReadCloser: resp.Body, cancel: cancel}
    return resp, nil
}

// cancelOnCloseBody releases the request's deadline when the body is closed, once however often Close is called.
type cancelOnCloseBody struct {
    io.ReadCloser
    once   sync.Once
    cancel context.CancelFunc
}

func (b *cancelOnCloseBody) Close() error {
    err := b.ReadCloser.Close()
    b.once.Do(b.cancel)
    return err
}

// withRequestDeadline wraps the shared registry transport; a timeout of zero leaves requests unbounded.
func withRequestDeadline(next http.RoundTripper, timeout time.Duration) http.RoundTripper {
    if timeout <= 0 {
        return next
    }
    return &deadlineRoundTripper{next: next, timeout: timeout}
}
''')
cases_of(case, GH + 'github/artifact-attestations-opa-provider/pull/208', 'pkg/fetcher/deadline.go',
         G('fetcher', ['context', 'io', 'net/http', 'sync', 'time'])(ATTESTDEADLINE), [
             (1, 'go-00-attestations-new-deadline-not-cancelled-on-error',
              'a new per-request deadline for registry calls is not cancelled when the round trip fails, so every '
              'refused connection leaves its timer running for the whole timeout', 'new'),
             (2, 'go-00-attestations-new-deadline-on-background-context',
              'a new per-request deadline for registry calls starts from a background context, so an admission '
              'request that is abandoned keeps its registry fetches running', 'new'),
             (0, 'go-ok-00-attestations-new-deadline-round-tripper',
              'clean: a new per-request deadline derived from the request and released on every path', 'new'),
         ])


# ---------------------------------------------------------------- ERR-01 / RES-01: commit objects of a git library for a code hosting server (git-module)
GITMODULE = template('git-module-commit', r'''
// ParentID returns the ID of the n-th parent of the commit.
func (c *Commit) ParentID(n int) (*SHA1, error) {
    if n >= len(c.parents) {
        return nil, ErrParentNotExist
    }
    return c.parents[n], nil
}

// Parent returns the n-th parent of the commit, read from the repository.
func (c *Commit) Parent(n int, opts ...CatFileCommitOptions) (*Commit, error) {
02|    id, err := c.ParentID(n)
02|    if err != nil {
02|        return nil, err
02|    }
1|    id, _ := c.ParentID(n) //@ERR-01
    return c.repo.CatFileCommit(id.String(), opts...)
}

// ReadFile returns the contents of the file at subpath in the commit's tree.
func (c *Commit) ReadFile(subpath string, opts ...LsTreeOptions) ([]byte, error) {
    e, err := c.TreeEntry(subpath, opts...)
    if err != nil {
        return nil, err
    }
    if !e.IsBlob() {
        return nil, fmt.Errorf("%s is not a file", subpath)
    }
    r, err := e.Blob().Reader()
    if err != nil { //@{2}RES-01
        return nil, err
    }
01|    defer r.Close()
    return io.ReadAll(r)
}

// CommitsCount returns the number of commits reachable from the commit.
func (c *Commit) CommitsCount(opts ...RevListCountOptions) (int64, error) {
    return c.repo.RevListCount([]string{c.ID.String()}, opts...)
}
''')
cases_of(case, GH + 'gogs/git-module/pull/84', 'commit.go',
         G('git', ['fmt', 'io'])(GITMODULE), [
             (1, 'go-00-git-module-parent-error-dropped',
              'an edit drops the error of looking up a commit\'s parent, so asking for the parent of a root commit '
              'dereferences a nil ID and panics the code hosting server that renders the history', 'edit'),
             (2, 'go-00-git-module-blob-reader-not-closed',
              'an edit reads a file of a commit without closing the blob reader, so every file a browser views keeps '
              'a git cat-file process and its pipe alive', 'edit'),
             (0, 'go-ok-00-git-module-parent-error-checked',
              'clean: the fix checks the parent lookup again', 'fix'),
         ])
